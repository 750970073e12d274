import { createApprovalStepType } from '@conveyor/approvals';
import { createCheckDuplicateStepType, createConfirmInvoiceStepType, type InvoiceRegister } from '@conveyor/documents';
import type { StepType } from '@conveyor/workflow-engine';
import { createMatchPoStepType, type PurchasingService } from '@conveyor/purchasing';
import { createImportStatementStepType, createReconcileStepType, createRecordOpenItemStepType, type BankReconciliationService } from '@conveyor/reconciliation';
import { createExtractStepType } from '@conveyor/invoice-extraction';
import { DomainError } from '@conveyor/kernel';
import { createNotifyStepType, type Mailer } from '@conveyor/notifications';
import { ReportRegistry, builtInReportDefinitions, createReportStepType, processFiguresReportDefinition } from '@conveyor/reporting';
import type { StepTypeCatalog } from '@conveyor/workflow-dsl';
import { builtInStepTypes, catalogFromRegistry, createStepTypeRegistry } from '@conveyor/workflow-steps';

/**
 * Every step type the platform runs, for checking workflows offline (`conveyor validate`). Only their
 * publish-time input checks are used; the services behind them are absent, and running one says so.
 */
export function offlineStepCatalog(): StepTypeCatalog {
  const absent = (): never => {
    throw new DomainError('OFFLINE_CATALOG', 'This step type is loaded for validation only and cannot run here');
  };
  return catalogFromRegistry(createStepTypeRegistry([
    ...builtInStepTypes({ allowPrivateAddresses: false, maxResponseBytes: 1_000_000 }),
    createNotifyStepType({ mailer: { send: absent } as unknown as Mailer, recipients: { resolve: absent } }),
    createApprovalStepType({ openTask: absent }),
    createExtractStepType({ read: absent }),
    createReportStepType({ registry: new ReportRegistry([...builtInReportDefinitions(), processFiguresReportDefinition(absent) as never]) }),
    ...invoiceRegisterStepTypesOffline(absent),
    createMatchPoStepType({} as PurchasingService) as StepType,
    ...[createImportStatementStepType, createReconcileStepType, createRecordOpenItemStepType].map((create) => create({} as BankReconciliationService) as StepType),
  ]));
}

function invoiceRegisterStepTypesOffline(absent: () => never): StepType[] {
  const register: InvoiceRegister = { registerAndFindCandidates: absent, confirm: absent, corrections: absent };
  return [createCheckDuplicateStepType(register), createConfirmInvoiceStepType(register, { record: absent })] as StepType[];
}
