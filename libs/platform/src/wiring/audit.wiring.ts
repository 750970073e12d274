import { AuditStore } from '@conveyor/persistence';
import type { WiringDeps } from './wiring-deps';

/** The audit trail (issue 3): the hash-chained store services record through and auditors read. */
export async function wireAudit(deps: WiringDeps): Promise<{ audit: AuditStore }> {
  return { audit: new AuditStore(deps.database.dataSource, deps.clock) };
}
