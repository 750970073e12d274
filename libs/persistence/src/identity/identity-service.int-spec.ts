import { Argon2PasswordHasher, IdentityService, type IdentityEvent, type Principal } from '@conveyor/identity';
import { ManualClock } from '@conveyor/kernel';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '@conveyor/testing';
import { SqlIdentityRepository } from './sql-identity-repository';

const PASSWORD = 'correct horse battery staple';
/** The real hasher, counting its verifications. */
class CountingHasher extends Argon2PasswordHasher {
  verifications = 0;
  override verify(hash: string, password: string): Promise<boolean> {
    this.verifications++;
    return super.verify(hash, password);
  }
}

const ADMIN_TOKEN: Principal = { kind: 'admin-token', id: 'admin', displayName: 'admin token', roles: ['admin'], groups: [] };

/** The identity rules over the real SQL repository and the real hasher (cheap settings). */
describe.each(DATABASE_KINDS)('IdentityService over SQL (%s)', (kind) => {
  let test: TestDatabase;
  let clock: ManualClock;
  let events: IdentityEvent[];
  let identity: IdentityService;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    clock = new ManualClock('2026-01-05T09:00:00Z');
    events = [];
    identity = new IdentityService({
      repository: new SqlIdentityRepository(test.database.dataSource),
      hasher: new Argon2PasswordHasher({ memoryKib: 1024, timeCost: 1 }),
      clock,
      settings: { sessionLifetimeMs: 60 * 60_000, lockout: { maxFailures: 5, lockoutMs: 15 * 60_000 } },
      events: { record: async (event) => void events.push(event) },
    });
  }, 60_000);
  afterAll(async () => {
    await test?.drop();
  });

  async function newUser(email: string, roles: Principal['roles'] = ['accountant']) {
    return identity.createUser({ email, displayName: email.split('@')[0], password: PASSWORD, roles: [...roles] }, ADMIN_TOKEN);
  }

  it('signs in with the password, hands out a session token that authenticates until it expires', async () => {
    const created = await newUser('Ada@Example.com ', ['accountant', 'approver']);
    expect(created).toMatchObject({ email: 'ada@example.com', roles: ['accountant', 'approver'], active: true });
    expect(JSON.stringify(created)).not.toContain('argon2');
    const login = await identity.login('ADA@example.com', PASSWORD);
    expect(login.token).toMatch(/^cvs_/);
    expect(login.expiresAt).toEqual(new Date('2026-01-05T10:00:00Z'));
    expect(login.user.id).toBe(created.id);
    const principal = await identity.authenticate(login.token);
    expect(principal).toEqual({ kind: 'user', id: created.id, displayName: 'Ada', roles: ['accountant', 'approver'], groups: [] });
    expect(await test.database.dataSource.query(`SELECT 1 FROM sessions WHERE token_hash = $1`, [login.token])).toEqual([]);
    clock.advance(60 * 60_000);
    expect(await identity.authenticate(login.token)).toBeUndefined();
    expect(events.map((event) => event.type)).toEqual(['user.created', 'user.signed-in']);
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    await newUser('grace@example.com');
    await expect(identity.login('grace@example.com', 'wrong password here')).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Wrong email or password' });
    await expect(identity.login('nobody@example.com', PASSWORD)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Wrong email or password' });
    expect(await identity.authenticate('cvs_made-up')).toBeUndefined();
    expect(await identity.authenticate('anything else')).toBeUndefined();
  });

  it('locks an account for 15 minutes after 5 wrong passwords, even for the right one, then lets it in again', async () => {
    await newUser('locked@example.com');
    for (let attempt = 1; attempt <= 4; attempt++) {
      await expect(identity.login('locked@example.com', `wrong password ${attempt}`)).rejects.toMatchObject({ message: 'Wrong email or password' });
    }
    await expect(identity.login('locked@example.com', 'wrong password 5')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED', details: { reason: 'TOO_MANY_FAILED_LOGINS', retryAfterSeconds: 900 },
    });
    await expect(identity.login('locked@example.com', PASSWORD)).rejects.toMatchObject({ details: { reason: 'TOO_MANY_FAILED_LOGINS' } });
    const listed = (await identity.listUsers()).find((user) => user.email === 'locked@example.com');
    expect(listed?.lockedUntil).toBe(new Date(clock.now().getTime() + 15 * 60_000).toISOString());
    clock.advance(15 * 60_000);
    const login = await identity.login('locked@example.com', PASSWORD);
    expect(login.user.lockedUntil).toBeUndefined();
    expect(events.filter((event) => event.subject.id === login.user.id).map((event) => event.type)).toEqual([
      'user.created', 'user.sign-in-failed', 'user.sign-in-failed', 'user.sign-in-failed', 'user.sign-in-failed', 'user.locked-out', 'user.signed-in',
    ]);
  });

  it('locks unknown emails the same way, so lockout does not reveal who has an account', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      await expect(identity.login('ghost@example.com', PASSWORD)).rejects.toMatchObject({ message: 'Wrong email or password' });
    }
    await expect(identity.login('ghost@example.com', PASSWORD)).rejects.toMatchObject({ details: { reason: 'TOO_MANY_FAILED_LOGINS' } });
  });

  it('ends sessions at logout, when the user is disabled, and lets roles change take effect at once', async () => {
    const user = await newUser('linus@example.com', ['uploader']);
    const first = await identity.login('linus@example.com', PASSWORD);
    const second = await identity.login('linus@example.com', PASSWORD);
    expect(await identity.logout(first.token)).toBe(true);
    expect(await identity.logout(first.token)).toBe(false);
    expect(await identity.authenticate(first.token)).toBeUndefined();
    await identity.updateUser(user.id, { roles: ['uploader', 'auditor'], groups: ['scanning'] }, ADMIN_TOKEN);
    expect(await identity.authenticate(second.token)).toMatchObject({ roles: ['uploader', 'auditor'], groups: ['scanning'] });
    const disabled = await identity.updateUser(user.id, { active: false }, ADMIN_TOKEN);
    expect(disabled.active).toBe(false);
    expect(await identity.authenticate(second.token)).toBeUndefined();
    await expect(identity.login('linus@example.com', PASSWORD)).rejects.toMatchObject({ details: { reason: 'ACCOUNT_DISABLED' } });
    const updates = events.filter((event) => event.type === 'user.updated' && event.subject.id === user.id);
    expect(updates[1]).toMatchObject({ actor: 'api-key:admin', before: { active: true }, after: { active: false } });
  });

  it('refuses duplicates, weak passwords and unknown roles with clear codes', async () => {
    await expect(newUser('ada@example.com')).rejects.toMatchObject({ code: 'EMAIL_CONFLICT' });
    await expect(identity.createUser({ email: 'weak@example.com', displayName: 'W', password: 'weak@example.com' }, ADMIN_TOKEN)).rejects.toMatchObject({ code: 'PASSWORD_INVALID' });
    await expect(identity.createUser({ email: 'x@example.com', displayName: 'X', password: PASSWORD, roles: ['boss' as never] }, ADMIN_TOKEN)).rejects.toMatchObject({ code: 'ROLE_INVALID' });
    await expect(identity.createUser({ email: 'not an email', displayName: 'X', password: PASSWORD }, ADMIN_TOKEN)).rejects.toMatchObject({ code: 'EMAIL_INVALID' });
    await expect(identity.updateUser('5b3c2d4e-0000-4000-8000-000000000000', { active: false }, ADMIN_TOKEN)).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
  });

  it('keeps one active admin even when two admins are demoted at the same moment', async () => {
    const first = await newUser('boss-1@example.com', ['admin']);
    const second = await newUser('boss-2@example.com', ['admin']);
    const admins = (await identity.listUsers()).filter((user) => user.roles.includes('admin') && user.active);
    expect(admins.map((user) => user.id).sort()).toEqual([first.id, second.id].sort());
    const results = await Promise.allSettled([
      identity.updateUser(first.id, { roles: ['accountant'] }, ADMIN_TOKEN),
      identity.updateUser(second.id, { active: false }, ADMIN_TOKEN),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'LAST_ADMIN_CONFLICT' } });
    expect((await identity.listUsers()).filter((user) => user.roles.includes('admin') && user.active)).toHaveLength(1);
  });

  it('lets people change their own password with the current one, and admins set anyone else\'s', async () => {
    const user = await newUser('hopper@example.com');
    const self: Principal = { kind: 'user', id: user.id, displayName: 'hopper', roles: ['accountant'], groups: [] };
    const kept = await identity.login('hopper@example.com', PASSWORD);
    const other = await identity.login('hopper@example.com', PASSWORD);
    await expect(identity.changePassword(user.id, { newPassword: 'a brand new passphrase' }, self)).rejects.toMatchObject({ code: 'CURRENT_PASSWORD_INVALID' });
    await identity.changePassword(user.id, { newPassword: 'a brand new passphrase', currentPassword: PASSWORD }, self, { keepSessionToken: kept.token });
    expect(await identity.authenticate(kept.token)).toBeDefined();
    expect(await identity.authenticate(other.token)).toBeUndefined();
    await expect(identity.login('hopper@example.com', PASSWORD)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await identity.login('hopper@example.com', 'a brand new passphrase');
    const stranger: Principal = { kind: 'user', id: 'someone-else', displayName: 'x', roles: ['accountant', 'approver'], groups: [] };
    await expect(identity.changePassword(user.id, { newPassword: 'stolen passphrase!' }, stranger)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await identity.changePassword(user.id, { newPassword: 'set by the admin, 2026' }, ADMIN_TOKEN);
    expect(await identity.authenticate(kept.token)).toBeUndefined();
    await identity.login('hopper@example.com', 'set by the admin, 2026');
  });

  it('creates API keys whose secret is shown once, authenticates them with their roles until revoked', async () => {
    const { apiKey, secret } = await identity.createApiKey({ name: ' scanner ', roles: ['uploader'] }, ADMIN_TOKEN);
    expect(apiKey).toMatchObject({ name: 'scanner', roles: ['uploader'], createdBy: 'api-key:admin' });
    expect(secret).toMatch(/^cvk_/);
    expect(JSON.stringify(await identity.listApiKeys())).not.toContain(secret);
    expect(await identity.authenticate(secret)).toEqual({ kind: 'api-key', id: apiKey.id, displayName: 'scanner', roles: ['uploader'], groups: [] });
    expect((await identity.listApiKeys()).find((key) => key.id === apiKey.id)?.lastUsedAt).toBe(clock.now().toISOString());
    const revoked = await identity.revokeApiKey(apiKey.id, ADMIN_TOKEN);
    expect(revoked.revokedAt).toBe(clock.now().toISOString());
    expect(await identity.authenticate(secret)).toBeUndefined();
    await expect(identity.revokeApiKey('no-such-key', ADMIN_TOKEN)).rejects.toMatchObject({ code: 'API_KEY_NOT_FOUND' });
    await expect(identity.createApiKey({ name: 'x', roles: ['root' as never] }, ADMIN_TOKEN)).rejects.toMatchObject({ code: 'ROLE_INVALID' });
  });

  it('spends one hash verification on unknown emails and locked accounts too (no timing difference to tell them apart)', async () => {
    const hasher = new CountingHasher({ memoryKib: 1024, timeCost: 1 });
    const counted = new IdentityService({
      repository: new SqlIdentityRepository(test.database.dataSource),
      hasher,
      clock,
      settings: { sessionLifetimeMs: 60_000, lockout: { maxFailures: 1, lockoutMs: 60_000 } },
    });
    await newUser('timing@example.com');
    for (const [email, password] of [['timing@example.com', PASSWORD], ['timing@example.com', 'wrong password!'], ['unknown@example.com', PASSWORD], ['timing@example.com', PASSWORD]]) {
      const before = hasher.verifications;
      await counted.login(email, password).catch(() => undefined);
      expect(hasher.verifications - before).toBe(1);
    }
    await expect(counted.login('timing@example.com', PASSWORD)).rejects.toMatchObject({ details: { reason: 'TOO_MANY_FAILED_LOGINS' } });
  });

  it('seeds nothing once users exist', async () => {
    expect(await identity.seedUsers([{ email: 'seed@example.com', displayName: 'Seed', roles: ['admin'] }], PASSWORD)).toBe(false);
  });

  it('rehashes a password made with weaker settings at sign-in', async () => {
    const stronger = new IdentityService({
      repository: new SqlIdentityRepository(test.database.dataSource),
      hasher: new Argon2PasswordHasher({ memoryKib: 2048, timeCost: 2 }),
      clock,
      settings: { sessionLifetimeMs: 60_000, lockout: { maxFailures: 5, lockoutMs: 60_000 } },
    });
    await newUser('rehash@example.com');
    const hashOf = async () =>
      ((await test.database.dataSource.query(`SELECT password_hash FROM users WHERE email = 'rehash@example.com'`)) as { password_hash: string }[])[0].password_hash;
    expect(await hashOf()).toContain('m=1024,t=1');
    await stronger.login('rehash@example.com', PASSWORD);
    expect(await hashOf()).toContain('m=2048,t=2');
    await identity.login('rehash@example.com', PASSWORD);
  });
});
