import type { AuditRecord, JsonValue } from '@conveyor/audit';

export const AUDIT_COLUMNS =
  'seq, id, at, actor, action, entity_type, entity_id, before, after, workflow_id, revision, run_id, details, prev_hash, hash';

/** A row of audit_records as the hash was computed over it (jsonb comes back parsed, bigint as text). */
export function toAuditRecord(row: Record<string, unknown>): AuditRecord {
  return {
    seq: Number(row['seq']),
    id: String(row['id']),
    at: row['at'] instanceof Date ? row['at'] : new Date(String(row['at'])),
    actor: String(row['actor']),
    action: String(row['action']),
    entityType: String(row['entity_type']),
    entityId: String(row['entity_id']),
    before: (row['before'] ?? null) as JsonValue,
    after: (row['after'] ?? null) as JsonValue,
    workflowId: (row['workflow_id'] as string | null) ?? null,
    revision: row['revision'] === null || row['revision'] === undefined ? null : Number(row['revision']),
    runId: (row['run_id'] as string | null) ?? null,
    details: (row['details'] ?? null) as AuditRecord['details'],
    prevHash: String(row['prev_hash']),
    hash: String(row['hash']),
  };
}

/** jsonb parameter: JSON text, or SQL NULL for null (both read back as null). */
export function jsonbParam(value: JsonValue | undefined): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
