import { canonicalJson } from '@conveyor/audit';
import type { ReportColumn, ReportRow, ReportSummary, RenderableReport } from '../report-model';
import type { AuditSource } from '../report-sources';

export interface AuditExtractParameters {
  from?: Date;
  to?: Date;
  entityId?: string;
  /** In words, for the subtitle. */
  description: string;
}

/**
 * An extract of the audit trail for a period or one document: every record in chain order with its
 * hash, so an auditor can check it against `conveyor audit verify`. The summary counts records by action.
 */
export function auditExtractReport(source: AuditSource, parameters: AuditExtractParameters, generatedAt: Date): RenderableReport {
  const byAction = new Map<string, number>();
  async function* rows(): AsyncGenerator<ReportRow> {
    for await (const record of source.records({ from: parameters.from, to: parameters.to, entityId: parameters.entityId })) {
      byAction.set(record.action, (byAction.get(record.action) ?? 0) + 1);
      yield {
        kind: 'item',
        cells: {
          seq: record.seq, at: record.at, actor: record.actor, action: record.action, entity_type: record.entityType, entity_id: record.entityId,
          run_id: record.runId, details: record.details === null ? null : canonicalJson(record.details), hash: record.hash,
        },
      };
    }
  }
  return {
    type: 'audit-extract',
    title: 'Audit extract',
    subtitle: [parameters.description],
    generatedAt,
    detail: { title: 'Audit records', columns: COLUMNS, rows: rows(), hasTotals: false },
    pdfDetailRows: 1000,
    summary(): ReportSummary {
      return {
        charts: [],
        tables: [{
          title: 'Records by action',
          columns: [{ key: 'action', header: 'Action', kind: 'text', width: 2 }, { key: 'count', header: 'Records', kind: 'integer' }],
          rows: [...byAction].sort(([a], [b]) => (a < b ? -1 : 1)).map(([action, count]) => ({ kind: 'item', cells: { action, count } })),
        }],
      };
    },
  };
}

const COLUMNS: ReportColumn[] = [
  { key: 'seq', header: 'Seq', kind: 'integer', width: 0.5 },
  { key: 'at', header: 'At (UTC)', kind: 'datetime', width: 1.4 },
  { key: 'actor', header: 'Actor', kind: 'text', width: 1.5 },
  { key: 'action', header: 'Action', kind: 'text', width: 1.3 },
  { key: 'entity_type', header: 'Entity', kind: 'text', width: 0.8 },
  { key: 'entity_id', header: 'Entity id', kind: 'text', width: 1.8 },
  { key: 'run_id', header: 'Run', kind: 'text', width: 1.8 },
  { key: 'details', header: 'Details', kind: 'text', width: 2.5 },
  { key: 'hash', header: 'Hash', kind: 'text', width: 1.5 },
];
