import Decimal from 'decimal.js';
import { DomainError } from '@conveyor/kernel';

/** XML decimals (xs:decimal): optional sign, digits, optional fraction. No grouping, no exponent. */
const XML_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Parses an xs:decimal exactly; a malformed amount is an error, never a guess. */
export function parseXmlDecimal(text: string, what: string): Decimal {
  const trimmed = text.trim();
  if (!XML_DECIMAL.test(trimmed)) throw new DomainError('EINVOICE_INVALID_AMOUNT', `${what} is not a decimal number: "${trimmed}"`, { value: trimmed });
  return new Decimal(trimmed);
}

/** Money as the result model writes it: at least two decimals, more when the XML has them ("9.9000" stays). */
export function formatAmount(value: Decimal): string {
  return normaliseZero(value).toFixed(Math.max(2, value.decimalPlaces()));
}

/** Quantities and rates without trailing zeros ("20.0000" → "20", "19.00" → "19"). */
export function formatPlainDecimal(value: Decimal): string {
  return normaliseZero(value).toFixed();
}

/** "-0.00" would read as a credit; zero has no sign. */
function normaliseZero(value: Decimal): Decimal {
  return value.isZero() ? new Decimal(0) : value;
}
