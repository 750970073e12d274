import type { AuditRecorder } from '@conveyor/audit';
import { newId } from '@conveyor/kernel';
import { SqlPurchasingRepository } from '@conveyor/persistence';
import { createMatchPoStepType, PurchasingService } from '@conveyor/purchasing';
import type { StepType } from '@conveyor/workflow-engine';
import type { WiringDeps } from './wiring-deps';

/** Purchasing (issue 5): vendors, orders and receipts over SQL, and the `match-po` step. */
export function wirePurchasing(deps: WiringDeps, audit: AuditRecorder): { purchasing: PurchasingService; matchPoStepType: StepType } {
  const purchasing = new PurchasingService({ repository: new SqlPurchasingRepository(deps.database.dataSource), audit, clock: deps.clock, newId });
  return { purchasing, matchPoStepType: createMatchPoStepType(purchasing) as StepType };
}
