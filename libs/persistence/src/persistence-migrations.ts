import { InitialSchema1795433655288 } from './migrations/1795433655288-initial-schema';
import { StepResumeCounters1795433700000 } from './migrations/1795433700000-step-resume-counters';
import { AuditTrail1795433800000 } from './migrations/1795433800000-audit-trail';
import { Identity1795433900000 } from './migrations/1795433900000-identity';
import { Approvals1795434000000 } from './migrations/1795434000000-approvals';
import { Documents1795434100000 } from './migrations/1795434100000-documents';
import { Reports1795434200000 } from './migrations/1795434200000-reports';
import { Reconciliation1795434300000 } from './migrations/1795434300000-reconciliation';
import { VendorProfiles1795434400000 } from './migrations/1795434400000-vendor-profiles';
import { Purchasing1795434500000 } from './migrations/1795434500000-purchasing';
import { BankReconciliation1795434600000 } from './migrations/1795434600000-bank-reconciliation';
import { RunsByDocument1795434710000 } from './migrations/1795434710000-runs-by-document';
import { DocumentInvoiceFields1795434720000 } from './migrations/1795434720000-document-invoice-fields';

/** Every migration, oldest first. A new migration is a new file in migrations/ added here. */
export const PERSISTENCE_MIGRATIONS = [InitialSchema1795433655288, StepResumeCounters1795433700000, AuditTrail1795433800000, Identity1795433900000,
  Approvals1795434000000, Documents1795434100000, Reports1795434200000, Reconciliation1795434300000, VendorProfiles1795434400000,
  Purchasing1795434500000, BankReconciliation1795434600000, RunsByDocument1795434710000, DocumentInvoiceFields1795434720000];
