import { parse } from 'csv-parse/sync';
import { malformed } from '../statement-error';

export interface CsvRow {
  cells: string[];
  /** 1-based line in the file where the row starts. */
  line: number;
}

/** Splits the text into the lines before the data (header, junk) and the data rows, parsed with csv-parse. */
export function readCsvRows(text: string, delimiter: string, headerRows: number): { header: string[] | null; rows: CsvRow[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerLine = headerRows > 0 ? lines[headerRows - 1] : undefined;
  const body = lines.slice(headerRows).join('\n');
  const options = { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, info: true } as const;
  try {
    const header = headerLine === undefined ? null : (parse(headerLine, { delimiter, relax_quotes: true, trim: true }) as string[][])[0] ?? null;
    // With `info: true` every record comes with where it starts; the typings do not model that option.
    const records = parse(body, options) as unknown as { record: string[]; info: { lines: number } }[];
    return { header, rows: records.map(({ record, info }) => ({ cells: record, line: headerRows + info.lines })) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw malformed(`CSV cannot be split into fields with delimiter "${delimiter}": ${reason}`, { delimiter });
  }
}
