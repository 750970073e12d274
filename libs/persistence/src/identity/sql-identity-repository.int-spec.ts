import { randomUUID } from 'node:crypto';
import type { ApiKeyRecord, SessionRecord, UserRecord } from '@conveyor/identity';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '@conveyor/testing';
import { SqlIdentityRepository } from './sql-identity-repository';

const T0 = new Date('2026-01-05T09:00:00.123Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

function user(overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    id: randomUUID(), email: `${randomUUID().slice(0, 8)}@example.com`, displayName: 'Someone', passwordHash: '$argon2id$v=19$m=8,t=1,p=1$x$y',
    roles: ['accountant'], groups: ['finance'], active: true, failedLogins: 0, lockedUntil: null, createdAt: T0, updatedAt: T0, ...overrides,
  };
}

function session(userId: string, overrides: Partial<SessionRecord> = {}): SessionRecord {
  return { id: randomUUID(), userId, tokenHash: randomUUID(), createdAt: T0, expiresAt: minutes(60), lastSeenAt: T0, revokedAt: null, ...overrides };
}

describe.each(DATABASE_KINDS)('SqlIdentityRepository (%s)', (kind) => {
  let test: TestDatabase;
  let repository: SqlIdentityRepository;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    repository = new SqlIdentityRepository(test.database.dataSource);
  }, 60_000);
  afterAll(async () => {
    await test?.drop();
  });

  it('seeds users only into an empty table, once, even when two processes try at the same time', async () => {
    expect(await repository.hasUsers()).toBe(false);
    const first = [user({ email: 'seed-admin@example.com', roles: ['admin'] }), user({ email: 'seed-uploader@example.com', roles: ['uploader'] })];
    const second = [user({ email: 'other-admin@example.com', roles: ['admin'] })];
    const results = await Promise.all([repository.insertUsersIfNone(first), repository.insertUsersIfNone(second)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await repository.hasUsers()).toBe(true);
    const emails = (await repository.listUsers()).map((stored) => stored.email);
    expect(emails).toEqual(results[0] ? ['seed-admin@example.com', 'seed-uploader@example.com'] : ['other-admin@example.com']);
    expect(await repository.insertUsersIfNone([user()])).toBe(false);
  });

  it('stores a user exactly, finds it by id and email, and keeps emails unique', async () => {
    const ada = user({ email: 'ada@example.com', roles: ['accountant', 'approver'], groups: ['ap', 'finance'], lockedUntil: minutes(15), failedLogins: 2 });
    expect(await repository.insertUser(ada)).toBe(true);
    expect(await repository.findUserById(ada.id)).toEqual(ada);
    expect(await repository.findUserByEmail('ada@example.com')).toEqual(ada);
    expect(await repository.insertUser(user({ email: 'ada@example.com' }))).toBe(false);
    expect(await repository.findUserById(randomUUID())).toBeUndefined();
    expect(await repository.findUserById('not-a-uuid')).toBeUndefined();
    expect(await repository.findUserByEmail('nobody@example.com')).toBeUndefined();
    await expect(test.database.dataSource.query(`INSERT INTO users (id, email, display_name, password_hash, created_at, updated_at)
      VALUES ($1, 'Upper@Example.com', 'x', 'x', now(), now())`, [randomUUID()])).rejects.toThrow();
  });

  it('updates a user under lock and hands over the other active admins when the user is one', async () => {
    const admin = user({ email: 'admin-a@example.com', roles: ['admin'] });
    const plain = user({ email: 'plain@example.com', roles: ['uploader'] });
    await repository.insertUser(admin);
    await repository.insertUser(plain);
    let seen: readonly string[] = ['unset'];
    const updated = await repository.updateUser(plain.id, (current, admins) => {
      seen = admins;
      return { ...current, roles: ['uploader', 'auditor'], groups: [], failedLogins: 3, lockedUntil: minutes(5), updatedAt: minutes(1) };
    });
    expect(seen).toEqual([]);
    expect(updated).toEqual({ ...plain, roles: ['uploader', 'auditor'], groups: [], failedLogins: 3, lockedUntil: minutes(5), updatedAt: minutes(1) });
    expect(await repository.findUserById(plain.id)).toEqual(updated);
    await repository.updateUser(admin.id, (current, admins) => {
      seen = admins;
      return current;
    });
    const seededAdmins = (await repository.listUsers()).filter((stored) => stored.roles.includes('admin') && stored.id !== admin.id).map((stored) => stored.id);
    expect([...seen].sort()).toEqual(seededAdmins.sort());
    expect(seen).not.toContain(admin.id);
    expect(await repository.updateUser(randomUUID(), (current) => current)).toBeUndefined();
  });

  it('rolls the change back when the change function refuses', async () => {
    const target = user({ email: 'refused@example.com' });
    await repository.insertUser(target);
    await expect(repository.updateUser(target.id, () => {
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect(await repository.findUserById(target.id)).toEqual(target);
  });

  it('serialises concurrent changes to one user (each sees the previous result)', async () => {
    const target = user({ email: 'counter@example.com' });
    await repository.insertUser(target);
    await Promise.all(Array.from({ length: 8 }, () => repository.updateUser(target.id, (current) => ({ ...current, failedLogins: current.failedLogins + 1 }))));
    expect((await repository.findUserById(target.id))?.failedLogins).toBe(8);
  });

  it('keeps sessions by token hash, joined with their user, and revokes them', async () => {
    const owner = user({ email: 'session-owner@example.com' });
    await repository.insertUser(owner);
    const live = session(owner.id);
    const other = session(owner.id);
    const expired = session(owner.id, { expiresAt: minutes(-1) });
    for (const record of [live, other, expired]) await repository.insertSession(record);
    expect(await repository.findSessionByTokenHash(live.tokenHash)).toEqual({ session: live, user: owner });
    expect(await repository.findSessionByTokenHash('unknown')).toBeUndefined();
    await repository.touchSession(live.id, minutes(2));
    expect((await repository.findSessionByTokenHash(live.tokenHash))?.session.lastSeenAt).toEqual(minutes(2));
    expect(await repository.revokeSessionsOfUser(owner.id, minutes(3), live.id)).toBe(1);
    expect((await repository.findSessionByTokenHash(other.tokenHash))?.session.revokedAt).toEqual(minutes(3));
    expect(await repository.revokeSessionByTokenHash(live.tokenHash, minutes(4))).toBe(true);
    expect(await repository.revokeSessionByTokenHash(live.tokenHash, minutes(5))).toBe(false);
    expect((await repository.findSessionByTokenHash(live.tokenHash))?.session.revokedAt).toEqual(minutes(4));
    expect(await repository.deleteEndedSessions(minutes(3.5))).toBe(2);
    expect(await repository.findSessionByTokenHash(expired.tokenHash)).toBeUndefined();
    expect(await repository.findSessionByTokenHash(live.tokenHash)).toBeDefined();
  });

  it('keeps API keys by token hash, lists and revokes them once', async () => {
    const key: ApiKeyRecord = {
      id: randomUUID(), name: 'erp importer', tokenHash: randomUUID(), roles: ['uploader'], createdBy: 'user:someone', createdAt: T0,
      lastUsedAt: null, revokedAt: null,
    };
    await repository.insertApiKey(key);
    expect(await repository.findApiKeyByTokenHash(key.tokenHash)).toEqual(key);
    expect(await repository.findApiKeyById(key.id)).toEqual(key);
    expect(await repository.findApiKeyById('nope')).toBeUndefined();
    await repository.touchApiKey(key.id, minutes(1));
    await repository.touchApiKey(key.id, T0);
    expect((await repository.findApiKeyById(key.id))?.lastUsedAt).toEqual(minutes(1));
    expect(await repository.revokeApiKey(key.id, minutes(2))).toEqual({ ...key, lastUsedAt: minutes(1), revokedAt: minutes(2) });
    expect((await repository.revokeApiKey(key.id, minutes(3)))?.revokedAt).toEqual(minutes(2));
    expect(await repository.revokeApiKey(randomUUID(), minutes(3))).toBeUndefined();
    expect((await repository.listApiKeys()).map((stored) => stored.id)).toContain(key.id);
  });
});
