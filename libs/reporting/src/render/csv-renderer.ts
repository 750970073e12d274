import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { RenderableReport } from '../report-model';
import { cellText, ROW_KIND_LABEL } from './cell-text';

/**
 * CSV (RFC 4180, comma, LF, UTF-8): one header line, then the detail rows as they stream. Reports with
 * totals get a first column "Line" (item, subtotal, total) so the totals can be told from the items.
 * Nothing in it depends on when it was made, so the same data give the same bytes.
 */
export async function renderCsv(report: RenderableReport, out: Writable): Promise<void> {
  const { columns, hasTotals } = report.detail;
  const header = [...(hasTotals ? ['Line'] : []), ...columns.map((column) => column.header)];
  async function* records(): AsyncGenerator<string[]> {
    yield header;
    for await (const row of report.detail.rows) {
      const cells = columns.map((column) => (column.kind === 'text' ? defused(cellText(column, row)) : cellText(column, row)));
      yield hasTotals ? [ROW_KIND_LABEL[row.kind], ...cells] : cells;
    }
  }
  await pipeline(records(), stringify({ record_delimiter: 'unix' }), out);
}

/** Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe (OWASP CSV injection). */
function defused(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
