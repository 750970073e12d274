import { foldText } from '../layout/fold-text';
import type { Token } from '../layout/text-lines';
import { MONTH_NUMBER, MONTH_PATTERN } from '../lexicon/month-names';

export type DateOrder = 'dmy' | 'mdy';

/** A date printed on the page. Numeric dates keep both parts so the document's order decides later. */
export interface PrintedDate {
  readonly tokens: readonly Token[];
  readonly kind: 'iso' | 'named' | 'numeric';
  readonly year: number;
  /** iso and named: month and day; numeric: the first and second printed parts. */
  readonly first: number;
  readonly second: number;
  readonly separator: string;
}

export interface DateReading {
  /** YYYY-MM-DD; for an ambiguous date the reading the document's suggested order gives, else day-first; flagged. */
  readonly iso: string;
  readonly ambiguous: boolean;
  /** The other reading of an ambiguous date. */
  readonly alternative?: string;
  /** An ambiguous date read in an order the document only suggests (currency, VAT id country). */
  readonly suggestedOrder?: DateOrder;
}

const ISO = /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/gu;
// A two-digit "year" followed by ":" and digits is the hour of a time ("18-10- 15:16" when OCR lost the year).
const NUMERIC = /(?<![\d.,])(\d{1,2}) ?([./-]) ?(\d{1,2}) ?\2 ?(\d{4}|\d{2})(?![\d,]|[.:]\d)/gu;
const DAY_MONTH_YEAR = new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th|er|e|\\.|o)?[\\s.\\-/]*(?:de )?(${MONTH_PATTERN})\\.?[\\s.\\-/,]*(?:de |del )?('?\\d{4}|'?\\d{2})(?!\\d)`, 'gu');
const MONTH_DAY_YEAR = new RegExp(`(?<![\\p{L}])(${MONTH_PATTERN})\\.? ?(\\d{1,2})(?:st|nd|rd|th)? ?,? ?(\\d{4})(?!\\d)`, 'gu');

/** Every date printed in a run of words (dates may span words: "19 april 2014", "August 3 , 2014"). */
export function findDates(tokens: readonly Token[]): PrintedDate[] {
  if (!tokens.some((token) => /\d/.test(token.text))) return [];
  const ranges: { start: number; end: number }[] = [];
  let text = '';
  for (const token of tokens) {
    if (text !== '') text += ' ';
    const folded = foldText(token.text);
    ranges.push({ start: text.length, end: text.length + folded.length });
    text += folded;
  }
  const spanned = (start: number, end: number) => tokens.filter((_, index) => ranges[index].end > start && ranges[index].start < end);
  const found: (PrintedDate & { start: number; end: number })[] = [];
  const add = (match: RegExpMatchArray, date: Omit<PrintedDate, 'tokens'>) => {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (found.some((other) => other.start < end && start < other.end)) return;
    found.push({ ...date, start, end, tokens: spanned(start, end) });
  };
  for (const match of text.matchAll(ISO)) add(match, { kind: 'iso', year: Number(match[1]), first: Number(match[2]), second: Number(match[3]), separator: match[2] });
  for (const match of text.matchAll(DAY_MONTH_YEAR)) {
    add(match, { kind: 'named', year: fullYear(match[3]), first: MONTH_NUMBER.get(match[2]) ?? 0, second: Number(match[1]), separator: ' ' });
  }
  for (const match of text.matchAll(MONTH_DAY_YEAR)) {
    add(match, { kind: 'named', year: fullYear(match[3]), first: MONTH_NUMBER.get(match[1]) ?? 0, second: Number(match[2]), separator: ' ' });
  }
  for (const match of text.matchAll(NUMERIC)) {
    add(match, { kind: 'numeric', year: fullYear(match[4]), first: Number(match[1]), second: Number(match[3]), separator: match[2] });
  }
  return found
    .filter((date) => readDate(date, 'dmy') !== undefined || readDate(date, 'mdy') !== undefined)
    .sort((a, b) => a.start - b.start)
    .map(({ start: _start, end: _end, ...date }) => date);
}

function fullYear(text: string): number {
  const digits = Number(text.replace("'", ''));
  return digits < 100 ? 2000 + digits : digits;
}

/** The day/month order a numeric date proves by itself (a part above 12), if any. */
export function orderShownBy(date: PrintedDate): DateOrder | undefined {
  if (date.kind !== 'numeric') return undefined;
  if (date.first > 12 && date.second <= 12) return 'dmy';
  if (date.second > 12 && date.first <= 12) return 'mdy';
  return undefined;
}

/**
 * Reads a printed date in the document's order. A numeric date whose two parts are both 12 or less and differ
 * is ambiguous unless the order is proven: it is read in the suggested order (else day-first) and flagged,
 * never silently taken as certain. `proven: false` marks an order that is only suggested.
 */
export function interpretDate(date: PrintedDate, order: DateOrder | undefined, proven = true): DateReading | undefined {
  if (date.kind !== 'numeric') {
    const iso = isoOf(date.year, date.first, date.second);
    return iso ? { iso, ambiguous: false } : undefined;
  }
  const shown = orderShownBy(date);
  if (shown) {
    const iso = readDate(date, shown);
    return iso ? { iso, ambiguous: false } : undefined;
  }
  const dayFirst = readDate(date, 'dmy');
  const monthFirst = readDate(date, 'mdy');
  if (!dayFirst || !monthFirst) return undefined;
  if (dayFirst === monthFirst) return { iso: dayFirst, ambiguous: false };
  if (order && proven) return { iso: order === 'dmy' ? dayFirst : monthFirst, ambiguous: false };
  if (order === 'mdy') return { iso: monthFirst, ambiguous: true, alternative: dayFirst, suggestedOrder: order };
  return { iso: dayFirst, ambiguous: true, alternative: monthFirst, ...(order ? { suggestedOrder: order } : {}) };
}

function readDate(date: Omit<PrintedDate, 'tokens'>, order: DateOrder): string | undefined {
  if (date.kind !== 'numeric') return isoOf(date.year, date.first, date.second);
  return order === 'dmy' ? isoOf(date.year, date.second, date.first) : isoOf(date.year, date.first, date.second);
}

/** A calendar date (invoices carry days, not instants: no zone applies). */
function isoOf(year: number, month: number, day: number): string | undefined {
  if (year < 1990 || year > 2099 || month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
