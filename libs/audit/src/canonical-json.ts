import { DomainError } from '@conveyor/kernel';
import type { JsonValue } from './audit-entry';

/**
 * The one text form of a JSON value that the record hash is computed over: object keys sorted by
 * UTF-16 code units, no white space, numbers and strings as JSON.stringify writes them (the
 * rules of RFC 8785, JCS). PostgreSQL's jsonb reorders keys, so only a canonical form survives a
 * round trip through the database unchanged. Dates are written as ISO 8601 in UTC ("...Z").
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw notJson(`the number ${value}`);
      return JSON.stringify(value);
    case 'object':
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      if (value instanceof Date) return JSON.stringify(isoInstant(value));
      return canonicalObject(value as Record<string, unknown>);
    default:
      throw notJson(`a value of type ${typeof value}`);
  }
}

function canonicalObject(object: Record<string, unknown>): string {
  const members: string[] = [];
  for (const key of Object.keys(object).sort()) {
    const member = object[key];
    if (member === undefined) continue;
    members.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${members.join(',')}}`;
}

/**
 * A value as it reads back from a jsonb column: JSON semantics (Dates become ISO strings, undefined
 * members disappear, undefined array items and non-finite numbers become null). Hashing this form,
 * not the caller's object, is what makes the hash of a stored record reproducible.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === undefined) return null;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw notJson(`a value JSON cannot hold (${(error as Error).message})`);
  }
  return text === undefined ? null : (JSON.parse(text) as JsonValue);
}

/** The instant in ISO 8601 with its offset (always UTC, "Z"), millisecond precision. */
export function isoInstant(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new DomainError('AUDIT_ENTRY_INVALID', 'An audit entry has an invalid date');
  return date.toISOString();
}

function notJson(what: string): DomainError {
  return new DomainError('AUDIT_ENTRY_INVALID', `An audit entry can only hold JSON data, not ${what}`);
}
