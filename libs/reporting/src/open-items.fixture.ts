import { DateTime } from 'luxon';
import type { OpenItemRecord } from './report-sources';

/** A small deterministic PRNG (mulberry32): the same seed gives the same ledger. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const CURRENCIES = ['EUR', 'EUR', 'EUR', 'USD', 'CHF', 'JPY'];

/**
 * A generated open-items ledger: `count` items over `vendors` vendors and four currencies, due dates spread
 * from 200 days before to 60 days after `asOf`, amounts from 0.01 to 50,000.00 (JPY whole yen).
 */
export function generateOpenItems(count: number, options: { seed?: number; vendors?: number; asOf?: string } = {}): OpenItemRecord[] {
  const random = seededRandom(options.seed ?? 1);
  const vendors = options.vendors ?? Math.max(1, Math.round(count / 50));
  const asOf = DateTime.fromISO(options.asOf ?? '2026-11-30', { zone: 'UTC' });
  const items: OpenItemRecord[] = [];
  for (let index = 0; index < count; index += 1) {
    const vendor = Math.floor(random() * vendors);
    const currency = CURRENCIES[Math.floor(random() * CURRENCIES.length)];
    const due = asOf.plus({ days: Math.floor(random() * 261) - 200 });
    const issue = due.minus({ days: Math.floor(random() * 45) });
    const minor = BigInt(1 + Math.floor(random() * 5_000_000));
    items.push({
      id: `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`,
      vendorId: `10000000-0000-4000-8000-${vendor.toString(16).padStart(12, '0')}`,
      vendorName: `Vendor ${String(vendor).padStart(5, '0')}`,
      invoiceNumber: `INV-${String(index).padStart(7, '0')}`,
      documentId: null,
      currency,
      amountMinor: currency === 'JPY' ? minor / 100n + 1n : minor,
      issueDate: issue.toISODate() as string,
      dueDate: random() < 0.05 ? null : (due.toISODate() as string),
    });
  }
  return items;
}
