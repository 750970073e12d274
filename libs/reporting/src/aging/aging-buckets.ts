import { DateTime } from 'luxon';
import { DomainError } from '@conveyor/kernel';

/** The default bucket edges: current, 1-30, 31-60, 61-90, over 90 days past due. */
export const DEFAULT_AGING_EDGES: readonly number[] = [30, 60, 90];

export interface AgingBucket {
  key: string;
  label: string;
  /** Inclusive day bounds; `from` null = not yet due (≤ 0 days), `to` null = open-ended. */
  from: number | null;
  to: number | null;
}

/**
 * Buckets from ascending edges: [30, 60, 90] → current (not past due), 1-30, 31-60, 61-90, over 90.
 * An edge list that is empty, not ascending or not whole positive days is refused.
 */
export function agingBuckets(edges: readonly number[] = DEFAULT_AGING_EDGES): AgingBucket[] {
  if (edges.length === 0 || edges.length > 12) throw new DomainError('INVALID_REPORT_PARAMETERS', 'Aging needs 1 to 12 bucket edges (days past due)', { edges });
  edges.forEach((edge, index) => {
    if (!Number.isSafeInteger(edge) || edge < 1 || (index > 0 && edge <= edges[index - 1])) {
      throw new DomainError('INVALID_REPORT_PARAMETERS', `Aging bucket edges must be ascending whole days from 1, got [${edges.join(', ')}]`, { edges });
    }
  });
  const buckets: AgingBucket[] = [{ key: 'current', label: 'Current', from: null, to: 0 }];
  let from = 1;
  for (const edge of edges) {
    buckets.push({ key: `d${from}_${edge}`, label: `${from}-${edge}`, from, to: edge });
    from = edge + 1;
  }
  buckets.push({ key: `over_${edges[edges.length - 1]}`, label: `Over ${edges[edges.length - 1]}`, from, to: null });
  return buckets;
}

/** The index of the bucket `daysPastDue` falls into. */
export function bucketIndex(buckets: readonly AgingBucket[], daysPastDue: number): number {
  if (daysPastDue <= 0) return 0;
  for (let index = 1; index < buckets.length; index += 1) {
    const to = buckets[index].to;
    if (to === null || daysPastDue <= to) return index;
  }
  return buckets.length - 1;
}

/**
 * The calendar date the report is "as of": a plain date is taken as it is; an instant (with Z or an
 * offset) becomes the date it is in `timeZone` at that moment (23:30 UTC on 30 November is already
 * 1 December in Berlin).
 */
export function asOfDate(asOf: string, timeZone: string): string {
  if (!DateTime.local().setZone(timeZone).isValid) throw new DomainError('INVALID_REPORT_PARAMETERS', `Unknown time zone "${timeZone}"`, { timeZone });
  const plainDate = /^\d{4}-\d{2}-\d{2}$/.test(asOf);
  const parsed = plainDate ? DateTime.fromISO(asOf, { zone: timeZone }) : DateTime.fromISO(asOf, { setZone: true });
  if (!parsed.isValid) throw new DomainError('INVALID_REPORT_PARAMETERS', `"${asOf}" is not a date (YYYY-MM-DD) or an ISO instant`, { asOf });
  if (!plainDate && !/(Z|[+-]\d{2}:?\d{2})$/i.test(asOf)) {
    throw new DomainError('INVALID_REPORT_PARAMETERS', `"${asOf}" has a time but no offset: give a date, or an instant with Z or an offset`, { asOf });
  }
  return (plainDate ? parsed : parsed.setZone(timeZone)).toISODate() as string;
}

const dayCache = new Map<string, number>();

/** Days since 1970-01-01 of a calendar date (YYYY-MM-DD); cached, since ledgers repeat their dates. */
export function epochDay(date: string): number {
  let day = dayCache.get(date);
  if (day === undefined) {
    const parsed = DateTime.fromISO(date, { zone: 'UTC' });
    if (!parsed.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new DomainError('INVALID_REPORT_DATE', `"${date}" is not a date (YYYY-MM-DD)`, { date });
    day = Math.round(parsed.toMillis() / 86_400_000);
    if (dayCache.size > 50_000) dayCache.clear();
    dayCache.set(date, day);
  }
  return day;
}

/** Whole calendar days from `dueDate` to `asOf` (both YYYY-MM-DD): 0 on the due date, 1 the day after. */
export function daysPastDue(dueDate: string, asOf: string): number {
  return epochDay(asOf) - epochDay(dueDate);
}
