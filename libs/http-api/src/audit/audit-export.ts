import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { AuditRecord } from '@conveyor/audit';
import { toAuditRecordBody } from './audit-record.view';

export type AuditExportFormat = 'jsonl' | 'csv';

export const EXPORT_MEDIA_TYPES: Record<AuditExportFormat, string> = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

const CSV_COLUMNS = [
  'seq', 'id', 'at', 'actor', 'action', 'entityType', 'entityId', 'workflowId', 'revision', 'runId', 'before', 'after', 'details', 'prevHash', 'hash',
] as const;

/**
 * The records as a byte stream, read from the store batch by batch as the client takes them.
 * JSON Lines: one record per line, exactly as hashed. CSV: one row per record with a header;
 * before, after and details as JSON text, absent values as empty cells.
 */
export function auditExportStream(records: AsyncIterable<AuditRecord>, format: AuditExportFormat): Readable {
  if (format === 'jsonl') {
    return Readable.from(
      (async function* jsonLines() {
        for await (const record of records) yield `${JSON.stringify(toAuditRecordBody(record))}\n`;
      })(),
    );
  }
  const rows = Readable.from(
    (async function* csvRows() {
      for await (const record of records) yield csvRow(record);
    })(),
  );
  // pipeline() passes a failure of the source on to the stringifier, which the response reads.
  return pipeline(rows, stringify({ header: true, columns: [...CSV_COLUMNS] }), () => undefined);
}

function csvRow(record: AuditRecord): Record<(typeof CSV_COLUMNS)[number], string> {
  const json = (value: unknown): string => (value === null || value === undefined ? '' : JSON.stringify(value));
  return {
    seq: String(record.seq),
    id: record.id,
    at: record.at.toISOString(),
    actor: record.actor,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    workflowId: record.workflowId ?? '',
    revision: record.revision === null ? '' : String(record.revision),
    runId: record.runId ?? '',
    before: json(record.before),
    after: json(record.after),
    details: json(record.details),
    prevHash: record.prevHash,
    hash: record.hash,
  };
}
