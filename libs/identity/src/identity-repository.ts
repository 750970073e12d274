import type { ApiKeyRecord } from './api-key';
import type { SessionRecord } from './session';
import type { UserRecord } from './user';

/**
 * Where users, sessions and API keys are kept (SQL in @conveyor/persistence). Rules live in the
 * service; the repository only makes each change atomic.
 */
export interface IdentityRepository {
  hasUsers(): Promise<boolean>;
  findUserById(id: string): Promise<UserRecord | undefined>;
  /** `email` is already normalised. */
  findUserByEmail(email: string): Promise<UserRecord | undefined>;
  listUsers(): Promise<UserRecord[]>;
  /** False when the email is taken. */
  insertUser(user: UserRecord): Promise<boolean>;
  /** Inserts all of them only if there is no user yet (one transaction, safe against concurrent starts). */
  insertUsersIfNone(users: UserRecord[]): Promise<boolean>;
  /**
   * Reads the user locked for update and stores what `change` returns (`change` may throw to refuse).
   * When the user is an active admin, `otherActiveAdminIds` lists the other active admins, locked too, so
   * two concurrent changes cannot both remove "the other" last admin; otherwise it is empty.
   * Undefined when there is no such user.
   */
  updateUser(id: string, change: (current: UserRecord, otherActiveAdminIds: readonly string[]) => UserRecord): Promise<UserRecord | undefined>;

  insertSession(session: SessionRecord): Promise<void>;
  findSessionByTokenHash(tokenHash: string): Promise<{ session: SessionRecord; user: UserRecord } | undefined>;
  touchSession(id: string, at: Date): Promise<void>;
  /** Returns whether a live session was revoked. */
  revokeSessionByTokenHash(tokenHash: string, at: Date): Promise<boolean>;
  /** Revokes every live session of the user except `keepSessionId`. */
  revokeSessionsOfUser(userId: string, at: Date, keepSessionId?: string): Promise<number>;
  /** Deletes sessions that ended (expired or revoked) before `before`. */
  deleteEndedSessions(before: Date): Promise<number>;

  insertApiKey(key: ApiKeyRecord): Promise<void>;
  findApiKeyByTokenHash(tokenHash: string): Promise<ApiKeyRecord | undefined>;
  findApiKeyById(id: string): Promise<ApiKeyRecord | undefined>;
  listApiKeys(): Promise<ApiKeyRecord[]>;
  /** Sets revoked_at unless already set; returns the key as stored afterwards. */
  revokeApiKey(id: string, at: Date): Promise<ApiKeyRecord | undefined>;
  touchApiKey(id: string, at: Date): Promise<void>;
}
