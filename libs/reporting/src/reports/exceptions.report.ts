import type { ReportColumn, ReportRow, ReportSummary, ReportTable, RenderableReport } from '../report-model';
import type { ExceptionRecord, ExceptionSource } from '../report-sources';

export interface ExceptionsParameters {
  /** The moment ages are measured at. */
  asOf: Date;
  /** Resolved exceptions from this moment on are listed too (open ones always). */
  resolvedFrom: Date;
  timeZone: string;
}

const DAY_MS = 86_400_000;
/** Age bands of open exceptions, in whole days since they were opened. */
const AGE_BANDS = [
  { label: '0-1 days', to: 1 },
  { label: '2-7 days', to: 7 },
  { label: '8-30 days', to: 30 },
  { label: 'over 30 days', to: Infinity },
];

/**
 * Exceptions: what people had to look at. Open ones with their code, owner and age; resolved ones with
 * their resolution. The summary counts open exceptions by code and owner, charts them by age, and
 * counts the resolutions.
 */
export function exceptionsReport(source: ExceptionSource, parameters: ExceptionsParameters, generatedAt: Date): RenderableReport {
  const openByCode = new Map<string, { count: number; oldest: number }>();
  const openByOwner = new Map<string, number>();
  const resolutions = new Map<string, number>();
  const ageBands = AGE_BANDS.map(() => 0n);

  async function* rows(): AsyncGenerator<ReportRow> {
    for await (const exception of source.exceptions({ openedBefore: parameters.asOf, resolvedFrom: parameters.resolvedFrom })) {
      const age = Math.max(0, Math.floor((parameters.asOf.getTime() - exception.openedAt.getTime()) / DAY_MS));
      if (exception.status === 'open') {
        const code = openByCode.get(exception.code) ?? { count: 0, oldest: 0 };
        openByCode.set(exception.code, { count: code.count + 1, oldest: Math.max(code.oldest, age) });
        openByOwner.set(exception.owner, (openByOwner.get(exception.owner) ?? 0) + 1);
        ageBands[AGE_BANDS.findIndex((band) => age <= band.to)] += 1n;
      } else {
        const resolution = exception.resolution ?? 'unknown';
        resolutions.set(resolution, (resolutions.get(resolution) ?? 0) + 1);
      }
      yield { kind: 'item', cells: exceptionCells(exception, age) };
    }
  }

  return {
    type: 'exceptions',
    title: 'Exceptions',
    subtitle: [`As of ${parameters.asOf.toISOString()} (${parameters.timeZone})`, `Resolved since ${parameters.resolvedFrom.toISOString()}`],
    generatedAt,
    detail: { title: 'Exceptions', columns: COLUMNS, rows: rows(), hasTotals: false },
    pdfDetailRows: 500,
    summary(): ReportSummary {
      const counted = (title: string, header: string, entries: [string, number][]): ReportTable => ({
        title,
        columns: [{ key: 'name', header, kind: 'text', width: 2 }, { key: 'count', header: 'Count', kind: 'integer' }],
        rows: entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, count]) => ({ kind: 'item', cells: { name, count } })),
      });
      return {
        charts: [{ title: 'Open exceptions by age', categories: AGE_BANDS.map((band) => band.label), series: [{ name: 'open', values: ageBands }] }],
        tables: [
          {
            title: 'Open by code',
            columns: [{ key: 'code', header: 'Code', kind: 'text', width: 2 }, { key: 'count', header: 'Open', kind: 'integer' }, { key: 'oldest', header: 'Oldest (days)', kind: 'integer' }],
            rows: [...openByCode].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, { count, oldest }]) => ({ kind: 'item', cells: { code, count, oldest } })),
          },
          counted('Open by owner', 'Owner', [...openByOwner]),
          counted('Resolved by resolution', 'Resolution', [...resolutions]),
        ],
      };
    },
  };
}

const COLUMNS: ReportColumn[] = [
  { key: 'code', header: 'Code', kind: 'text', width: 1.3 },
  { key: 'title', header: 'Title', kind: 'text', width: 2.5 },
  { key: 'owner', header: 'Owner', kind: 'text', width: 1.5 },
  { key: 'status', header: 'Status', kind: 'text', width: 0.7 },
  { key: 'opened_at', header: 'Opened (UTC)', kind: 'datetime', width: 1.4 },
  { key: 'age_days', header: 'Age (days)', kind: 'integer', width: 0.6 },
  { key: 'resolved_at', header: 'Resolved (UTC)', kind: 'datetime', width: 1.4 },
  { key: 'resolution', header: 'Resolution', kind: 'text', width: 0.9 },
  { key: 'resolved_by', header: 'Resolved by', kind: 'text', width: 1.3 },
  { key: 'comment', header: 'Comment', kind: 'text', width: 1.5 },
  { key: 'currency', header: 'Currency', kind: 'text', width: 0.6 },
  { key: 'amount', header: 'Amount', kind: 'text', width: 0.9 },
];

function exceptionCells(exception: ExceptionRecord, age: number): ReportRow['cells'] {
  return {
    code: exception.code, title: exception.title, owner: exception.owner, status: exception.status, opened_at: exception.openedAt,
    age_days: exception.status === 'open' ? age : null, resolved_at: exception.resolvedAt, resolution: exception.resolution,
    resolved_by: exception.resolvedBy, comment: exception.comment, currency: exception.currency, amount: exception.amount,
  };
}
