import type { ApiKeyRecord, Role, SessionRecord, UserRecord } from '@conveyor/identity';

export const USER_COLUMNS =
  'id, email, display_name, password_hash, roles, groups, active, failed_logins, locked_until, created_at, updated_at';
export const SESSION_COLUMNS = 'id, user_id, token_hash, created_at, expires_at, last_seen_at, revoked_at';
export const API_KEY_COLUMNS = 'id, name, token_hash, roles, created_by, created_at, last_used_at, revoked_at';

type Row = Record<string, unknown>;

/** Ids are UUIDs; anything else names no row (and would make PostgreSQL refuse the query). */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

function date(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

function dateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : date(value);
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

export function toUserRecord(row: Row): UserRecord {
  return {
    id: String(row['id']),
    email: String(row['email']),
    displayName: String(row['display_name']),
    passwordHash: String(row['password_hash']),
    roles: texts(row['roles']) as Role[],
    groups: texts(row['groups']),
    active: row['active'] === true,
    failedLogins: Number(row['failed_logins']),
    lockedUntil: dateOrNull(row['locked_until']),
    createdAt: date(row['created_at']),
    updatedAt: date(row['updated_at']),
  };
}

/** The user's columns from a row whose columns carry a `u_` prefix (a join with sessions). */
export function toPrefixedUserRecord(row: Row): UserRecord {
  const unprefixed: Row = {};
  for (const [key, value] of Object.entries(row)) if (key.startsWith('u_')) unprefixed[key.slice(2)] = value;
  return toUserRecord(unprefixed);
}

export function toSessionRecord(row: Row): SessionRecord {
  return {
    id: String(row['id']),
    userId: String(row['user_id']),
    tokenHash: String(row['token_hash']),
    createdAt: date(row['created_at']),
    expiresAt: date(row['expires_at']),
    lastSeenAt: date(row['last_seen_at']),
    revokedAt: dateOrNull(row['revoked_at']),
  };
}

export function toApiKeyRecord(row: Row): ApiKeyRecord {
  return {
    id: String(row['id']),
    name: String(row['name']),
    tokenHash: String(row['token_hash']),
    roles: texts(row['roles']) as Role[],
    createdBy: String(row['created_by']),
    createdAt: date(row['created_at']),
    lastUsedAt: dateOrNull(row['last_used_at']),
    revokedAt: dateOrNull(row['revoked_at']),
  };
}

export function userParams(user: UserRecord): unknown[] {
  return [
    user.id, user.email, user.displayName, user.passwordHash, user.roles, user.groups, user.active, user.failedLogins, user.lockedUntil,
    user.createdAt, user.updatedAt,
  ];
}
