import { DomainError } from '@conveyor/kernel';
import { asOfDate, daysPastDue, epochDay } from '../aging/aging-buckets';
import type { ReportColumn, ReportRow, ReportSummary, RenderableReport } from '../report-model';
import type { OpenItemSource } from '../report-sources';

export interface VendorStatementParameters {
  vendorId?: string;
  vendorName?: string;
  asOf: string;
  timeZone: string;
}

/** The open items of one vendor on the as-of date, with a total per currency (what we owe them). */
export function vendorStatementReport(source: OpenItemSource, parameters: VendorStatementParameters, generatedAt: Date): RenderableReport {
  if (!parameters.vendorId && !parameters.vendorName) throw new DomainError('INVALID_REPORT_PARAMETERS', 'A vendor statement needs vendorId or vendorName');
  const asOf = asOfDate(parameters.asOf, parameters.timeZone);
  const totals = new Map<string, { amount: bigint; items: number; overdue: bigint }>();
  let vendorName = parameters.vendorName ?? parameters.vendorId ?? '';
  let finished = false;

  async function* rows(): AsyncGenerator<ReportRow> {
    for await (const item of source.openItems({ asOf, vendorId: parameters.vendorId, vendorName: parameters.vendorName })) {
      if (epochDay(item.issueDate) > epochDay(asOf)) continue;
      vendorName = item.vendorName;
      const days = daysPastDue(item.dueDate ?? item.issueDate, asOf);
      const total = totals.get(item.currency) ?? { amount: 0n, items: 0, overdue: 0n };
      totals.set(item.currency, { amount: total.amount + item.amountMinor, items: total.items + 1, overdue: total.overdue + (days > 0 ? item.amountMinor : 0n) });
      yield {
        kind: 'item',
        cells: {
          invoice: item.invoiceNumber, issue_date: item.issueDate, due_date: item.dueDate ?? item.issueDate, days_past_due: days,
          currency: item.currency, amount: item.amountMinor,
        },
      };
    }
    for (const [currency, total] of sortedTotals()) yield { kind: 'total', cells: { invoice: 'Total', currency, amount: total.amount } };
    finished = true;
  }

  const sortedTotals = () => [...totals].sort(([a], [b]) => (a < b ? -1 : 1));

  return {
    type: 'vendor-statement',
    title: 'Vendor statement',
    get subtitle() {
      return [`Vendor: ${vendorName}`, `Open items as of ${asOf} (${parameters.timeZone})`];
    },
    generatedAt,
    detail: { title: 'Open items', columns: COLUMNS, rows: rows(), hasTotals: true },
    pdfDetailRows: 2000,
    summary(): ReportSummary {
      if (!finished) throw new DomainError('REPORT_NOT_READ', 'The statement totals are known once every open item has been read');
      return {
        charts: [],
        tables: [{
          title: 'Totals by currency',
          columns: [
            { key: 'currency', header: 'Currency', kind: 'text' },
            { key: 'items', header: 'Items', kind: 'integer' },
            { key: 'overdue', header: 'Past due', kind: 'money', currencyKey: 'currency' },
            { key: 'amount', header: 'Open', kind: 'money', currencyKey: 'currency' },
          ],
          rows: sortedTotals().map(([currency, total]) => ({ kind: 'total', cells: { currency, items: total.items, overdue: total.overdue, amount: total.amount } })),
        }],
      };
    },
  };
}

const COLUMNS: ReportColumn[] = [
  { key: 'invoice', header: 'Invoice', kind: 'text', width: 1.5 },
  { key: 'issue_date', header: 'Issue date', kind: 'date' },
  { key: 'due_date', header: 'Due date', kind: 'date' },
  { key: 'days_past_due', header: 'Days past due', kind: 'integer', width: 0.8 },
  { key: 'currency', header: 'Currency', kind: 'text', width: 0.7 },
  { key: 'amount', header: 'Open amount', kind: 'money', currencyKey: 'currency' },
];
