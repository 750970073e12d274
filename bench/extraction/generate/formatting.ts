import Decimal from 'decimal.js';
import { DateTime } from 'luxon';
import { MONTHS, type Language } from './labels';
import type { DateStyle, LocaleProfile, NumberStyle } from './locales';

const NARROW_NO_BREAK_SPACE = '\u202f';
const NO_BREAK_SPACE = '\u00a0';

/** Writes a decimal as the locale prints it: grouping and decimal separator, minus or parentheses. */
export function formatNumber(value: Decimal, style: NumberStyle, options: { decimals?: number; negative?: 'minus' | 'parentheses' | 'trailing-minus'; spaceChar?: string } = {}): string {
  const decimals = options.decimals ?? 2;
  const fixed = value.abs().toFixed(decimals);
  const [integer, fraction] = fixed.split('.');
  const [group, separator] = separators(style, options.spaceChar);
  const grouped = group === '' ? integer : integer.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const body = fraction === undefined ? grouped : `${grouped}${separator}${fraction}`;
  if (!value.isNegative() || value.isZero()) return body;
  switch (options.negative ?? 'minus') {
    case 'parentheses':
      return `(${body})`;
    case 'trailing-minus':
      return `${body}-`;
    default:
      return `-${body}`;
  }
}

function separators(style: NumberStyle, spaceChar = NARROW_NO_BREAK_SPACE): [string, string] {
  switch (style) {
    case 'dot-comma':
      return ['.', ','];
    case 'comma-dot':
      return [',', '.'];
    case 'space-comma':
      return [spaceChar, ','];
    case 'apostrophe-dot':
      return ["'", '.'];
    case 'plain-dot':
      return ['', '.'];
    case 'plain-comma':
      return ['', ','];
  }
}

export const SPACE_CHARACTERS = [NARROW_NO_BREAK_SPACE, NO_BREAK_SPACE, ' '];

export interface MoneyStyle {
  number: NumberStyle;
  /** How the currency appears next to amounts. */
  currencyMark: string;
  position: 'before' | 'after' | 'none';
  negative: 'minus' | 'parentheses' | 'trailing-minus';
  spaceChar: string;
}

/** Currency marks a locale uses: symbol or code, before or after. */
export function currencyMarks(currency: string, locale: LocaleProfile): { mark: string; position: 'before' | 'after' }[] {
  const after = locale.language !== 'en' && locale.language !== 'nl';
  switch (currency) {
    case 'EUR':
      return after ? [{ mark: '€', position: 'after' }, { mark: 'EUR', position: 'after' }] : [{ mark: '€', position: 'before' }, { mark: 'EUR', position: 'before' }];
    case 'USD':
      return [{ mark: '$', position: 'before' }, { mark: 'USD', position: 'before' }, { mark: 'US$', position: 'before' }];
    case 'GBP':
      return [{ mark: '£', position: 'before' }, { mark: 'GBP', position: 'before' }];
    case 'PLN':
      return [{ mark: 'zł', position: 'after' }, { mark: 'PLN', position: 'after' }];
    case 'CHF':
      return [{ mark: 'CHF', position: 'before' }, { mark: 'CHF', position: 'after' }, { mark: 'Fr.', position: 'before' }];
    case 'SEK':
      return [{ mark: 'kr', position: 'after' }, { mark: 'SEK', position: 'after' }, { mark: 'SEK', position: 'before' }];
    default:
      return [{ mark: currency, position: 'after' }];
  }
}

export function formatMoney(value: Decimal, style: MoneyStyle, withCurrency = true): string {
  const number = formatNumber(value, style.number, { negative: style.negative, spaceChar: style.spaceChar });
  if (!withCurrency || style.position === 'none') return number;
  const tight = style.currencyMark === '$' || style.currencyMark === '£' || style.currencyMark === '€';
  if (style.position === 'before') return tight && style.currencyMark !== '€' ? `${style.currencyMark}${number}` : `${style.currencyMark} ${number}`;
  return `${number} ${style.currencyMark}`;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** Writes a calendar date (YYYY-MM-DD) the way the locale prints it. */
export function formatDate(iso: string, style: DateStyle, locale: LocaleProfile): string {
  const date = DateTime.fromISO(iso, { zone: 'UTC' });
  const { day, month, year } = date;
  const language: Language = locale.language;
  const separator = locale.dateSeparator;
  switch (style) {
    case 'iso':
      return iso;
    case 'numeric':
    case 'numeric-short-year': {
      const yearText = style === 'numeric' ? String(year) : pad(year % 100);
      return locale.dateOrder === 'mdy' ? `${pad(month)}${separator}${pad(day)}${separator}${yearText}` : `${pad(day)}${separator}${pad(month)}${separator}${yearText}`;
    }
    case 'long':
      return longDate(day, month, year, language, locale.dateOrder);
    case 'abbreviated': {
      const short = MONTHS[language].short[month - 1];
      return locale.dateOrder === 'mdy' ? `${short} ${day}, ${year}` : `${pad(day)}-${short.replace(/\.$/, '')}-${year}`;
    }
  }
}

function longDate(day: number, month: number, year: number, language: Language, order: 'dmy' | 'mdy'): string {
  const name = MONTHS[language].long[month - 1];
  switch (language) {
    case 'en':
      return order === 'mdy' ? `${name} ${day}, ${year}` : `${day} ${name} ${year}`;
    case 'de':
      return `${day}. ${name} ${year}`;
    case 'fr':
      return `${day === 1 ? '1er' : day} ${name} ${year}`;
    case 'es':
      return `${day} de ${name} de ${year}`;
    default:
      return `${day} ${name} ${year}`;
  }
}
