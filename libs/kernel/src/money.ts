import Decimal from 'decimal.js';
import { DomainError } from './domain-error';

/**
 * Money as integer minor units of an ISO 4217 currency (cents, yen, fils), exact in BigInt, with the decimal
 * text our APIs and files carry ("-1234.50"). The one place that knows how many decimals a currency has.
 */

const digitsByCurrency = new Map<string, number>();

/** Minor-unit digits of an ISO 4217 currency (EUR 2, JPY 0, BHD 3), from the ICU data Node ships. */
export function currencyDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    const code = currency.toUpperCase();
    if (!/^[A-Z]{3}$/.test(code)) throw new DomainError('CURRENCY_INVALID', `"${currency}" is not an ISO 4217 currency code`, { currency });
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      throw new DomainError('CURRENCY_INVALID', `"${currency}" is not an ISO 4217 currency code`, { currency });
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/**
 * Exact decimal text to minor units. Refuses more decimals than the currency has: rounding money silently is
 * worse than refusing it.
 */
export function decimalToMinor(amount: string, currency: string): bigint {
  const digits = currencyDigits(currency);
  let value: Decimal;
  try {
    value = new Decimal(amount.trim());
  } catch {
    throw new DomainError('AMOUNT_INVALID', `"${amount}" is not a decimal amount`, { amount });
  }
  if (!value.isFinite()) throw new DomainError('AMOUNT_INVALID', `"${amount}" is not a finite amount`, { amount });
  const scaled = value.times(new Decimal(10).pow(digits));
  if (!scaled.isInteger()) {
    throw new DomainError('AMOUNT_INVALID', `"${amount}" has more decimals than ${currency.toUpperCase()} allows (${digits})`, { amount, currency });
  }
  return BigInt(scaled.toFixed(0));
}

/** Minor units as exact decimal text in the currency's digits: 123456n EUR → "1234.56". */
export function minorToDecimal(minor: bigint, currency: string): string {
  const digits = currencyDigits(currency);
  // Integer text with the point put in: exact, and fast enough for 100,000-row reports.
  const negative = minor < 0n;
  const text = (negative ? -minor : minor).toString();
  if (digits === 0) return negative ? `-${text}` : text;
  const padded = text.padStart(digits + 1, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}
