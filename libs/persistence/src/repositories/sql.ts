/**
 * A parameterised SQL call bound to one connection or transaction. `name` makes it a named prepared
 * statement: each connection parses and plans it once and then only binds and executes it. Give a name
 * only to a statement whose text never changes (the hot statements of the engine), one name per text.
 */
export type Sql = <Row = Record<string, unknown>>(text: string, params?: unknown[], name?: string) => Promise<Row[]>;

/** jsonb parameters must be sent as JSON text; undefined becomes SQL NULL. */
export function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

export function iso(value: Date | string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}
