import Decimal from 'decimal.js';
import { DomainError } from '@conveyor/kernel';

const DECIMAL_TEXT = /^[+-]?\d+(\.\d+)?$/;

/** True for a decimal written as text ("1000.00", "-12.5") or a finite number. */
export function isDecimalAmount(value: unknown): value is string | number {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && DECIMAL_TEXT.test(value.trim());
}

/**
 * Money as exact decimal text. Text is kept as written (so "1000.00" keeps its scale); a JSON number
 * becomes the shortest text that reads back as that number, which is what the author wrote.
 */
export function toDecimalText(value: string | number): string {
  if (!isDecimalAmount(value)) {
    throw new DomainError('INVALID_AMOUNT', `"${String(value)}" is not a decimal amount; write it like 1250.00`, { value });
  }
  return typeof value === 'number' ? new Decimal(value).toFixed() : value.trim().replace(/^\+/, '');
}

/** -1, 0 or 1, comparing the exact decimal values (never through floating point). */
export function compareAmounts(left: string | number, right: string | number): number {
  return new Decimal(toDecimalText(left)).comparedTo(new Decimal(toDecimalText(right)));
}
