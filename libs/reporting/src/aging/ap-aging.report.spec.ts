import { InMemoryOpenItemSource } from '../in-memory-sources';
import { generateOpenItems, seededRandom } from '../open-items.fixture';
import type { ReportRow } from '../report-model';
import type { OpenItemRecord } from '../report-sources';
import { apAgingReport } from './ap-aging.report';

/** Days between two YYYY-MM-DD dates by Date.UTC arithmetic: computed apart from the report's own (luxon) code. */
function independentDays(due: string, asOf: string): number {
  const utc = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round((utc(asOf) - utc(due)) / 86_400_000);
}

function independentBucket(days: number): string {
  if (days <= 0) return 'current';
  if (days <= 30) return 'd1_30';
  if (days <= 60) return 'd31_60';
  if (days <= 90) return 'd61_90';
  return 'over_90';
}

/** Sums by currency and bucket, straight from the ledger. */
function independentTotals(items: OpenItemRecord[], asOf: string): Map<string, Record<string, bigint>> {
  const totals = new Map<string, Record<string, bigint>>();
  for (const item of items) {
    if (item.issueDate > asOf) continue;
    const row = totals.get(item.currency) ?? { current: 0n, d1_30: 0n, d31_60: 0n, d61_90: 0n, over_90: 0n, total: 0n };
    row[independentBucket(independentDays(item.dueDate ?? item.issueDate, asOf))] += item.amountMinor;
    row.total += item.amountMinor;
    totals.set(item.currency, row);
  }
  return totals;
}

async function rowsOf(report: { detail: { rows: AsyncIterable<ReportRow> } }): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  for await (const row of report.detail.rows) rows.push(row);
  return rows;
}

/** Items due exactly 0, 1, 30, 31, 60, 61, 90 and 91 days before the as-of date, and after it. */
function edgeItems(asOf: string): OpenItemRecord[] {
  const minus = (days: number) => new Date(Date.parse(`${asOf}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  return [-3, 0, 1, 30, 31, 60, 61, 90, 91].map((days, index) => ({
    id: `edge-${index}`, vendorId: null, vendorName: 'Edge GmbH', invoiceNumber: `E-${days}`, documentId: null, currency: 'EUR',
    amountMinor: BigInt(100 * (index + 1)), issueDate: minus(days + 10), dueDate: minus(days),
  }));
}

describe('AP aging', () => {
  const generatedAt = new Date('2026-12-01T06:00:00Z');

  it('puts items due exactly 0, 1, 30, 31, 60, 61, 90 and 91 days ago into the right buckets', async () => {
    const report = apAgingReport(new InMemoryOpenItemSource(edgeItems('2026-11-30')), { asOf: '2026-11-30', timeZone: 'UTC' }, generatedAt);
    const items = (await rowsOf(report)).filter((row) => row.kind === 'item');
    expect(items.map((row) => [row.cells['days_past_due'], row.cells['bucket']])).toEqual([
      [91, 'Over 90'], [90, '61-90'], [61, '61-90'], [60, '31-60'], [31, '31-60'], [30, '1-30'], [1, '1-30'], [0, 'Current'], [-3, 'Current'],
    ]);
  });

  it.each([
    ['a plain date', '2026-11-30', 'UTC'],
    ['late evening UTC, already the next day in Berlin', '2026-11-30T23:30:00Z', 'Europe/Berlin'],
    ['early morning UTC, still the day before in New York', '2026-12-01T03:00:00Z', 'America/New_York'],
    ['a leap day', '2028-02-29', 'UTC'],
    ['the day after a leap day, as an instant in Tokyo', '2028-02-29T15:00:00Z', 'Asia/Tokyo'],
  ])('has bucket totals equal to an independent computation on generated ledgers: %s', async (_name, asOf, timeZone) => {
    const localDate = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(new Date(asOf.length === 10 ? `${asOf}T12:00:00Z` : asOf));
    const effective = asOf.length === 10 ? asOf : localDate;
    for (const seed of [1, 2, 3]) {
      const ledger = [...generateOpenItems(1_000, { seed, vendors: 37, asOf: effective }), ...edgeItems(effective)];
      const report = apAgingReport(new InMemoryOpenItemSource(ledger), { asOf, timeZone }, generatedAt);
      const rows = await rowsOf(report);
      const expected = independentTotals(ledger, effective);
      const totalRows = rows.filter((row) => row.kind === 'total');
      expect(totalRows.map((row) => row.cells['currency'])).toEqual([...expected.keys()].sort());
      for (const row of totalRows) {
        const want = expected.get(row.cells['currency'] as string)!;
        for (const key of Object.keys(want)) expect([seed, row.cells['currency'], key, row.cells[key]]).toEqual([seed, row.cells['currency'], key, want[key]]);
      }
      // Ties to the ledger: the grand totals are the sum of the open items on it, and of the vendor subtotals.
      const items = rows.filter((row) => row.kind === 'item');
      const onLedger = ledger.filter((item) => item.issueDate <= effective);
      expect(items).toHaveLength(onLedger.length);
      const sum = (list: ReportRow[], currency: string) => list.filter((row) => row.cells['currency'] === currency).reduce((total, row) => total + (row.cells['total'] as bigint), 0n);
      for (const row of totalRows) {
        const currency = row.cells['currency'] as string;
        expect(sum(items, currency)).toBe(row.cells['total']);
        expect(sum(rows.filter((candidate) => candidate.kind === 'subtotal'), currency)).toBe(row.cells['total']);
        expect(onLedger.filter((item) => item.currency === currency).reduce((total, item) => total + item.amountMinor, 0n)).toBe(row.cells['total']);
      }
    }
  });

  it('emits one subtotal per vendor and currency, right after its items', async () => {
    const ledger = generateOpenItems(500, { seed: 9, vendors: 5 });
    const rows = await rowsOf(apAgingReport(new InMemoryOpenItemSource(ledger), { asOf: '2026-11-30', timeZone: 'UTC' }, generatedAt));
    let group: bigint = 0n;
    let key = '';
    for (const row of rows) {
      if (row.kind === 'item') {
        const rowKey = `${row.cells['vendor']}|${row.cells['currency']}`;
        if (key !== '' && rowKey !== key) throw new Error(`items of ${rowKey} before the subtotal of ${key}`);
        key = rowKey;
        group += row.cells['total'] as bigint;
      } else if (row.kind === 'subtotal') {
        expect(`${row.cells['vendor']}|${row.cells['currency']}`).toBe(key);
        expect(row.cells['total']).toBe(group);
        group = 0n;
        key = '';
      }
    }
  });

  it('refuses a source that returns a vendor twice (its subtotal would be split)', async () => {
    const [a, b] = generateOpenItems(2, { seed: 4, vendors: 2 });
    const source = { async *openItems() { yield { ...a, vendorName: 'A' }; yield { ...b, vendorName: 'B', currency: a.currency }; yield { ...a, id: 'x', vendorName: 'A' }; } };
    await expect(rowsOf(apAgingReport(source, { asOf: '2026-11-30', timeZone: 'UTC' }, generatedAt))).rejects.toMatchObject({ code: 'REPORT_SOURCE_ORDER' });
  });

  it('uses configured buckets and the random generator is deterministic', async () => {
    expect(generateOpenItems(3, { seed: 5 })).toEqual(generateOpenItems(3, { seed: 5 }));
    expect(seededRandom(1)()).not.toBe(seededRandom(2)());
    const report = apAgingReport(new InMemoryOpenItemSource(edgeItems('2026-11-30')), { asOf: '2026-11-30', timeZone: 'UTC', bucketEdges: [45] }, generatedAt);
    const [total] = (await rowsOf(report)).filter((row) => row.kind === 'total');
    expect(Object.keys(total.cells)).toEqual(['vendor', 'currency', 'current', 'd1_45', 'over_45', 'total', 'items']);
    expect(total.cells['over_45']).toBe(600n + 700n + 800n + 900n);
  });
});
