import type { DataSource } from 'typeorm';
import { isActiveAdmin, type ApiKeyRecord, type IdentityRepository, type Role, type SessionRecord, type UserRecord } from '@conveyor/identity';
import type { Sql } from '../repositories/sql';
import { inTransaction, plainSql } from '../repositories/transaction-runner';
import {
  API_KEY_COLUMNS, SESSION_COLUMNS, USER_COLUMNS, isUuid, toApiKeyRecord, toPrefixedUserRecord, toSessionRecord, toUserRecord, userParams,
} from './identity-rows';

const INSERT_USER = `INSERT INTO users (${USER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`;
const PREFIXED_USER_COLUMNS = USER_COLUMNS.split(', ').map((column) => `u.${column} AS u_${column}`).join(', ');

/** Users, sessions and API keys in PostgreSQL (or PGlite), in plain SQL. */
export class SqlIdentityRepository implements IdentityRepository {
  private readonly sql: Sql;

  constructor(private readonly dataSource: DataSource) {
    this.sql = plainSql(dataSource);
  }

  async hasUsers(): Promise<boolean> {
    return (await this.sql(`SELECT 1 FROM users LIMIT 1`)).length > 0;
  }

  async findUserById(id: string): Promise<UserRecord | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await this.sql(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    return row ? toUserRecord(row) : undefined;
  }

  async findUserByEmail(email: string): Promise<UserRecord | undefined> {
    const [row] = await this.sql(`SELECT ${USER_COLUMNS} FROM users WHERE email = $1`, [email]);
    return row ? toUserRecord(row) : undefined;
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.sql(`SELECT ${USER_COLUMNS} FROM users ORDER BY email`)).map(toUserRecord);
  }

  async insertUser(user: UserRecord): Promise<boolean> {
    const inserted = await this.sql(`${INSERT_USER} ON CONFLICT (email) DO NOTHING RETURNING id`, userParams(user));
    return inserted.length > 0;
  }

  async insertUsersIfNone(users: UserRecord[]): Promise<boolean> {
    return inTransaction(this.dataSource, async (sql) => {
      // Two processes starting at once: the second waits here, then sees the first one's users.
      await sql(`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`);
      if ((await sql(`SELECT 1 FROM users LIMIT 1`)).length > 0) return false;
      for (const user of users) await sql(INSERT_USER, userParams(user));
      return true;
    });
  }

  async updateUser(
    id: string,
    change: (current: UserRecord, otherActiveAdminIds: readonly string[]) => UserRecord,
  ): Promise<UserRecord | undefined> {
    if (!isUuid(id)) return undefined;
    return inTransaction(this.dataSource, async (sql) => {
      const lockAdmins = async () =>
        (await sql<{ id: string }>(`SELECT id FROM users WHERE active AND 'admin' = ANY(roles) ORDER BY id FOR UPDATE`)).map((row) => String(row.id));
      // Admin rows are always locked before the user's own row (one order, no deadlock between two admin changes).
      const [peek] = await sql(`SELECT active, roles FROM users WHERE id = $1`, [id]);
      if (!peek) return undefined;
      let admins = isActiveAdmin({ active: peek['active'] === true, roles: peek['roles'] as Role[] }) ? await lockAdmins() : undefined;
      const [row] = await sql(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) return undefined;
      const current = toUserRecord(row);
      if (!admins && isActiveAdmin(current)) admins = await lockAdmins();
      const next = change(current, (admins ?? []).filter((adminId) => adminId !== id));
      const [updated] = await sql(
        `UPDATE users SET email = $2, display_name = $3, password_hash = $4, roles = $5, groups = $6, active = $7, failed_logins = $8,
           locked_until = $9, updated_at = $10
         WHERE id = $1 RETURNING ${USER_COLUMNS}`,
        [id, next.email, next.displayName, next.passwordHash, next.roles, next.groups, next.active, next.failedLogins, next.lockedUntil, next.updatedAt],
      );
      return toUserRecord(updated);
    });
  }

  async insertSession(session: SessionRecord): Promise<void> {
    await this.sql(`INSERT INTO sessions (${SESSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      session.id, session.userId, session.tokenHash, session.createdAt, session.expiresAt, session.lastSeenAt, session.revokedAt,
    ]);
  }

  async findSessionByTokenHash(tokenHash: string): Promise<{ session: SessionRecord; user: UserRecord } | undefined> {
    const [row] = await this.sql(
      `SELECT ${SESSION_COLUMNS.split(', ').map((column) => `s.${column}`).join(', ')}, ${PREFIXED_USER_COLUMNS}
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
      [tokenHash],
    );
    return row ? { session: toSessionRecord(row), user: toPrefixedUserRecord(row) } : undefined;
  }

  async touchSession(id: string, at: Date): Promise<void> {
    await this.sql(`UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2`, [id, at]);
  }

  async revokeSessionByTokenHash(tokenHash: string, at: Date): Promise<boolean> {
    const revoked = await this.sql(`UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2 RETURNING id`, [
      tokenHash, at,
    ]);
    return revoked.length > 0;
  }

  async revokeSessionsOfUser(userId: string, at: Date, keepSessionId?: string): Promise<number> {
    if (!isUuid(userId)) return 0;
    const revoked = await this.sql(
      `UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2 AND id IS DISTINCT FROM $3 RETURNING id`,
      [userId, at, keepSessionId ?? null],
    );
    return revoked.length;
  }

  async deleteEndedSessions(before: Date): Promise<number> {
    const deleted = await this.sql(`DELETE FROM sessions WHERE expires_at < $1 OR revoked_at < $1 RETURNING id`, [before]);
    return deleted.length;
  }

  async insertApiKey(key: ApiKeyRecord): Promise<void> {
    await this.sql(`INSERT INTO api_keys (${API_KEY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
      key.id, key.name, key.tokenHash, key.roles, key.createdBy, key.createdAt, key.lastUsedAt, key.revokedAt,
    ]);
  }

  async findApiKeyByTokenHash(tokenHash: string): Promise<ApiKeyRecord | undefined> {
    const [row] = await this.sql(`SELECT ${API_KEY_COLUMNS} FROM api_keys WHERE token_hash = $1`, [tokenHash]);
    return row ? toApiKeyRecord(row) : undefined;
  }

  async findApiKeyById(id: string): Promise<ApiKeyRecord | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await this.sql(`SELECT ${API_KEY_COLUMNS} FROM api_keys WHERE id = $1`, [id]);
    return row ? toApiKeyRecord(row) : undefined;
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    return (await this.sql(`SELECT ${API_KEY_COLUMNS} FROM api_keys ORDER BY created_at, id`)).map(toApiKeyRecord);
  }

  async revokeApiKey(id: string, at: Date): Promise<ApiKeyRecord | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await this.sql(
      `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING ${API_KEY_COLUMNS}`,
      [id, at],
    );
    return row ? toApiKeyRecord(row) : undefined;
  }

  async touchApiKey(id: string, at: Date): Promise<void> {
    await this.sql(`UPDATE api_keys SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2)`, [id, at]);
  }
}
