import Decimal from 'decimal.js';
import { currencyDigits, decimalToMinor, DomainError, minorToDecimal } from '@conveyor/kernel';

const PLAIN_AMOUNT = /^([-+]?)(\d+)(?:\.(\d+))?$/;

/**
 * Matching works on JavaScript numbers for speed (the kernel's money is BigInt): amounts in minor units stay
 * within the safe integer range, which holds any statement we read.
 *
 * A decimal string in integer minor units. Refuses more decimals than the currency has (rounding money
 * silently is worse than refusing it) and anything beyond the safe integer range.
 */
export function toMinorUnits(amount: string, currency: string): number {
  const plain = PLAIN_AMOUNT.exec(amount);
  const exponent = currencyDigits(currency);
  if (plain && (plain[3]?.length ?? 0) <= exponent && plain[2].length + exponent <= 15) {
    // The common case, read as an integer string: no rounding can happen, and it is 20 times faster.
    const digits = `${plain[2]}${(plain[3] ?? '').padEnd(exponent, '0')}`;
    const minor = Number(digits);
    return plain[1] === '-' && minor !== 0 ? -minor : minor;
  }
  const minor = decimalToMinor(amount, currency);
  const result = Number(minor);
  if (!Number.isSafeInteger(result)) throw new DomainError('AMOUNT_INVALID', `"${amount}" is too large`);
  return result;
}

/** Integer minor units back to a plain decimal string ("-12.50"). */
export function fromMinorUnits(minor: number, currency: string): string {
  return minorToDecimal(BigInt(minor), currency);
}

/** A decimal option (a tolerance such as "25.00") in minor units of one currency, rounded half-up. */
export function decimalToMinorRounded(amount: string, currency: string): number {
  return new Decimal(amount).times(new Decimal(10).pow(currencyDigits(currency))).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}
