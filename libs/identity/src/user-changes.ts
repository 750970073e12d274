import { DomainError } from '@conveyor/kernel';
import { normaliseRoles, type Role } from './role';
import { checkedDisplayName, checkedGroups, type UserRecord } from './user';

/** What an admin may change on a user (PATCH /api/users/:id). */
export interface UserChanges {
  displayName?: string;
  roles?: readonly Role[];
  groups?: readonly string[];
  active?: boolean;
}

/**
 * Applies `changes`, refusing to leave the system without an active admin: the last one can be neither
 * disabled nor demoted (the admin token stays, but people would be locked out of administration).
 */
export function applyUserChanges(current: UserRecord, changes: UserChanges, otherActiveAdminIds: readonly string[], at: Date): UserRecord {
  const next: UserRecord = {
    ...current,
    ...(changes.displayName !== undefined ? { displayName: checkedDisplayName(changes.displayName) } : {}),
    ...(changes.roles !== undefined ? { roles: normaliseRoles(changes.roles) } : {}),
    ...(changes.groups !== undefined ? { groups: checkedGroups(changes.groups) } : {}),
    ...(changes.active !== undefined ? { active: changes.active } : {}),
    updatedAt: at,
  };
  const otherAdmins = otherActiveAdminIds.filter((id) => id !== current.id);
  if (isActiveAdmin(current) && !isActiveAdmin(next) && otherAdmins.length === 0) {
    throw new DomainError('LAST_ADMIN_CONFLICT', 'This is the last active admin: make someone else an admin first', { userId: current.id });
  }
  return next;
}

export function isActiveAdmin(user: Pick<UserRecord, 'active' | 'roles'>): boolean {
  return user.active && user.roles.includes('admin');
}
