import { DomainError } from '@conveyor/kernel';
import type { Principal } from './principal';
import type { Role } from './role';

/** A person as stored. Only the repository and the service see `passwordHash`. */
export interface UserRecord {
  id: string;
  /** Lower-cased and trimmed; unique. */
  email: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  groups: string[];
  active: boolean;
  /** Failed sign-ins since the last success or lockout. */
  failedLogins: number;
  lockedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A person as shown to callers: never the hash. */
export interface UserView {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  groups: string[];
  active: boolean;
  /** Set while sign-in is locked after too many failures. */
  lockedUntil?: string;
  createdAt: string;
  updatedAt: string;
}

export function toUserView(user: UserRecord, now: Date): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: [...user.roles],
    groups: [...user.groups],
    active: user.active,
    ...(user.lockedUntil && user.lockedUntil > now ? { lockedUntil: user.lockedUntil.toISOString() } : {}),
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

export function userPrincipal(user: UserRecord): Principal {
  return { kind: 'user', id: user.id, displayName: user.displayName, roles: [...user.roles], groups: [...user.groups] };
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const MAX_EMAIL_LENGTH = 254;

/** Emails compare without case or surrounding spaces: Ada@Example.com and ada@example.com are one user. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function checkedEmail(email: string): string {
  const normalised = normaliseEmail(email);
  if (normalised.length > MAX_EMAIL_LENGTH || !EMAIL.test(normalised)) {
    throw new DomainError('EMAIL_INVALID', `"${email}" is not an email address`);
  }
  return normalised;
}

export function checkedDisplayName(displayName: string): string {
  const trimmed = displayName.trim();
  if (trimmed.length === 0 || trimmed.length > 200) {
    throw new DomainError('DISPLAY_NAME_INVALID', 'A display name has 1 to 200 characters');
  }
  return trimmed;
}

const GROUP = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** Group names are lower-case identifiers (e.g. finance-leads), without duplicates, sorted. */
export function checkedGroups(groups: readonly string[]): string[] {
  const bad = groups.filter((group) => !GROUP.test(group));
  if (bad.length > 0) {
    throw new DomainError('GROUP_INVALID', `Group names are lower-case letters, digits, ".", "_" and "-" (at most 64): ${bad.join(', ')}`, {
      groups: bad,
    });
  }
  return [...new Set(groups)].sort();
}
