import type { LabelHit } from '../lexicon/label-finder';
import { LANGUAGES, type Language } from '../lexicon/field-labels';
import { decideDecimalSeparator, type DecimalSeparator } from './amount-reading';
import { orderShownBy, type DateOrder, type PrintedDate } from './date-reading';

/** What the whole document says about how it writes numbers and dates, decided once from all the evidence. */
export interface DocumentLocale {
  readonly language: Language | undefined;
  readonly decimalSeparator: DecimalSeparator;
  /** undefined: nothing in the document tells day-first from month-first. */
  readonly dateOrder: DateOrder | undefined;
  /** Why the date order was chosen, for issues and profiles. */
  readonly dateOrderEvidence: string;
  /**
   * The order is proven (a date of the document with a part above 12, dotted dates, non-English labels, a vendor
   * profile) rather than only suggested by the currency or a VAT id's or IBAN's country. A suggestion picks
   * which reading of an ambiguous date comes first; it never makes that date certain.
   */
  readonly dateOrderProven: boolean;
}

export interface LocaleEvidence {
  readonly hits: readonly LabelHit[];
  /** Every number-like word of the document. */
  readonly numberTexts: readonly string[];
  readonly dates: readonly PrintedDate[];
  /** Two-letter countries of VAT ids and IBANs found. */
  readonly countries: readonly string[];
  /** ISO codes of currency marks found ("$" excluded). */
  readonly currencies: readonly string[];
  readonly dollarSign: boolean;
  /** A vendor profile's or template's knowledge, which wins over guesses from the page. */
  readonly known?: { decimalSeparator?: DecimalSeparator; dateOrder?: DateOrder };
}

const DAY_FIRST_COUNTRIES = new Set(['AT', 'BE', 'BG', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'GB', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'XI']);

export function decideLocale(evidence: LocaleEvidence): DocumentLocale {
  const language = decideLanguage(evidence.hits);
  const decimal = evidence.known?.decimalSeparator
    ? { separator: evidence.known.decimalSeparator }
    : decideDecimalSeparator(evidence.numberTexts, language === undefined || language === 'en' ? '.' : ',');
  const { order, why, proven } = evidence.known?.dateOrder ? { order: evidence.known.dateOrder, why: 'vendor profile', proven: true } : decideDateOrder(evidence, language);
  return { language, decimalSeparator: decimal.separator, dateOrder: order, dateOrderEvidence: why, dateOrderProven: proven };
}

/** The language most labels are written in; labels shared by several languages count for each, less. */
function decideLanguage(hits: readonly LabelHit[]): Language | undefined {
  const votes = new Map<Language, number>();
  for (const hit of hits) {
    if (hit.target === 'other' || hit.languages.length === 0 || hit.languages.length === LANGUAGES.length) continue;
    for (const language of hit.languages) votes.set(language, (votes.get(language) ?? 0) + hit.weight / hit.languages.length);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || ranked[0][1] < 0.9) return undefined;
  return ranked[0][0];
}

/**
 * Day-first or month-first, strongest evidence first: a date in the document that shows its order (a part
 * above 12); dates written with dots (a European habit); the language of the labels (all but English are
 * day-first). For English, the currency (USD: month-first) or a European VAT id, IBAN or currency (day-first)
 * only suggest an order: dollars are invoiced from everywhere, and an English invoice in euros or pounds may
 * come from a US firm, so an ambiguous date read on that hint still goes to a person.
 */
function decideDateOrder(evidence: LocaleEvidence, language: Language | undefined): { order: DateOrder | undefined; why: string; proven: boolean } {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const date of evidence.dates) {
    const shown = orderShownBy(date);
    if (shown === 'dmy') dayFirst += 1;
    if (shown === 'mdy') monthFirst += 1;
  }
  if (dayFirst !== monthFirst) return { order: dayFirst > monthFirst ? 'dmy' : 'mdy', why: 'a date in the document with a part above 12', proven: true };
  if (evidence.dates.some((date) => date.kind === 'numeric' && date.separator === '.')) return { order: 'dmy', why: 'dates written with dots', proven: true };
  if (language && language !== 'en') return { order: 'dmy', why: `labels in ${language}`, proven: true };
  const currencies = new Set(evidence.currencies);
  const usDollar = currencies.has('USD') || (currencies.size === 0 && evidence.dollarSign);
  const european = evidence.countries.some((country) => DAY_FIRST_COUNTRIES.has(country)) || [...currencies].some((code) => code !== 'USD');
  if (usDollar && !european) return { order: 'mdy', why: 'amounts in US dollars', proven: false };
  if (european && !usDollar) return { order: 'dmy', why: 'a European VAT id, IBAN or currency', proven: false };
  return { order: undefined, why: 'no evidence of day or month order', proven: false };
}
