import Decimal from 'decimal.js';
import { distance } from 'fastest-levenshtein';

/**
 * The field normalizers of the corpus README ("Scoring conventions — invoices and receipts"): both the
 * prediction and the ground truth pass through the same function before they are compared.
 */

const CURRENCY_MARKS = /US\$|€|EUR|\$|£|GBP|RM|MYR|Rs\.?|₹|INR|zł|PLN|USD|CHF|SEK|kr\b|Fr\./g;
const SPACES = /[\s\u00a0\u2007\u2009\u202f]/g;

/**
 * Amounts: currency marks and every space removed; the decimal separator is the last `,` or `.` followed by
 * exactly one or two digits at the end; other `.`, `,`, `'` are grouping; leading/trailing minus or
 * parentheses make it negative. Undefined when what is left is not a number.
 */
export function normalizeAmount(value: string | number): Decimal | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? new Decimal(value) : undefined;
  let text = value.replace(CURRENCY_MARKS, '').replace(SPACES, '').replace(/[’‘]/g, "'");
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (/^[-−]/.test(text) || /[-−]$/.test(text)) {
    negative = true;
    text = text.replace(/^[-−]|[-−]$/g, '');
  }
  text = text.replace(/^\+/, '');
  const match = /^([\d.,']*?)(?:[.,](\d{1,2}))?$/.exec(text);
  if (!match) return undefined;
  const integer = match[1].replace(/[.,']/g, '');
  if (!/^\d*$/.test(integer) || (integer === '' && match[2] === undefined)) return undefined;
  const amount = new Decimal(`${integer === '' ? '0' : integer}${match[2] === undefined ? '' : `.${match[2]}`}`);
  return negative ? amount.negated() : amount;
}

/**
 * A predicted value in the extraction contract's form ("-1234.565": a dot, no grouping) is read as that
 * decimal; anything else goes through the README rule (where "1.234" is a thousand and more).
 */
export function normalizePredictedAmount(value: string | number): Decimal | undefined {
  if (typeof value === 'string' && /^-?\d+\.\d{3,}$/.test(value.trim())) return new Decimal(value.trim());
  return normalizeAmount(value);
}

/** |predicted − truth| < 0.005. */
export function amountsMatch(predicted: string | number, truth: string | number): boolean {
  const [a, b] = [normalizePredictedAmount(predicted), normalizeAmount(truth)];
  return a !== undefined && b !== undefined && a.minus(b).abs().lessThan('0.005');
}

/** Right magnitude, wrong sign (credit notes, corrections). */
export function isSignError(predicted: string | number, truth: string | number): boolean {
  const [a, b] = [normalizePredictedAmount(predicted), normalizeAmount(truth)];
  return a !== undefined && b !== undefined && !b.isZero() && a.abs().minus(b.abs()).abs().lessThan('0.005') && a.isNegative() !== b.isNegative();
}

const MONTH_NAMES: [string, number][] = [];
{
  const languages: string[][] = [
    ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
    ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
    ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
    ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
    ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
    ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'],
    ['styczeń', 'luty', 'marzec', 'kwiecień', 'maj', 'czerwiec', 'lipiec', 'sierpień', 'wrzesień', 'październik', 'listopad', 'grudzień'],
  ];
  const abbreviations: [string, number][] = [
    ['jan', 1], ['feb', 2], ['mar', 3], ['mär', 3], ['mrt', 3], ['apr', 4], ['may', 5], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9],
    ['oct', 10], ['okt', 10], ['nov', 11], ['dec', 12], ['dez', 12], ['janv', 1], ['févr', 2], ['fév', 2], ['avr', 4], ['juil', 7], ['déc', 12],
    ['ene', 1], ['abr', 4], ['ago', 8], ['dic', 12], ['gen', 1], ['mag', 5], ['giu', 6], ['lug', 7], ['set', 9], ['ott', 10],
    ['sty', 1], ['lut', 2], ['kwi', 4], ['maj', 5], ['cze', 6], ['lip', 7], ['sie', 8], ['wrz', 9], ['paź', 10], ['lis', 11], ['gru', 12],
  ];
  for (const names of languages) names.forEach((name, index) => MONTH_NAMES.push([name, index + 1]));
  MONTH_NAMES.push(...abbreviations);
}
const monthOf = (word: string): number | undefined => MONTH_NAMES.find(([name]) => name === word || name.normalize('NFD').replace(/\p{M}/gu, '') === word)?.[1];

export interface ParsedDate {
  iso: string;
  /** Numeric day and month both ≤ 12 (and different): the order came from the locale, not the text. */
  ambiguous: boolean;
}

const pad = (value: number): string => String(value).padStart(2, '0');
const year4 = (value: string): number => (value.length <= 2 ? 2000 + Number(value) : Number(value));

function valid(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2100) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Dates → ISO, numeric ones in the given order (day-first unless the document is US-style); two-digit years
 * are 20yy; month names in English, German, French, Dutch, Spanish, Italian and Polish.
 */
export function parseDate(text: string, order: 'dmy' | 'mdy' = 'dmy'): ParsedDate | undefined {
  const value = text.trim().toLowerCase().replace(/(\d)(st|nd|rd|th|er)\b/g, '$1');
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (match) {
    const iso = valid(Number(match[1]), Number(match[2]), Number(match[3]));
    return iso ? { iso, ambiguous: false } : undefined;
  }
  match = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{2}|\d{4})$/.exec(value);
  if (match) {
    const [first, second, year] = [Number(match[1]), Number(match[2]), year4(match[3])];
    const [day, month] = order === 'mdy' ? [second, first] : [first, second];
    const iso = valid(year, month, day);
    return iso ? { iso, ambiguous: day <= 12 && month <= 12 && day !== month } : undefined;
  }
  const tokens = value.split(/[\s,./-]+|(?<=\d)(?=\p{L})|(?<=\p{L})(?=\d)/u).filter((token) => token !== '' && token !== 'de' && token !== 'del');
  const month = tokens.map(monthOf).find((candidate) => candidate !== undefined);
  if (month === undefined) return undefined;
  const numbers = tokens.filter((token) => /^\d+$/.test(token));
  if (numbers.length !== 2) return undefined;
  const yearIndex = numbers.findIndex((token) => token.length === 4);
  const yearText = yearIndex >= 0 ? numbers[yearIndex] : numbers[1];
  const dayText = numbers.find((token, index) => index !== (yearIndex >= 0 ? yearIndex : 1));
  const iso = valid(year4(yearText), month, Number(dayText));
  return iso ? { iso, ambiguous: false } : undefined;
}

const CURRENCY_SYMBOLS: Record<string, string> = { '€': 'EUR', '£': 'GBP', RM: 'MYR', RS: 'INR', 'RS.': 'INR', '₹': 'INR', ZŁ: 'PLN', $: 'USD', US$: 'USD', 'FR.': 'CHF' };

/** Currency → ISO 4217; `$` means USD (the caller decides when other evidence overrides it). */
export function normalizeCurrency(text: string): string {
  const trimmed = text.trim().toUpperCase();
  return CURRENCY_SYMBOLS[trimmed] ?? trimmed;
}

/** Invoice and order numbers: uppercase, no whitespace, a leading #, No., Nr. or N° stripped. */
export function normalizeDocumentNumber(text: string): string {
  return text
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/^(#|NO\.|NR\.|N°|Nº)/, '');
}

/** VAT ids and IBANs: uppercase without spaces, dots and dashes. */
export function compactIdentifier(text: string): string {
  return text.toUpperCase().replace(/[\s.\-\u00a0]/g, '');
}

const LEGAL_FORM_TOKENS: [RegExp, string][] = [
  [/\bspolka akcyjna\b|\bspółka akcyjna\b/g, 'sa'],
  [/\bsdn bhd\b|\bsdnbhd\b|\bsb\b/g, 'sdnbhd'],
  [/\blimited\b/g, 'ltd'],
  [/\bincorporated\b/g, 'inc'],
  [/\bco kg\b/g, 'cokg'],
  [/\bsàrl\b/g, 'sarl'],
];

/**
 * Party names: NFKC, case-folded, & → and, punctuation removed, whitespace collapsed, legal forms to one
 * token (runs of single letters are joined, so "B. V.", "b v" and "BV" agree, as do "S.A." and "SA").
 */
export function normalizeName(text: string): string {
  let value = text.normalize('NFKC').toLowerCase().replace(/ß/g, 'ss').replace(/&/g, ' and ');
  value = value
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  value = value.replace(/(?<![\p{L}\p{N}])\p{L}(?: \p{L})+(?![\p{L}\p{N}])/gu, (run) => run.replace(/ /g, ''));
  for (const [pattern, token] of LEGAL_FORM_TOKENS) value = value.replace(pattern, token);
  return value;
}

/** Normalized Levenshtein similarity, 0..1. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  return 1 - distance(a, b) / Math.max(a.length, b.length, 1);
}

export type NameVerdict = 'correct' | 'near' | 'wrong';

/** A multi-line truth matches when the prediction equals any single normalized line or the whole. */
export function judgeName(predicted: string, truth: string): NameVerdict {
  const candidate = normalizeName(predicted);
  const options = [truth, ...truth.split(/\n/)].map(normalizeName).filter((option) => option !== '');
  if (options.includes(candidate)) return 'correct';
  return options.some((option) => similarity(option, candidate) >= 0.9) ? 'near' : 'wrong';
}
