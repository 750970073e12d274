import request from 'supertest';
import type { ApiTestApp } from '../api/api-test-app';
import { asAdminToken, bearer, createUser, login, PASSWORD, startAccessApp } from './access-fixtures';

jest.setTimeout(60_000);

function sessionCookieOf(response: request.Response): string {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = cookies.find((value) => value.startsWith('conveyor_session='));
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(cookies)}`);
  return cookie;
}

describe('Access: sign-in, sessions and cookies', () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startAccessApp({ LOGIN_LOCKOUT: '2s', SESSION_LIFETIME: '1h' });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('signs in with email and password: a session token, the user, and an httpOnly cookie', async () => {
    const ada = await createUser(api, 'ada@example.com', ['accountant', 'approver'], ['finance']);
    const before = Date.now();
    const response = await request(api.server).post('/api/auth/login').send({ email: ' ADA@example.com', password: PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ token: expect.stringMatching(/^cvs_/), user: { id: ada.id, email: 'ada@example.com', roles: ['accountant', 'approver'] } });
    expect(response.body.user).not.toHaveProperty('passwordHash');
    const expiresAt = Date.parse(response.body.expiresAt);
    expect(expiresAt - before).toBeGreaterThan(59 * 60_000);
    expect(expiresAt - before).toBeLessThanOrEqual(60 * 60_000 + 5000);
    const cookie = sessionCookieOf(response);
    expect(cookie).toContain(`conveyor_session=${response.body.token}`);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);

    const me = await request(api.server).get('/api/auth/me').set(bearer(response.body.token));
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      kind: 'user', id: ada.id, displayName: 'ada', roles: ['accountant', 'approver'], groups: ['finance'], actor: `user:${ada.id}`,
      user: expect.objectContaining({ email: 'ada@example.com', active: true }),
    });
    const byCookie = await request(api.server).get('/api/auth/me').set('Cookie', cookie.split(';')[0]);
    expect(byCookie.status).toBe(200);
    expect(byCookie.body.id).toBe(ada.id);
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    await createUser(api, 'grace@example.com', ['uploader']);
    const wrong = await request(api.server).post('/api/auth/login').send({ email: 'grace@example.com', password: 'not the password' });
    const unknown = await request(api.server).post('/api/auth/login').send({ email: 'nobody@example.com', password: PASSWORD });
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ status: 401, error: { code: 'UNAUTHENTICATED', message: 'Wrong email or password' } });
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    const malformed = await request(api.server).post('/api/auth/login').send({ email: 'grace@example.com' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('BAD_REQUEST');
  });

  it('locks an account after 5 wrong passwords, even for the right one, and opens it again after LOGIN_LOCKOUT', async () => {
    await createUser(api, 'locked@example.com', ['uploader']);
    const attempt = (password: string) => request(api.server).post('/api/auth/login').send({ email: 'locked@example.com', password });
    for (let failure = 1; failure <= 4; failure++) expect((await attempt(`wrong password ${failure}`)).body.error.message).toBe('Wrong email or password');
    const fifth = await attempt('wrong password 5');
    expect(fifth.status).toBe(401);
    expect(fifth.body.error).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'TOO_MANY_FAILED_LOGINS' } });
    expect(Number(fifth.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const right = await attempt(PASSWORD);
    expect(right.status).toBe(401);
    expect(right.body.error.details.reason).toBe('TOO_MANY_FAILED_LOGINS');
    const listed = await request(api.server).get('/api/users').set(asAdminToken);
    expect(listed.body.items.find((user: { email: string }) => user.email === 'locked@example.com').lockedUntil).toEqual(expect.any(String));
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await attempt(PASSWORD)).status).toBe(200);
  });

  it('signs out: the token stops working and the cookie is cleared', async () => {
    const user = await createUser(api, 'linus@example.com', ['auditor']);
    const other = await login(api, 'linus@example.com');
    const response = await request(api.server).post('/api/auth/logout').set(bearer(user.token));
    expect(response.status).toBe(204);
    expect(sessionCookieOf(response)).toMatch(/^conveyor_session=; .*Expires=Thu, 01 Jan 1970/);
    const after = await request(api.server).get('/api/auth/me').set(bearer(user.token));
    expect(after.status).toBe(401);
    expect(after.body.error.message).toMatch(/not valid/);
    expect((await request(api.server).get('/api/auth/me').set(bearer(other))).status).toBe(200);
    const byCookie = await request(api.server).post('/api/auth/logout').set('Cookie', `conveyor_session=${other}`);
    expect(byCookie.status).toBe(204);
    expect((await request(api.server).get('/api/auth/me').set(bearer(other))).status).toBe(401);
  });

  it('ignores the session cookie on writes from a foreign origin', async () => {
    const user = await createUser(api, 'csrf@example.com', ['auditor']);
    const cookie = `conveyor_session=${user.token}`;
    const forged = await request(api.server).post('/api/auth/logout').set('Cookie', cookie).set('Origin', 'https://evil.example.net');
    expect(forged.status).toBe(401);
    expect((await request(api.server).get('/api/auth/me').set(bearer(user.token))).status).toBe(200);
  });

  it('records the signed-in user as the actor of what they do', async () => {
    const admin = await createUser(api, 'author@example.com', ['admin']);
    const published = await request(api.server)
      .post('/api/workflows')
      .set(bearer(admin.token))
      .send({ yaml: 'id: authored-flow\nsteps:\n  - id: only\n    type: noop\n' });
    expect(published.status).toBe(201);
    expect(published.body.revision.createdBy).toBe(`user:${admin.id}`);
  });

  it('lets people change their own password, ending their other sessions; only admins set other people\'s', async () => {
    const hopper = await createUser(api, 'hopper@example.com', ['accountant']);
    const second = await login(api, 'hopper@example.com');
    const noCurrent = await request(api.server).post(`/api/users/${hopper.id}/password`).set(bearer(hopper.token)).send({ newPassword: 'a brand new passphrase' });
    expect(noCurrent.status).toBe(422);
    expect(noCurrent.body.error.code).toBe('CURRENT_PASSWORD_INVALID');
    const weak = await request(api.server).post(`/api/users/${hopper.id}/password`).set(bearer(hopper.token)).send({ newPassword: 'short', currentPassword: PASSWORD });
    expect(weak.status).toBe(422);
    expect(weak.body.error.code).toBe('PASSWORD_INVALID');
    const changed = await request(api.server)
      .post(`/api/users/${hopper.id}/password`)
      .set(bearer(hopper.token))
      .send({ newPassword: 'a brand new passphrase', currentPassword: PASSWORD });
    expect(changed.status).toBe(204);
    expect((await request(api.server).get('/api/auth/me').set(bearer(hopper.token))).status).toBe(200);
    expect((await request(api.server).get('/api/auth/me').set(bearer(second))).status).toBe(401);
    await login(api, 'hopper@example.com', 'a brand new passphrase');

    const colleague = await createUser(api, 'colleague@example.com', ['accountant', 'approver', 'auditor', 'uploader']);
    const refused = await request(api.server).post(`/api/users/${hopper.id}/password`).set(bearer(colleague.token)).send({ newPassword: 'taken over, ha ha' });
    expect(refused.status).toBe(403);
    const reset = await request(api.server).post(`/api/users/${hopper.id}/password`).set(asAdminToken).send({ newPassword: 'reset by the admin 2026' });
    expect(reset.status).toBe(204);
    expect((await request(api.server).get('/api/auth/me').set(bearer(hopper.token))).status).toBe(401);
    await login(api, 'hopper@example.com', 'reset by the admin 2026');
  });

  it('lets admins change roles (effective at once) and disable users (their sessions end)', async () => {
    const user = await createUser(api, 'mover@example.com', ['uploader']);
    expect((await request(api.server).get('/api/runs').set(bearer(user.token))).status).toBe(403);
    const promoted = await request(api.server).patch(`/api/users/${user.id}`).set(asAdminToken).send({ roles: ['uploader', 'auditor'], groups: ['ap'] });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ roles: ['uploader', 'auditor'], groups: ['ap'] });
    expect((await request(api.server).get('/api/runs').set(bearer(user.token))).status).toBe(200);
    const disabled = await request(api.server).patch(`/api/users/${user.id}`).set(asAdminToken).send({ active: false });
    expect(disabled.body.active).toBe(false);
    expect((await request(api.server).get('/api/auth/me').set(bearer(user.token))).status).toBe(401);
    const signIn = await request(api.server).post('/api/auth/login').send({ email: 'mover@example.com', password: PASSWORD });
    expect(signIn.status).toBe(401);
    expect(signIn.body.error.details.reason).toBe('ACCOUNT_DISABLED');
    const unknownRole = await request(api.server).patch(`/api/users/${user.id}`).set(asAdminToken).send({ roles: ['owner'] });
    expect(unknownRole.status).toBe(400);
    expect((await request(api.server).patch(`/api/users/${user.id}`).set(asAdminToken).send({})).status).toBe(400);
    expect((await request(api.server).patch('/api/users/no-such-user').set(asAdminToken).send({ active: true })).status).toBe(404);
    const duplicate = await request(api.server).post('/api/users').set(asAdminToken).send({ email: 'MOVER@example.com', displayName: 'x', password: PASSWORD });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('EMAIL_CONFLICT');
  });

  it('opens the queue dashboard to admins by session cookie or Basic credentials, and to no one else', async () => {
    const admin = await createUser(api, 'ops@example.com', ['admin']);
    const auditor = await createUser(api, 'watcher@example.com', ['auditor']);
    expect((await request(api.server).get('/admin/queues').set('Cookie', `conveyor_session=${admin.token}`)).status).toBe(200);
    expect((await request(api.server).get('/admin/queues').auth('anyone', admin.token)).status).toBe(200);
    const refused = await request(api.server).get('/admin/queues').set('Cookie', `conveyor_session=${auditor.token}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect((await request(api.server).get('/admin/queues').auth('anyone', 'wrong')).status).toBe(401);
  });
});

describe('Access: development without an admin token', () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startAccessApp({ CONVEYOR_ADMIN_TOKEN: undefined });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('is open until the first user exists, then everyone signs in', async () => {
    const me = await request(api.server).get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kind: 'user', id: 'anonymous', roles: ['admin'], actor: 'user:anonymous' });
    expect(me.body.user).toBeUndefined();
    expect((await request(api.server).get('/api/workflows')).status).toBe(200);
    const created = await request(api.server).post('/api/users').send({ email: 'first@example.com', displayName: 'First', password: PASSWORD, roles: ['admin'] });
    expect(created.status).toBe(201);
    const closed = await request(api.server).get('/api/workflows');
    expect(closed.status).toBe(401);
    expect(closed.body.error.message).toMatch(/Sign in/);
    const token = await login(api, 'first@example.com');
    expect((await request(api.server).get('/api/workflows').set(bearer(token))).status).toBe(200);
    expect((await request(api.server).get('/metrics')).status).toBe(401);
    expect((await request(api.server).get('/admin/queues')).status).toBe(401);
  });
});
