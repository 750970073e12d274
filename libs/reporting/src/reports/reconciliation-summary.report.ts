import type { ReportColumn, ReportRow, ReportSummary, RenderableReport } from '../report-model';
import type { ReconciliationSummarySource } from '../report-sources';

export interface ReconciliationSummaryParameters {
  from: string;
  to: string;
  account?: string;
}

const CATEGORIES = [
  { key: 'autoMatched', label: 'Auto-matched' },
  { key: 'suggested', label: 'Suggested' },
  { key: 'manual', label: 'Manual' },
  { key: 'unmatched', label: 'Unmatched' },
] as const;

/** Bank lines per account and period: how many, and how much, were matched automatically, suggested, matched by hand or left unmatched. */
export function reconciliationSummaryReport(source: ReconciliationSummarySource, parameters: ReconciliationSummaryParameters, generatedAt: Date): RenderableReport {
  const counts = CATEGORIES.map(() => 0n);
  const currencyTotals = new Map<string, bigint[]>();

  async function* rows(): AsyncGenerator<ReportRow> {
    for await (const line of source.summary(parameters)) {
      const totals = currencyTotals.get(line.currency) ?? CATEGORIES.map(() => 0n);
      currencyTotals.set(line.currency, totals);
      const cells: ReportRow['cells'] = { account: line.account, period: line.period, currency: line.currency };
      CATEGORIES.forEach((category, index) => {
        const { count, amountMinor } = line[category.key];
        counts[index] += BigInt(count);
        totals[index] += amountMinor;
        cells[`${category.key}_count`] = count;
        cells[`${category.key}_amount`] = amountMinor;
      });
      yield { kind: 'item', cells };
    }
    for (const [currency, totals] of [...currencyTotals].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const cells: ReportRow['cells'] = { account: 'All accounts', currency };
      CATEGORIES.forEach((category, index) => (cells[`${category.key}_amount`] = totals[index]));
      yield { kind: 'total', cells };
    }
  }

  return {
    type: 'reconciliation-summary',
    title: 'Reconciliation summary',
    subtitle: [`Booking dates ${parameters.from} to ${parameters.to}`, ...(parameters.account ? [`Account: ${parameters.account}`] : [])],
    generatedAt,
    detail: { title: 'By account and period', columns: COLUMNS, rows: rows(), hasTotals: true },
    pdfDetailRows: 1000,
    summary(): ReportSummary {
      return { tables: [], charts: [{ title: 'Bank lines by outcome', categories: CATEGORIES.map((category) => category.label), series: [{ name: 'lines', values: counts }] }] };
    },
  };
}

const COLUMNS: ReportColumn[] = [
  { key: 'account', header: 'Account', kind: 'text', width: 2 },
  { key: 'period', header: 'Period', kind: 'text', width: 0.7 },
  { key: 'currency', header: 'Currency', kind: 'text', width: 0.7 },
  ...CATEGORIES.flatMap((category): ReportColumn[] => [
    { key: `${category.key}_count`, header: `${category.label} (lines)`, kind: 'integer', width: 0.8 },
    { key: `${category.key}_amount`, header: `${category.label} (amount)`, kind: 'money', currencyKey: 'currency' },
  ]),
];
