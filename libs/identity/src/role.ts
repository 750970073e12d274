import { DomainError } from '@conveyor/kernel';

/**
 * What a person or machine may do. uploader: brings documents in; accountant: works runs and exceptions;
 * approver: decides approvals; auditor: reads everything, changes nothing; admin: runs the system.
 */
export const ROLES = ['uploader', 'accountant', 'approver', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Known roles only, without duplicates, in the order of ROLES (so stored lists compare equal). */
export function normaliseRoles(roles: readonly unknown[]): Role[] {
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) {
    throw new DomainError('ROLE_INVALID', `Unknown role(s) ${unknown.map((role) => JSON.stringify(role)).join(', ')}; roles are ${ROLES.join(', ')}`, {
      roles: unknown,
    });
  }
  return ROLES.filter((role) => roles.includes(role));
}
