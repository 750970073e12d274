/** A parameterised SQL call bound to one connection or transaction. */
export type Sql = <Row = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<Row[]>;

/** jsonb parameters must be sent as JSON text; undefined becomes SQL NULL. */
export function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

export function iso(value: Date | string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}
