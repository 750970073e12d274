import Decimal from 'decimal.js';
import { DomainError } from '@conveyor/kernel';

const exponents = new Map<string, number>();
const PLAIN_AMOUNT = /^([-+]?)(\d+)(?:\.(\d+))?$/;

/** ISO 4217 minor-unit exponent (EUR 2, JPY 0, BHD 3), read from the ICU data Node ships. */
export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  let exponent = exponents.get(code);
  if (exponent === undefined) {
    if (!/^[A-Z]{3}$/.test(code)) throw new DomainError('CURRENCY_INVALID', `"${currency}" is not an ISO 4217 currency code`);
    try {
      exponent = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      throw new DomainError('CURRENCY_INVALID', `"${currency}" is not an ISO 4217 currency code`);
    }
    exponents.set(code, exponent);
  }
  return exponent;
}

/**
 * A decimal string in integer minor units. Refuses more decimals than the currency has (rounding money
 * silently is worse than refusing it) and anything beyond the safe integer range.
 */
export function toMinorUnits(amount: string, currency: string): number {
  const plain = PLAIN_AMOUNT.exec(amount);
  const exponent = currencyExponent(currency);
  if (plain && (plain[3]?.length ?? 0) <= exponent && plain[2].length + exponent <= 15) {
    // The common case, read as an integer string: no rounding can happen, and it is 20 times faster.
    const digits = `${plain[2]}${(plain[3] ?? '').padEnd(exponent, '0')}`;
    const minor = Number(digits);
    return plain[1] === '-' && minor !== 0 ? -minor : minor;
  }
  let value: Decimal;
  try {
    value = new Decimal(amount.trim());
  } catch {
    throw new DomainError('AMOUNT_INVALID', `"${amount}" is not a decimal amount`);
  }
  if (!value.isFinite()) throw new DomainError('AMOUNT_INVALID', `"${amount}" is not a finite amount`);
  const minor = value.times(new Decimal(10).pow(currencyExponent(currency)));
  if (!minor.isInteger()) {
    throw new DomainError('AMOUNT_INVALID', `"${amount}" has more decimals than ${currency.toUpperCase()} allows`);
  }
  const result = minor.toNumber();
  if (!Number.isSafeInteger(result)) throw new DomainError('AMOUNT_INVALID', `"${amount}" is too large`);
  return result;
}

/** Integer minor units back to a plain decimal string ("-12.50"). */
export function fromMinorUnits(minor: number, currency: string): string {
  return new Decimal(minor).dividedBy(new Decimal(10).pow(currencyExponent(currency))).toFixed(currencyExponent(currency));
}

/** A decimal option (a tolerance such as "25.00") in minor units of one currency, rounded half-up. */
export function decimalToMinorRounded(amount: string, currency: string): number {
  return new Decimal(amount).times(new Decimal(10).pow(currencyExponent(currency))).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}
