// The bank reconciliation ledger (service, ports, model) and its step types: one line in index.ts exports them.
export * from './ledger/ledger.model';
export type * from './ledger/ledger-ports';
export { BankReconciliationService, type BankReconciliationDependencies, type InvoiceForLedger } from './ledger/bank-reconciliation.service';
export type { ImportSummary, ImportedStatement, StatementFile } from './ledger/statement-import';
export type { ReconcileRunSummary } from './ledger/reconcile-ledger';
export { openItemInputSchema, type OpenItemInput } from './ledger/open-item-input';
export { createImportStatementStepType, type ImportStatementInput } from './steps/import-statement.step';
export { createReconcileStepType, type ReconcileStepInput } from './steps/reconcile.step';
export { createRecordOpenItemStepType, type RecordOpenItemInput } from './steps/record-open-item.step';
export { fromMinorUnits, toMinorUnits } from './minor-units';
