/**
 * What every report hands to the renderers: a title, the facts it was made from, one detail table whose
 * rows stream (so a large report never sits in memory), and a summary (tables and bar charts) that is
 * complete once the detail rows have been read. CSV and XLSX write the detail rows as they come; the PDF
 * shows the summary and, for reports that allow it, the first detail rows.
 */

export type ReportFormat = 'csv' | 'xlsx' | 'pdf';
export const REPORT_FORMATS: readonly ReportFormat[] = ['csv', 'xlsx', 'pdf'];

/** text; integer (a count or a number of days); date (YYYY-MM-DD); datetime (an instant); money (minor units of the row's currency). */
export type ColumnKind = 'text' | 'integer' | 'date' | 'datetime' | 'money';

export interface ReportColumn {
  key: string;
  header: string;
  kind: ColumnKind;
  /** For money columns: the key of the cell holding the ISO 4217 currency code of the row. */
  currencyKey?: string;
  /** Relative width in the PDF (default 1). */
  width?: number;
}

/** A cell: text, an integer, a date 'YYYY-MM-DD', an instant, or a money amount in minor units (bigint). */
export type Cell = string | number | bigint | Date | null;

/**
 * item: one fact. subtotal: the sum of the item rows since the previous subtotal (its group).
 * total: the sum of every item row with the same currency. Renderers turn subtotals and totals into
 * formulas where the format has them (XLSX).
 */
export type RowKind = 'item' | 'subtotal' | 'total';

export interface ReportRow {
  kind: RowKind;
  cells: Record<string, Cell>;
}

export interface ReportTable {
  title: string;
  columns: ReportColumn[];
  rows: ReportRow[];
}

/** A bar chart: one bar per category and series (values in minor units of `currency`, or plain counts). */
export interface BarChartSpec {
  title: string;
  categories: string[];
  series: { name: string; values: bigint[] }[];
  /** Money charts name their currency; counts leave it out. */
  currency?: string;
}

export interface ReportSummary {
  tables: ReportTable[];
  charts: BarChartSpec[];
}

export interface RenderableReport {
  type: string;
  title: string;
  /** Lines under the title: the parameters in words ("As of 2026-11-30 (Europe/Berlin)"). */
  subtitle: string[];
  generatedAt: Date;
  /** The detail table; `rows` may be read once. */
  detail: { title: string; columns: ReportColumn[]; rows: AsyncIterable<ReportRow>; hasTotals: boolean };
  /** Complete once `detail.rows` has been read to its end. */
  summary(): ReportSummary;
  /** How many detail rows the PDF shows (0: none, the summary says it all). */
  pdfDetailRows: number;
}
