export { SqlReportRepository } from './sql-report-repository';
export { SqlOpenItemSource, insertOpenItems } from './sql-open-item-source';
export { TaskExceptionSource } from './sql-exception-source';
export { SqlReconciliationSummarySource } from './sql-reconciliation-summary-source';
