export { AuditStore } from './audit-store';
export type { AuditPage, AuditVerification } from './audit-store';
export type { AuditFilter, AuditQuery } from './audit-filter';
