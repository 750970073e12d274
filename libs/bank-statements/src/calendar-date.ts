import { DateTime } from 'luxon';

/**
 * The calendar day of a bank date as the bank wrote it: "2007-10-18T13:15:00+01:00" is the 18th in the
 * statement's own offset (never converted to UTC or to our zone). Null when the text is not a real date.
 */
export function isoDay(year: number, month: number, day: number): string | null {
  const key = year * 10000 + month * 100 + day;
  const known = checkedDays.get(key);
  if (known !== undefined) return known;
  const date = DateTime.fromObject({ year, month, day }, { zone: 'utc' });
  const result = date.isValid ? date.toISODate() : null;
  // A statement repeats a handful of days thousands of times; validating each once keeps imports fast.
  if (checkedDays.size < 100_000) checkedDays.set(key, result);
  return result;
}

const checkedDays = new Map<number, string | null>();

/** "YYYY-MM-DD" followed by anything (time, offset): the day part, validated. */
export function dayOfIsoDateTime(text: string | undefined | null): string | null {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(text ?? '');
  return match ? isoDay(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** Days from a to b (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return DateTime.fromISO(b, { zone: 'utc' }).diff(DateTime.fromISO(a, { zone: 'utc' }), 'days').days;
}
