import { join, resolve } from 'node:path';
import type { AuditRecorder } from '@conveyor/audit';
import { newId } from '@conveyor/kernel';
import type { Mailer } from '@conveyor/notifications';
import { SqlOpenItemSource, SqlReconciliationSummarySource, SqlReportRepository, SqlTaskRepository, TaskExceptionSource, type AuditStore } from '@conveyor/persistence';
import {
  LocalDiskReportStore, ReportRegistry, ReportService, ReportWebhookPoster, builtInReportDefinitions, createReportStepType, type ReportMailer,
} from '@conveyor/reporting';
import type { WiringDeps } from './wiring-deps';

/**
 * Reporting (issue 6): the report registry (built-in reports; later domains register theirs on
 * `reports.registry`), their sources over the database, the `reports` table, the report store under
 * CONVEYOR_DATA_DIR/reports, delivery by the platform's mailer and by webhook (with the http step's
 * address rules), and the `report` step type.
 */
export function wireReporting(deps: WiringDeps, ports: { audit: AuditStore & AuditRecorder; mailer: Mailer }) {
  const { dataSource } = deps.database;
  const reports = new ReportService({
    registry: new ReportRegistry(builtInReportDefinitions()),
    sources: {
      openItems: new SqlOpenItemSource(dataSource),
      reconciliation: new SqlReconciliationSummarySource(dataSource),
      exceptions: new TaskExceptionSource(new SqlTaskRepository(dataSource)),
      audit: { records: (query) => ports.audit.export(query) },
    },
    repository: new SqlReportRepository(dataSource),
    store: new LocalDiskReportStore(join(resolve(deps.config.CONVEYOR_DATA_DIR), 'reports')),
    audit: ports.audit,
    clock: deps.clock,
    newId,
    mailer: reportMailer(ports.mailer),
    webhook: new ReportWebhookPoster({ allowPrivateAddresses: deps.config.HTTP_STEP_ALLOW_PRIVATE }),
  });
  return { reports, reportStepType: createReportStepType({ reports }) };
}

function reportMailer(mailer: Mailer): ReportMailer {
  return {
    send: (mail, signal) => mailer.send({
      to: mail.to, subject: mail.subject, text: mail.text, idempotencyKey: mail.idempotencyKey,
      attachments: [{ fileName: mail.attachment.fileName, contentType: mail.attachment.contentType, content: mail.attachment.content }],
    }, signal),
  };
}
