import { InputType } from '../model';

/**
 * Checks one value against an input type. Returns the (normalised) value or a reason.
 * Money is never a float: `decimal` values are text like "-1234.50" (whole numbers are accepted and
 * turned into text because that loses nothing). Dates carry no time; datetimes must carry a zone.
 */
export type InputValueCheck = { ok: true; value: unknown } | { ok: false; reason: string };

const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

export function checkInputValue(type: InputType, value: unknown): InputValueCheck {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? ok(value) : fail('text');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? ok(value) : fail('a number');
    case 'integer':
      return Number.isSafeInteger(value) ? ok(value) : fail('a whole number');
    case 'boolean':
      return typeof value === 'boolean' ? ok(value) : fail('true or false');
    case 'object':
      return isPlainObject(value) ? ok(value) : fail('a mapping of names to values');
    case 'array':
      return Array.isArray(value) ? ok(value) : fail('a list');
    case 'decimal':
      return checkDecimal(value);
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? ok(value) : fail('a date written as YYYY-MM-DD');
    case 'datetime':
      return typeof value === 'string' && isZonedDateTime(value)
        ? ok(value)
        : fail('a date and time in ISO 8601 with a time zone, e.g. 2024-05-01T09:30:00Z or 2024-05-01T09:30:00+02:00');
  }
}

function checkDecimal(value: unknown): InputValueCheck {
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return ok(value.trim());
  if (Number.isSafeInteger(value)) return ok(String(value));
  if (typeof value === 'number') return fail('an exact decimal written as text in quotes, e.g. "1234.50" (numbers with a fraction lose precision)');
  return fail('a decimal written as text, e.g. "-1234.50"');
}

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  return match !== null && isValidDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

function isZonedDateTime(text: string): boolean {
  const match = DATETIME.exec(text);
  if (!match) return false;
  const [, year, month, day, hour, minute, second, , offsetHours, offsetMinutes] = match;
  if (!isValidDay(Number(year), Number(month), Number(day))) return false;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return false;
  if (offsetHours !== undefined && (Number(offsetHours) > 23 || Number(offsetMinutes) > 59)) return false;
  return !Number.isNaN(Date.parse(text));
}

function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Converts CLI text (`--input amount=42`) to the type's value; other values pass through unchanged. */
export function coerceInputString(type: InputType, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  switch (type) {
    case 'number':
      return text !== '' && Number.isFinite(Number(text)) ? Number(text) : value;
    case 'integer':
      return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : value;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : value;
    case 'object':
    case 'array':
      return parseJsonOr(text, value);
    default:
      return value;
  }
}

function parseJsonOr(text: string, fallback: unknown): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}

/** Structural equality for enum membership (inputs are JSON data). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((entry, index) => sameValue(entry, b[index]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameValue(a[key], b[key]));
  }
  return false;
}

function ok(value: unknown): InputValueCheck {
  return { ok: true, value };
}

function fail(expected: string): InputValueCheck {
  return { ok: false, reason: `must be ${expected}` };
}
