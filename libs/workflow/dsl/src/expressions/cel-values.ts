import { Optional } from '@marcbachmann/cel-js';

/**
 * Conversions at the boundary between our JSON-ish world and cel-js.
 */

/**
 * The variables an expression can see, on an object without a prototype: otherwise a bare
 * `constructor` or `toString` would resolve to Object.prototype members. Undefined entries are dropped
 * so they read as "unknown variable" rather than as an unsupported value.
 */
export function toCelContext(context: Record<string, unknown>): Record<string, unknown> {
  const variables: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(context)) {
    const value = context[key];
    if (value !== undefined) variables[key] = value;
  }
  return variables;
}

/**
 * Turns a CEL result into plain JS data: ints become numbers when they fit exactly (else a decimal
 * string, so money and ids never lose digits), maps become plain objects, optionals unwrap (none = null),
 * other CEL values (uint, duration, type) their canonical text, bytes base64.
 */
export function fromCelValue(value: unknown): unknown {
  switch (typeof value) {
    case 'bigint':
      return bigintToJs(value);
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'undefined':
      return null;
    case 'object':
      return value === null ? null : fromCelObject(value);
    default:
      return String(value);
  }
}

function bigintToJs(value: bigint): number | string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
}

function fromCelObject(value: object): unknown {
  if (Array.isArray(value)) return value.map(fromCelValue);
  if (value instanceof Date) return value;
  if (value instanceof Optional) return value.hasValue() ? fromCelValue(value.value()) : null;
  if (value instanceof Map) {
    const result: Record<string, unknown> = {};
    for (const [key, entry] of value) result[String(fromCelValue(key))] = fromCelValue(entry);
    return result;
  }
  if (value instanceof Set) return [...value].map(fromCelValue);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  const prototype = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) {
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const entry = (value as Record<string, unknown>)[key];
      if (entry !== undefined) result[key] = fromCelValue(entry);
    }
    return result;
  }
  return String(value);
}

/** Short human description of a value's kind, for error messages. */
export function describeKind(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a timestamp';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return 'a number';
  return `a ${typeof value}`;
}
