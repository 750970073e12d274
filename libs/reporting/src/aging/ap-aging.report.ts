import { DomainError } from '@conveyor/kernel';
import type { BarChartSpec, ReportColumn, ReportRow, ReportSummary, ReportTable, RenderableReport } from '../report-model';
import type { OpenItemRecord, OpenItemSource } from '../report-sources';
import { agingBuckets, asOfDate, bucketIndex, daysPastDue, epochDay, type AgingBucket } from './aging-buckets';

export interface ApAgingParameters {
  /** A date (YYYY-MM-DD) or an instant; see asOfDate. */
  asOf: string;
  timeZone: string;
  /** Ascending days past due; default [30, 60, 90]. */
  bucketEdges?: number[];
  vendorId?: string;
  vendorName?: string;
}

/** Totals of one vendor (or of everything) in one currency: per bucket, overall and the number of items. */
export interface AgingTotals {
  vendorName: string;
  vendorId: string | null;
  currency: string;
  buckets: bigint[];
  total: bigint;
  items: number;
}

/**
 * The accounts-payable aging: every open item in the bucket of its days past due on the as-of date,
 * a subtotal row per vendor and currency, and a total row per currency. Items stream from the source
 * in vendor order, so subtotals are emitted as each vendor ends; only the totals are kept.
 */
export function apAgingReport(source: OpenItemSource, parameters: ApAgingParameters, generatedAt: Date): RenderableReport & { totals(): AgingTotals[] } {
  const buckets = agingBuckets(parameters.bucketEdges);
  const asOf = asOfDate(parameters.asOf, parameters.timeZone);
  const vendorTotals: AgingTotals[] = [];
  const currencyTotals = new Map<string, AgingTotals>();
  let finished = false;

  async function* rows(): AsyncGenerator<ReportRow> {
    let group: AgingTotals | undefined;
    let previousKey = '';
    const seen = new Set<string>();
    for await (const item of source.openItems({ asOf, vendorId: parameters.vendorId, vendorName: parameters.vendorName })) {
      if (epochDay(item.issueDate) > epochDay(asOf)) continue;
      const key = `${item.vendorName}\u0000${item.vendorId ?? ''}\u0000${item.currency}`;
      if (group && key !== previousKey) {
        yield subtotalRow(group, buckets);
        group = undefined;
      }
      if (key !== previousKey) {
        // A vendor and currency that come back later would be split into two subtotals.
        if (seen.has(key)) throw outOfOrder(previousKey, key);
        seen.add(key);
      }
      previousKey = key;
      group ??= pushed(vendorTotals, emptyTotals(item.vendorName, item.vendorId, item.currency, buckets.length));
      const days = daysPastDue(item.dueDate ?? item.issueDate, asOf);
      const index = bucketIndex(buckets, days);
      add(group, index, item.amountMinor);
      const currency = currencyTotals.get(item.currency) ?? emptyTotals('All vendors', null, item.currency, buckets.length);
      currencyTotals.set(item.currency, currency);
      add(currency, index, item.amountMinor);
      yield itemRow(item, days, index, buckets);
    }
    if (group) yield subtotalRow(group, buckets);
    for (const totals of sortedCurrencyTotals()) yield { kind: 'total', cells: totalsCells(totals, buckets) };
    finished = true;
  }

  function sortedCurrencyTotals(): AgingTotals[] {
    return [...currencyTotals.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
  }

  return {
    type: 'ap-aging',
    title: 'Accounts payable aging',
    subtitle: [
      `As of ${asOf} (${parameters.timeZone})`,
      `Buckets (days past due): ${buckets.map((bucket) => bucket.label).join(', ')}`,
      ...(parameters.vendorId || parameters.vendorName ? [`Vendor: ${parameters.vendorName ?? parameters.vendorId}`] : []),
    ],
    generatedAt,
    detail: { title: 'Open items', columns: agingColumns(buckets), rows: rows(), hasTotals: true },
    pdfDetailRows: 0,
    totals: () => [...vendorTotals, ...sortedCurrencyTotals()],
    summary(): ReportSummary {
      if (!finished) throw new DomainError('REPORT_NOT_READ', 'The aging summary is known once every open item has been read');
      const currencies = sortedCurrencyTotals();
      const charts: BarChartSpec[] = currencies.map((totals) => ({
        title: `Open amounts by days past due (${totals.currency})`,
        categories: buckets.map((bucket) => bucket.label),
        series: [{ name: totals.currency, values: totals.buckets }],
        currency: totals.currency,
      }));
      const summaryColumns = agingColumns(buckets).filter((column) => !ITEM_ONLY.has(column.key));
      const countColumn: ReportColumn = { key: 'items', header: 'Items', kind: 'integer', width: 0.6 };
      const tables: ReportTable[] = [
        { title: 'Totals by currency', columns: [...summaryColumns, countColumn], rows: currencies.map((totals) => ({ kind: 'total', cells: totalsCells(totals, buckets) })) },
        { title: 'Totals by vendor', columns: [...summaryColumns, countColumn], rows: vendorTotals.map((totals) => ({ kind: 'item', cells: totalsCells(totals, buckets) })) },
      ];
      return { tables, charts };
    },
  };
}

const ITEM_ONLY = new Set(['invoice', 'issue_date', 'due_date', 'days_past_due', 'bucket']);

function agingColumns(buckets: readonly AgingBucket[]): ReportColumn[] {
  return [
    { key: 'vendor', header: 'Vendor', kind: 'text', width: 2 },
    { key: 'currency', header: 'Currency', kind: 'text', width: 0.7 },
    { key: 'invoice', header: 'Invoice', kind: 'text', width: 1.2 },
    { key: 'issue_date', header: 'Issue date', kind: 'date' },
    { key: 'due_date', header: 'Due date', kind: 'date' },
    { key: 'days_past_due', header: 'Days past due', kind: 'integer', width: 0.7 },
    { key: 'bucket', header: 'Bucket', kind: 'text', width: 0.8 },
    ...buckets.map((bucket): ReportColumn => ({ key: bucket.key, header: bucket.label, kind: 'money', currencyKey: 'currency' })),
    { key: 'total', header: 'Total', kind: 'money', currencyKey: 'currency' },
  ];
}

function itemRow(item: OpenItemRecord, days: number, index: number, buckets: readonly AgingBucket[]): ReportRow {
  const cells: ReportRow['cells'] = {
    vendor: item.vendorName, currency: item.currency, invoice: item.invoiceNumber, issue_date: item.issueDate,
    due_date: item.dueDate ?? item.issueDate, days_past_due: days, bucket: buckets[index].label,
  };
  buckets.forEach((bucket, position) => (cells[bucket.key] = position === index ? item.amountMinor : null));
  cells['total'] = item.amountMinor;
  return { kind: 'item', cells };
}

function subtotalRow(totals: AgingTotals, buckets: readonly AgingBucket[]): ReportRow {
  return { kind: 'subtotal', cells: totalsCells(totals, buckets) };
}

function totalsCells(totals: AgingTotals, buckets: readonly AgingBucket[]): ReportRow['cells'] {
  const cells: ReportRow['cells'] = { vendor: totals.vendorName, currency: totals.currency };
  buckets.forEach((bucket, index) => (cells[bucket.key] = totals.buckets[index]));
  cells['total'] = totals.total;
  cells['items'] = totals.items;
  return cells;
}

function emptyTotals(vendorName: string, vendorId: string | null, currency: string, bucketCount: number): AgingTotals {
  return { vendorName, vendorId, currency, buckets: Array.from({ length: bucketCount }, () => 0n), total: 0n, items: 0 };
}

function add(totals: AgingTotals, index: number, amount: bigint): void {
  totals.buckets[index] += amount;
  totals.total += amount;
  totals.items += 1;
}

function pushed<T>(list: T[], value: T): T {
  list.push(value);
  return value;
}

function outOfOrder(previous: string, next: string): DomainError {
  const readable = (key: string) => key.split('\u0000').filter(Boolean).join(' / ');
  return new DomainError('REPORT_SOURCE_ORDER', `Open items must come grouped by vendor and currency; "${readable(next)}" came after "${readable(previous)}"`);
}
