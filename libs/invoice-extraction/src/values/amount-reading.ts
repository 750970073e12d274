import Decimal from 'decimal.js';
import { averageCharWidth, type Token } from '../layout/text-lines';
import { currencyOfMark, splitCurrencyMark } from './currency-reading';

export type DecimalSeparator = '.' | ',';

/** An amount printed on the page: its value, the words it spans and the currency mark printed with it. */
export interface PrintedAmount {
  readonly value: Decimal;
  readonly tokens: readonly Token[];
  /** ISO code, "$" (ambiguous) or undefined. */
  readonly currency: string | undefined;
  /** Printed with a decimal part ("12.50", not "12"). */
  readonly hasDecimals: boolean;
  /** Its separator was "." or "," followed by exactly three digits: its reading depends on the document's separator. */
  readonly separatorAmbiguous: boolean;
  readonly percent: boolean;
}

const NUMBER_BODY = /^\d{1,3}(?:[.,'\u00a0\u202f]\d{3})+(?:[.,]\d+)?$|^\d+(?:[.,]\d+)?$/;

/**
 * Reads one amount text with the corpus rule: with both "." and ",", the last is the decimal mark; a mark
 * repeated is grouping; a single mark followed by exactly three digits is grouping or decimal as the
 * document's separator says; otherwise it is the decimal mark. Minus before or after, or parentheses, make
 * it negative. Returns undefined for anything that is not a plain amount.
 */
export function readAmountText(raw: string, separator: DecimalSeparator): { value: Decimal; hasDecimals: boolean; separatorAmbiguous: boolean } | undefined {
  let text = raw.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.startsWith('-')) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.endsWith('-')) {
    negative = !negative;
    text = text.slice(0, -1);
  }
  text = splitCurrencyMark(text).rest;
  if (!NUMBER_BODY.test(text)) return undefined;
  const marks = [...text.matchAll(/[.,]/g)].map((match) => ({ mark: match[0], at: match.index ?? 0 }));
  let integer = text;
  let fraction = '';
  let separatorAmbiguous = false;
  if (marks.length > 0) {
    const last = marks[marks.length - 1];
    const kinds = new Set(marks.map((entry) => entry.mark));
    const digitsAfter = text.length - last.at - 1;
    let lastIsDecimal: boolean;
    if (kinds.size === 2) lastIsDecimal = true;
    else if (marks.length > 1) lastIsDecimal = digitsAfter !== 3;
    else if (digitsAfter === 3) {
      separatorAmbiguous = true;
      lastIsDecimal = last.mark === separator;
    } else lastIsDecimal = true;
    if (lastIsDecimal) {
      integer = text.slice(0, last.at);
      fraction = text.slice(last.at + 1);
    }
  }
  integer = integer.replace(/[.,'\u00a0\u202f]/g, '');
  if (!/^\d+$/.test(integer)) return undefined;
  const value = new Decimal(fraction ? `${integer}.${fraction}` : integer);
  return { value: negative && !value.isZero() ? value.negated() : value, hasDecimals: fraction !== '', separatorAmbiguous };
}

/**
 * Every amount printed in a run of words, with its currency mark: glued ("$4.11", "12,50€") or a separate
 * word next to it ("€ 399,00", "29.99 € TTC"), and space-grouped thousands joined ("1 234,56") when the gap
 * is an ordinary space.
 */
export function readAmounts(tokens: readonly Token[], separator: DecimalSeparator): PrintedAmount[] {
  // Whole lines are read several times (locale, candidates, currency, tables): remember them.
  const remembered = readings.get(tokens)?.get(separator);
  if (remembered) return remembered;
  const amounts = readAmountsUncached(tokens, separator);
  readings.set(tokens, (readings.get(tokens) ?? new Map()).set(separator, amounts));
  return amounts;
}

const readings = new WeakMap<readonly Token[], Map<DecimalSeparator, PrintedAmount[]>>();

function readAmountsUncached(tokens: readonly Token[], separator: DecimalSeparator): PrintedAmount[] {
  const amounts: PrintedAmount[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const first = tokens[index];
    const { mark: glued, rest } = splitCurrencyMark(first.text.replace(/[:;]$/, ''));
    if (!/\d/.test(rest)) continue;
    let text = rest;
    let end = index + 1;
    while (end < tokens.length && /^\d{1,3}$/.test(text.replace(/^[-(]/, '')) && /^\d{3}(?:[.,]\d+)?\)?-?$/.test(tokens[end].text) && smallGap(tokens[end - 1], tokens[end])) {
      text += tokens[end].text;
      end += 1;
    }
    // "within 45 days", "30 Tage netto": a period, not money.
    if (!/[.,]\d/.test(text) && PERIOD_WORDS.has(tokens[end]?.key ?? '')) continue;
    const percent = text.endsWith('%') || tokens[end]?.text === '%';
    const reading = readAmountText(percent ? text.replace(/%$/, '') : text, separator);
    if (!reading) continue;
    const before = index > 0 ? currencyOfMark(tokens[index - 1].text) : undefined;
    const after = end < tokens.length ? currencyOfMark(tokens[end].text.replace(/[:;,]$/, '')) : undefined;
    const currency = (glued ? currencyOfMark(glued) : undefined) ?? before ?? after;
    const spanStart = !glued && before ? index - 1 : index;
    const spanEnd = !glued && !before && after ? end + 1 : end;
    amounts.push({ value: reading.value, tokens: tokens.slice(spanStart, spanEnd), currency, hasDecimals: reading.hasDecimals, separatorAmbiguous: reading.separatorAmbiguous, percent });
    index = end - 1;
  }
  return amounts;
}

/** Units of time after a whole number (label keys): payment terms, not amounts. */
const PERIOD_WORDS = new Set([
  'day', 'days', 'week', 'weeks', 'month', 'months', 'tag', 'tage', 'tagen', 'woche', 'wochen', 'monat', 'monate', 'monaten', 'jour', 'jours', 'semaine', 'semaines', 'mois',
  'dag', 'dagen', 'weken', 'maand', 'maanden', 'dia', 'dias', 'semana', 'semanas', 'mes', 'meses', 'giorno', 'giorni', 'settimana', 'settimane', 'mese', 'mesi',
  'dzien', 'dni', 'tydzien', 'tygodni', 'miesiac', 'miesiecy',
]);

function smallGap(left: Token, right: Token): boolean {
  return right.bbox.x - (left.bbox.x + left.bbox.width) <= 1.2 * averageCharWidth(left);
}

/** "1234.5" → "1234.50": money keeps at least two decimals, more when printed. */
export function formatMoney(value: Decimal): string {
  const normalised = value.isZero() ? new Decimal(0) : value;
  return normalised.toFixed(Math.max(2, normalised.decimalPlaces()));
}

/** Quantities and rates without trailing zeros. */
export function formatPlain(value: Decimal): string {
  return (value.isZero() ? new Decimal(0) : value).toFixed();
}

/**
 * The document's decimal separator from all of its amounts: a number with both marks, or one mark followed by
 * one, two or four-plus digits, shows which mark is decimal. Only the tie (no evidence) falls back to the
 * language (English: ".", the other six: ",").
 */
export function decideDecimalSeparator(texts: readonly string[], fallback: DecimalSeparator): { separator: DecimalSeparator; evidence: number } {
  let dot = 0;
  let comma = 0;
  for (const raw of texts) {
    const text = splitCurrencyMark(raw.replace(/^[-(]|[)\-:]$/g, '')).rest;
    if (!NUMBER_BODY.test(text)) continue;
    const marks = text.match(/[.,]/g) ?? [];
    if (marks.length === 0) continue;
    const last = marks[marks.length - 1];
    const digitsAfter = text.length - text.lastIndexOf(last) - 1;
    // Which mark is decimal, and how sure: both marks (the last is decimal) count double; a repeated mark is grouping.
    let decimalMark: string | undefined;
    let weight = 1;
    if (new Set(marks).size === 2) [decimalMark, weight] = [last, 2];
    else if (marks.length > 1) decimalMark = last === '.' ? ',' : '.';
    else if (digitsAfter === 2) decimalMark = last;
    if (decimalMark === '.') dot += weight;
    if (decimalMark === ',') comma += weight;
  }
  if (dot === comma) return { separator: fallback, evidence: 0 };
  return { separator: dot > comma ? '.' : ',', evidence: Math.abs(dot - comma) };
}
