import { DomainError, minorToDecimal } from '@conveyor/kernel';
import { groupedAmount } from '../grouped-amount';
import type { Cell, ReportColumn, ReportRow } from '../report-model';

/** The currency of a money cell: the row's currency cell. */
export function currencyOf(column: ReportColumn, row: ReportRow): string {
  const currency = column.currencyKey ? row.cells[column.currencyKey] : undefined;
  if (typeof currency !== 'string') throw new DomainError('REPORT_ROW_INVALID', `The money column "${column.key}" has no currency in its row`);
  return currency;
}

/**
 * A cell as exact text, the same for CSV and PDF: money as a decimal in the currency's digits (grouped
 * for reading in the PDF), dates as YYYY-MM-DD, instants as ISO 8601 in UTC.
 */
export function cellText(column: ReportColumn, row: ReportRow, grouped = false): string {
  const value: Cell | undefined = row.cells[column.key];
  if (value === null || value === undefined) return '';
  switch (column.kind) {
    case 'money': {
      if (typeof value !== 'bigint') throw new DomainError('REPORT_ROW_INVALID', `The money column "${column.key}" holds ${typeof value}, not minor units`);
      const currency = currencyOf(column, row);
      return grouped ? groupedAmount(value, currency) : minorToDecimal(value, currency);
    }
    case 'datetime':
      return value instanceof Date ? value.toISOString() : String(value);
    default:
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  }
}

/** Row kinds in words, for the line column of reports with totals. */
export const ROW_KIND_LABEL: Record<ReportRow['kind'], string> = { item: 'item', subtotal: 'subtotal', total: 'total' };
