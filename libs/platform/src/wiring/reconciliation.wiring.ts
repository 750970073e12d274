import type { AuditRecorder } from '@conveyor/audit';
import { newId } from '@conveyor/kernel';
import { SqlLedgerRepository } from '@conveyor/persistence';
import { BankReconciliationService, createImportStatementStepType, createReconcileStepType, createRecordOpenItemStepType } from '@conveyor/reconciliation';
import type { StepType } from '@conveyor/workflow-engine';
import type { WiringDeps } from './wiring-deps';

/** Bank reconciliation (issue 5): the ledger over SQL, statement import from stored documents, and its step types. */
export function wireReconciliation(
  deps: WiringDeps,
  ports: { audit: AuditRecorder; readDocument: (documentId: string) => Promise<{ bytes: Uint8Array; fileName: string }> },
): { reconciliation: BankReconciliationService; reconciliationStepTypes: StepType[] } {
  const reconciliation = new BankReconciliationService({
    repository: new SqlLedgerRepository(deps.database.dataSource), audit: ports.audit, clock: deps.clock, newId, readDocument: ports.readDocument,
  });
  return {
    reconciliation,
    reconciliationStepTypes: [createImportStatementStepType(reconciliation), createReconcileStepType(reconciliation), createRecordOpenItemStepType(reconciliation)] as StepType[],
  };
}
