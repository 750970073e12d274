import { randomBytes } from 'node:crypto';
import { DomainError, newId, type Clock } from '@conveyor/kernel';
import { apiKeyPrincipal, toApiKeyView, type ApiKeyRecord, type ApiKeyView } from './api-key';
import { DISCARD_IDENTITY_EVENTS, type IdentityEvent, type IdentityEventSink } from './identity-events';
import type { IdentityRepository } from './identity-repository';
import { afterFailedLogin, CLEAN_LOGIN_STATE, isLockedOut, UnknownEmailAttempts, type LockoutPolicy, type LoginAttemptState } from './login-lockout';
import { hashToken, newOpaqueToken, tokenKindOf } from './opaque-token';
import type { PasswordHasher } from './password-hasher';
import { checkPasswordPolicy } from './password-policy';
import { actorIdOf, hasAnyRole, type Principal } from './principal';
import { normaliseRoles, type Role } from './role';
import { isSessionUsable } from './session';
import { applyUserChanges, type UserChanges } from './user-changes';
import {
  checkedDisplayName, checkedEmail, checkedGroups, normaliseEmail, toUserView, userPrincipal, type UserRecord, type UserView,
} from './user';

export interface IdentitySettings {
  /** How long a session lasts after sign-in. */
  sessionLifetimeMs: number;
  lockout: LockoutPolicy;
  /** last_seen_at / last_used_at are refreshed at most this often (saves a write per request). */
  touchIntervalMs?: number;
}

export interface IdentityServiceDeps {
  repository: IdentityRepository;
  hasher: PasswordHasher;
  clock: Clock;
  settings: IdentitySettings;
  events?: IdentityEventSink;
}

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  roles?: readonly Role[];
  groups?: readonly string[];
}

export interface LoginResult {
  /** The session token: shown once, stored only as a hash. */
  token: string;
  expiresAt: Date;
  user: UserView;
  principal: Principal;
}

export interface PasswordChange {
  newPassword: string;
  /** Required when people change their own password. */
  currentPassword?: string;
}

/** Ended sessions are kept this long (for "last seen" questions), then deleted at a later sign-in. */
const ENDED_SESSION_RETENTION_MS = 7 * 86_400_000;

/** Users, sign-in, sessions and API keys: every rule of who may get in, in one place. */
export class IdentityService {
  private readonly repository: IdentityRepository;
  private readonly hasher: PasswordHasher;
  private readonly clock: Clock;
  private readonly settings: Required<IdentitySettings>;
  private readonly events: IdentityEventSink;
  private readonly unknownEmails = new UnknownEmailAttempts();
  /** A hash of a random password with today's settings: what unknown emails are checked against. */
  private readonly dummyHash: Promise<string>;

  constructor(deps: IdentityServiceDeps) {
    this.repository = deps.repository;
    this.hasher = deps.hasher;
    this.clock = deps.clock;
    this.settings = { touchIntervalMs: 60_000, ...deps.settings };
    this.events = deps.events ?? DISCARD_IDENTITY_EVENTS;
    // Made at once, so that even the first unknown email costs one verification and not a hash as well.
    this.dummyHash = this.hasher.hash(randomBytes(24).toString('base64url'));
    this.dummyHash.catch(() => undefined);
  }

  hasUsers(): Promise<boolean> {
    return this.repository.hasUsers();
  }

  /**
   * Password sign-in. Unknown emails cost one hash verification too and lock after the same number of
   * tries, so neither timing nor lockout tells whether an account exists. A locked account is refused
   * even with the right password.
   */
  async login(email: string, password: string): Promise<LoginResult> {
    const normalised = normaliseEmail(email);
    const user = await this.repository.findUserByEmail(normalised);
    const now = this.clock.now();
    const state: LoginAttemptState = user ?? this.unknownEmails.get(normalised);
    const locked = isLockedOut(state, now);
    const matches = await this.hasher.verify(user && !locked ? user.passwordHash : await this.dummyHash, password);
    if (locked) throw lockedOut(state.lockedUntil!, now);
    if (!user || !matches) {
      let next = afterFailedLogin(state, now, this.settings.lockout);
      if (user) {
        next = (await this.recordFailedLogin(user.id, now)) ?? next;
        await this.emit({ type: next.lockedUntil ? 'user.locked-out' : 'user.sign-in-failed', actor: `user:${user.id}`, subject: { kind: 'user', id: user.id }, at: now });
      } else {
        this.unknownEmails.set(normalised, next);
      }
      if (next.lockedUntil) throw lockedOut(next.lockedUntil, now);
      throw new DomainError('UNAUTHENTICATED', 'Wrong email or password');
    }
    if (!user.active) throw new DomainError('UNAUTHENTICATED', 'This account is disabled', { reason: 'ACCOUNT_DISABLED' });
    const rehashed = this.hasher.needsRehash(user.passwordHash) ? await this.hasher.hash(password) : undefined;
    const signedIn = await this.repository.updateUser(user.id, (current) => ({
      ...current, ...CLEAN_LOGIN_STATE, ...(rehashed ? { passwordHash: rehashed } : {}), updatedAt: now,
    }));
    const token = newOpaqueToken('session');
    const expiresAt = new Date(now.getTime() + this.settings.sessionLifetimeMs);
    await this.repository.deleteEndedSessions(new Date(now.getTime() - ENDED_SESSION_RETENTION_MS));
    await this.repository.insertSession({
      id: newId(), userId: user.id, tokenHash: hashToken(token), createdAt: now, expiresAt, lastSeenAt: now, revokedAt: null,
    });
    await this.emit({ type: 'user.signed-in', actor: `user:${user.id}`, subject: { kind: 'user', id: user.id }, at: now });
    const current = signedIn ?? user;
    return { token, expiresAt, user: toUserView(current, now), principal: userPrincipal(current) };
  }

  /** Ends the session of `token`. True when there was a live one. */
  async logout(token: string): Promise<boolean> {
    if (tokenKindOf(token) !== 'session') return false;
    const now = this.clock.now();
    const found = await this.repository.findSessionByTokenHash(hashToken(token));
    const revoked = await this.repository.revokeSessionByTokenHash(hashToken(token), now);
    if (revoked && found) await this.emit({ type: 'user.signed-out', actor: `user:${found.user.id}`, subject: { kind: 'user', id: found.user.id }, at: now });
    return revoked;
  }

  /** The principal behind a session token or API key; undefined for anything not valid now. */
  async authenticate(token: string): Promise<Principal | undefined> {
    const kind = tokenKindOf(token);
    if (!kind) return undefined;
    const now = this.clock.now();
    if (kind === 'session') {
      const found = await this.repository.findSessionByTokenHash(hashToken(token));
      if (!found || !isSessionUsable(found.session, now) || !found.user.active) return undefined;
      if (this.isStale(found.session.lastSeenAt, now)) await this.repository.touchSession(found.session.id, now);
      return userPrincipal(found.user);
    }
    const key = await this.repository.findApiKeyByTokenHash(hashToken(token));
    if (!key || key.revokedAt) return undefined;
    if (this.isStale(key.lastUsedAt, now)) await this.repository.touchApiKey(key.id, now);
    return apiKeyPrincipal(key);
  }

  async listUsers(): Promise<UserView[]> {
    const now = this.clock.now();
    return (await this.repository.listUsers()).map((user) => toUserView(user, now));
  }

  async getUser(id: string): Promise<UserView> {
    const user = await this.repository.findUserById(id);
    if (!user) throw userNotFound(id);
    return toUserView(user, this.clock.now());
  }

  async createUser(input: NewUser, by: Principal): Promise<UserView> {
    const user = await this.newUserRecord(input, this.clock.now());
    if (!(await this.repository.insertUser(user))) {
      throw new DomainError('EMAIL_CONFLICT', `There is already a user with the email ${user.email}`, { email: user.email });
    }
    const view = toUserView(user, user.createdAt);
    await this.emit({ type: 'user.created', actor: actorIdOf(by), subject: { kind: 'user', id: user.id }, after: { ...view }, at: user.createdAt });
    return view;
  }

  /** Roles, groups, display name, active. Disabling a user ends their sessions. */
  async updateUser(id: string, changes: UserChanges, by: Principal): Promise<UserView> {
    const now = this.clock.now();
    let before: UserView | undefined;
    const updated = await this.repository.updateUser(id, (current, admins) => {
      before = toUserView(current, now);
      return applyUserChanges(current, changes, admins, now);
    });
    if (!updated || !before) throw userNotFound(id);
    if (!updated.active) await this.repository.revokeSessionsOfUser(id, now);
    const after = toUserView(updated, now);
    await this.emit({ type: 'user.updated', actor: actorIdOf(by), subject: { kind: 'user', id }, before: { ...before }, after: { ...after }, at: now });
    return after;
  }

  /**
   * People change their own password by giving the current one (a wrong one counts as a failed sign-in);
   * admins set anyone else's. Either way the lockout is lifted and other sessions end.
   */
  async changePassword(id: string, change: PasswordChange, by: Principal, options: { keepSessionToken?: string } = {}): Promise<void> {
    const self = by.kind === 'user' && by.id === id;
    if (!self && !hasAnyRole(by, ['admin'])) throw new DomainError('FORBIDDEN', "Only admins may set another user's password");
    const user = await this.repository.findUserById(id);
    if (!user) throw userNotFound(id);
    const now = this.clock.now();
    if (self) {
      const matches = change.currentPassword !== undefined && (await this.hasher.verify(user.passwordHash, change.currentPassword));
      if (!matches) {
        await this.recordFailedLogin(id, now);
        throw new DomainError('CURRENT_PASSWORD_INVALID', 'The current password is wrong');
      }
    }
    checkPasswordPolicy(change.newPassword, user);
    const passwordHash = await this.hasher.hash(change.newPassword);
    await this.repository.updateUser(id, (current) => ({ ...current, passwordHash, ...CLEAN_LOGIN_STATE, updatedAt: now }));
    let keep: string | undefined;
    if (self && options.keepSessionToken) keep = (await this.repository.findSessionByTokenHash(hashToken(options.keepSessionToken)))?.session.id;
    await this.repository.revokeSessionsOfUser(id, now, keep);
    await this.emit({ type: 'user.password-changed', actor: actorIdOf(by), subject: { kind: 'user', id }, at: now });
  }

  /** A new API key; its secret is in the result and nowhere else. */
  async createApiKey(input: { name: string; roles: readonly Role[] }, by: Principal): Promise<{ apiKey: ApiKeyView; secret: string }> {
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) throw new DomainError('API_KEY_NAME_INVALID', 'An API key name has 1 to 200 characters');
    const secret = newOpaqueToken('api-key');
    const key: ApiKeyRecord = {
      id: newId(), name, tokenHash: hashToken(secret), roles: normaliseRoles(input.roles), createdBy: actorIdOf(by),
      createdAt: this.clock.now(), lastUsedAt: null, revokedAt: null,
    };
    await this.repository.insertApiKey(key);
    const apiKey = toApiKeyView(key);
    await this.emit({ type: 'api-key.created', actor: key.createdBy, subject: { kind: 'api-key', id: key.id }, after: { ...apiKey }, at: key.createdAt });
    return { apiKey, secret };
  }

  async listApiKeys(): Promise<ApiKeyView[]> {
    return (await this.repository.listApiKeys()).map(toApiKeyView);
  }

  /** Revoking twice is harmless; the key keeps its first revocation time. */
  async revokeApiKey(id: string, by: Principal): Promise<ApiKeyView> {
    const before = await this.repository.findApiKeyById(id);
    const now = this.clock.now();
    const revoked = before ? await this.repository.revokeApiKey(id, now) : undefined;
    if (!before || !revoked) throw new DomainError('API_KEY_NOT_FOUND', `No API key "${id}"`, { apiKeyId: id });
    const view = toApiKeyView(revoked);
    if (!before.revokedAt) {
      await this.emit({
        type: 'api-key.revoked', actor: actorIdOf(by), subject: { kind: 'api-key', id }, before: { ...toApiKeyView(before) }, after: { ...view }, at: now,
      });
    }
    return view;
  }

  /** Creates the given users, all with `password`, when there is no user at all. True when it did. */
  async seedUsers(users: readonly Omit<NewUser, 'password'>[], password: string): Promise<boolean> {
    if (await this.repository.hasUsers()) return false;
    const now = this.clock.now();
    const records = await Promise.all(users.map((user) => this.newUserRecord({ ...user, password }, now)));
    return this.repository.insertUsersIfNone(records);
  }

  private async newUserRecord(input: NewUser, now: Date): Promise<UserRecord> {
    const email = checkedEmail(input.email);
    const displayName = checkedDisplayName(input.displayName);
    const roles = normaliseRoles(input.roles ?? []);
    const groups = checkedGroups(input.groups ?? []);
    checkPasswordPolicy(input.password, { email, displayName });
    const passwordHash = await this.hasher.hash(input.password);
    return { id: newId(), email, displayName, passwordHash, roles, groups, active: true, ...CLEAN_LOGIN_STATE, createdAt: now, updatedAt: now };
  }

  /** Counts a wrong password against the account (atomically: concurrent guesses all count). */
  private recordFailedLogin(userId: string, now: Date): Promise<UserRecord | undefined> {
    return this.repository.updateUser(userId, (current) => ({ ...current, ...afterFailedLogin(current, now, this.settings.lockout), updatedAt: now }));
  }

  private isStale(last: Date | null, now: Date): boolean {
    return last === null || now.getTime() - last.getTime() >= this.settings.touchIntervalMs;
  }

  private emit(event: IdentityEvent): Promise<void> {
    return this.events.record(event);
  }
}

function userNotFound(id: string): DomainError {
  return new DomainError('USER_NOT_FOUND', `No user "${id}"`, { userId: id });
}

function lockedOut(until: Date, now: Date): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new DomainError('UNAUTHENTICATED', `Too many failed sign-ins: try again after ${until.toISOString()}`, {
    reason: 'TOO_MANY_FAILED_LOGINS', retryAfterSeconds,
  });
}
