export type { BarChartSpec, Cell, ColumnKind, RenderableReport, ReportColumn, ReportFormat, ReportRow, ReportSummary, ReportTable, RowKind } from './report-model';
export { REPORT_FORMATS } from './report-model';
export { DEFAULT_AGING_EDGES, agingBuckets, asOfDate, bucketIndex, daysPastDue } from './aging/aging-buckets';
export type { AgingBucket } from './aging/aging-buckets';
export { apAgingReport } from './aging/ap-aging.report';
export type { AgingTotals, ApAgingParameters } from './aging/ap-aging.report';
export { exceptionsReport } from './reports/exceptions.report';
export { auditExtractReport } from './reports/audit-extract.report';
export { vendorStatementReport } from './reports/vendor-statement.report';
export { reconciliationSummaryReport } from './reports/reconciliation-summary.report';
export { exceptionFromTask } from './reports/task-exceptions';
export type {
  AuditExtractQuery, AuditSource, ExceptionQuery, ExceptionRecord, ExceptionSource, OpenItemQuery, OpenItemRecord, OpenItemSource,
  ReconciliationSummaryLine, ReconciliationSummaryQuery, ReconciliationSummarySource, ReportSources,
} from './report-sources';
export {
  InMemoryAuditSource, InMemoryExceptionSource, InMemoryOpenItemSource, InMemoryReconciliationSummarySource, compareOpenItems,
} from './in-memory-sources';
export { FORMAT_MEDIA_TYPES, renderReport } from './render/render-report';
export { ReportRegistry, builtInReportDefinitions } from './report-definitions';
export type { ReportBuildContext, ReportDefinition } from './report-definitions';
export type {
  ReportAttachment, ReportFileStore, ReportListQuery, ReportMailer, ReportRecord, ReportRepository, ReportStatus, ReportWebhook,
} from './report-ports';
export { ReportService } from './report.service';
export type { DeliveryOutcome, GenerateReportRequest, ReportActor, ReportDelivery, ReportServiceOptions } from './report.service';
export { LocalDiskReportStore } from './local-disk-report-store';
export { ReportWebhookPoster } from './delivery/report-webhook-poster';
export type { ReportWebhookOptions } from './delivery/report-webhook-poster';
export { createReportStepType, reportStepInputSchema } from './report.step';
export type { ReportStepInput } from './report.step';
export { humanDuration, processFiguresReportDefinition } from './reports/process-figures.report';
export type { ProcessFiguresLoader } from './reports/process-figures.report';
