import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { currencyDigits, minorToDecimal } from '@conveyor/kernel';
import type { Cell, ReportColumn, ReportRow, ReportTable, RenderableReport } from '../report-model';
import { currencyOf, ROW_KIND_LABEL } from './cell-text';

const DATE_FORMAT = 'yyyy-mm-dd';
const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/**
 * XLSX through exceljs's streaming WorkbookWriter: each row is committed as it is written, so the detail
 * sheet never sits in memory. Money cells are numbers with the currency's number format
 * (`#,##0.00 "EUR"`), dates are real dates, and subtotal and total rows are SUM / SUMIFS formulas over
 * the item rows, with their exact value cached so readers without a calculation engine see it too.
 * The second sheet holds the summary tables.
 */
export async function renderXlsx(report: RenderableReport, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Conveyor';
  workbook.created = report.generatedAt;
  workbook.modified = report.generatedAt;
  const { columns, hasTotals } = report.detail;
  const offset = hasTotals ? 1 : 0;
  const sheet = workbook.addWorksheet(sheetName(report.detail.title));
  sheet.columns = [...(hasTotals ? [{ width: 10 }] : []), ...columns.map((column) => ({ width: columnWidth(column) }))];
  sheet.addRow([report.title]).commit();
  for (const line of [...report.subtitle, `Generated ${report.generatedAt.toISOString()}`]) sheet.addRow([line]).commit();
  const headerRow = sheet.addRow([...(hasTotals ? ['Line'] : []), ...columns.map((column) => column.header)]);
  headerRow.eachCell((cell) => (cell.style = sharedStyle(undefined, true)));
  headerRow.commit();
  const firstDataRow = headerRow.number + 1;
  const letter = (column: ReportColumn) => columnLetter(columns.indexOf(column) + offset + 1);
  const kindLetter = columnLetter(1);
  let groupStart = firstDataRow;
  let lastBeforeTotals = firstDataRow - 1;

  for await (const row of report.detail.rows) {
    const excelRow = sheet.addRow([]);
    const number = excelRow.number;
    const bold = row.kind !== 'item';
    if (hasTotals) {
      excelRow.getCell(1).value = ROW_KIND_LABEL[row.kind];
      if (bold) excelRow.getCell(1).style = sharedStyle(undefined, true);
    }
    columns.forEach((column, index) => {
      const cell = excelRow.getCell(index + offset + 1);
      const value = row.cells[column.key];
      writeCell(cell, column, row, value, bold);
      if (column.kind !== 'money' || value === null || value === undefined || row.kind === 'item') return;
      const cached = Number(minorToDecimal(value as bigint, currencyOf(column, row)));
      const range = (from: number, to: number) => `${letter(column)}${from}:${letter(column)}${to}`;
      if (row.kind === 'subtotal' && number > groupStart) {
        cell.value = { formula: `SUM(${range(groupStart, number - 1)})`, result: cached };
      } else if (row.kind === 'total' && hasTotals && column.currencyKey && lastBeforeTotals >= firstDataRow) {
        const currencyColumn = columns.find((candidate) => candidate.key === column.currencyKey) as ReportColumn;
        const last = lastBeforeTotals;
        cell.value = {
          formula: `SUMIFS(${range(firstDataRow, last)},${kindLetter}${firstDataRow}:${kindLetter}${last},"item",` +
            `${letter(currencyColumn)}${firstDataRow}:${letter(currencyColumn)}${last},"${currencyOf(column, row)}")`,
          result: cached,
        };
      }
    });
    if (row.kind === 'subtotal') groupStart = number + 1;
    if (row.kind !== 'total') lastBeforeTotals = number;
    excelRow.commit();
  }
  sheet.commit();

  const summary = report.summary();
  if (summary.tables.length > 0) {
    const summarySheet = workbook.addWorksheet('Summary');
    const widest = summary.tables.reduce((widest, table) => (table.columns.length > widest.columns.length ? table : widest));
    summarySheet.columns = widest.columns.map((column) => ({ width: columnWidth(column) }));
    for (const table of summary.tables) writeTable(summarySheet, table);
    summarySheet.commit();
  }
  await workbook.commit();
}

function writeTable(sheet: ExcelJS.Worksheet, table: ReportTable): void {
  const title = sheet.addRow([table.title]);
  title.font = { bold: true, size: 12 };
  title.commit();
  const header = sheet.addRow(table.columns.map((column) => column.header));
  header.eachCell((cell) => (cell.style = sharedStyle(undefined, true)));
  header.commit();
  for (const row of table.rows) {
    const excelRow = sheet.addRow([]);
    table.columns.forEach((column, index) => writeCell(excelRow.getCell(index + 1), column, row, row.cells[column.key], row.kind !== 'item'));
    excelRow.commit();
  }
  sheet.addRow([]).commit();
}

function writeCell(cell: ExcelJS.Cell, column: ReportColumn, row: ReportRow, value: Cell | undefined, bold = false): void {
  if (value === null || value === undefined) return;
  switch (column.kind) {
    case 'money': {
      const currency = currencyOf(column, row);
      cell.value = Number(minorToDecimal(value as bigint, currency));
      cell.style = sharedStyle(moneyFormat(currency), bold);
      return;
    }
    case 'date':
      cell.value = value instanceof Date ? value : new Date(`${String(value)}T00:00:00Z`);
      cell.style = sharedStyle(DATE_FORMAT, bold);
      return;
    case 'datetime':
      cell.value = value instanceof Date ? value : new Date(String(value));
      cell.style = sharedStyle(DATETIME_FORMAT, bold);
      return;
    case 'integer':
      cell.value = Number(value);
      if (bold) cell.style = sharedStyle(undefined, true);
      return;
    default:
      cell.value = value instanceof Date ? value.toISOString() : String(value);
      if (bold) cell.style = sharedStyle(undefined, true);
  }
}

const styles = new Map<string, Partial<ExcelJS.Style>>();

/**
 * One style object per number format and weight, shared by every cell that has it: exceljs remembers a
 * style object it has seen (by identity), while a style per cell costs a lookup by its serialised form.
 */
function sharedStyle(numFmt: string | undefined, bold: boolean): Partial<ExcelJS.Style> {
  const key = `${numFmt ?? ''}|${bold}`;
  let style = styles.get(key);
  if (!style) {
    style = { ...(numFmt ? { numFmt } : {}), ...(bold ? { font: { bold: true } } : {}) };
    styles.set(key, style);
  }
  return style;
}

/** `#,##0.00 "EUR"`: the currency's own number of decimals and its code. */
export function moneyFormat(currency: string): string {
  const digits = currencyDigits(currency);
  return `#,##0${digits > 0 ? `.${'0'.repeat(digits)}` : ''} "${currency}"`;
}

function columnWidth(column: ReportColumn): number {
  if (column.kind === 'money') return 16;
  if (column.kind === 'date') return 12;
  if (column.kind === 'datetime') return 20;
  return Math.round(12 * (column.width ?? 1));
}

/** 1 → A, 27 → AA. */
export function columnLetter(position: number): string {
  let letters = '';
  for (let rest = position; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Report';
}
