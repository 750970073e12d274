import { DomainError } from '@conveyor/kernel';

/** Which records to read; every field narrows the selection. `from` is inclusive, `to` exclusive. */
export interface AuditFilter {
  from?: Date;
  to?: Date;
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  workflowId?: string;
  runId?: string;
}

export interface AuditQuery extends AuditFilter {
  /** 1 to 500, default 50. */
  limit?: number;
  /** nextCursor of the previous page. */
  cursor?: string;
  /** desc (default): newest first; asc: in chain order. */
  order?: 'asc' | 'desc';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const TEXT_COLUMNS = [
  ['actor', 'actor'],
  ['action', 'action'],
  ['entityType', 'entity_type'],
  ['entityId', 'entity_id'],
  ['workflowId', 'workflow_id'],
] as const;

/** The WHERE conditions of a filter; their values are appended to `params`. */
export function filterConditions(filter: AuditFilter, params: unknown[]): string[] {
  const conditions: string[] = [];
  const add = (condition: (placeholder: string) => string, value: unknown): void => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  if (filter.from !== undefined) add((p) => `at >= ${p}`, validDate('from', filter.from));
  if (filter.to !== undefined) add((p) => `at < ${p}`, validDate('to', filter.to));
  for (const [field, column] of TEXT_COLUMNS) {
    const value = filter[field];
    if (value !== undefined) add((p) => `${column} = ${p}`, value);
  }
  if (filter.runId !== undefined) {
    if (!UUID.test(filter.runId)) throw new DomainError('INVALID_AUDIT_FILTER', `runId must be a UUID, got "${filter.runId}"`);
    add((p) => `run_id = ${p}`, filter.runId);
  }
  return conditions;
}

export function encodeCursor(seq: number): string {
  return Buffer.from(JSON.stringify({ seq }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number {
  try {
    const { seq } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { seq?: unknown };
    if (typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0) return seq;
  } catch {
    // reported below
  }
  throw new DomainError('INVALID_CURSOR', 'The page cursor is not valid');
}

function validDate(name: string, value: Date): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new DomainError('INVALID_AUDIT_FILTER', `${name} is not a valid date`);
  return value;
}
