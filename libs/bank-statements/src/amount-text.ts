import Decimal from 'decimal.js';

/** ISO 4217 currencies whose minor unit is not 2 digits; the rest have 2. */
const MINOR_UNITS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3, CLF: 4, UYW: 4,
};

export function minorUnits(currency: string | null | undefined): number {
  return currency ? (MINOR_UNITS[currency.toUpperCase()] ?? 2) : 2;
}

const PLAIN_DECIMAL = /^([+-]?)(\d*)(?:[.,](\d*))?$/;

/**
 * A bank amount as a signed decimal string, digits exactly as given: leading zeros dropped, the fraction padded
 * to the currency's minor units but never cut ("18.150" stays, "6800," becomes "6800.00"). Null when the text is
 * not a plain decimal (grouping and symbols are the caller's business).
 */
export function normaliseAmount(text: string, currency: string | null | undefined, negate = false): string | null {
  const match = PLAIN_DECIMAL.exec(text.trim());
  if (!match) return null;
  const [, sign, integerDigits, fractionDigits = ''] = match;
  if (integerDigits === '' && fractionDigits === '') return null;
  const integerPart = integerDigits.replace(/^0+(?=\d)/, '') || '0';
  const fraction = fractionDigits.padEnd(minorUnits(currency), '0');
  const negative = (sign === '-') !== negate;
  const digits = fraction ? `${integerPart}.${fraction}` : integerPart;
  return negative && /[1-9]/.test(digits) ? `-${digits}` : digits;
}

/** Exact sum of signed decimal strings. */
export function sumAmounts(amounts: readonly string[]): Decimal {
  return amounts.reduce((total, amount) => total.plus(amount), new Decimal(0));
}

/** Prints a computed amount with at least the currency's minor units. */
export function formatComputed(value: Decimal, currency: string | null | undefined): string {
  const zeroless = value.isZero() ? new Decimal(0) : value;
  return zeroless.toFixed(Math.max(minorUnits(currency), value.decimalPlaces()));
}
