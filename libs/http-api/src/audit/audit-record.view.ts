import type { AuditExportQuery, AuditQuery, AuditRecordBody } from '@conveyor/api-contracts';
import type { AuditRecord } from '@conveyor/audit';
import type { Platform } from '@conveyor/platform';

type StoreQuery = NonNullable<Parameters<Platform['audit']['query']>[0]>;

export function toAuditRecordBody(record: AuditRecord): AuditRecordBody {
  return { ...record, at: record.at.toISOString() };
}

/** The API's query (instants as text) as the store takes it. */
export function toStoreQuery(query: AuditQuery | Omit<AuditExportQuery, 'format'>): StoreQuery {
  const { from, to, ...rest } = query as AuditQuery;
  return { ...rest, ...(from ? { from: new Date(from) } : {}), ...(to ? { to: new Date(to) } : {}) };
}
