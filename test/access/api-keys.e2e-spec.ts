import request from 'supertest';
import type { ApiTestApp } from '../api/api-test-app';
import { asAdminToken, bearer, createUser, startAccessApp } from './access-fixtures';

jest.setTimeout(60_000);

const FLOW = 'id: keyed-flow\ntriggers:\n  - { id: by-hand, type: manual }\nsteps:\n  - id: only\n    type: noop\n';

describe('Access: API keys for machines', () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startAccessApp();
    expect((await request(api.server).post('/api/workflows').set(asAdminToken).send({ yaml: FLOW })).status).toBe(201);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('shows the secret once, lists keys without it, and lets the key act with its own roles only', async () => {
    const admin = await createUser(api, 'keymaster@example.com', ['admin']);
    const created = await request(api.server).post('/api/api-keys').set(bearer(admin.token)).send({ name: 'scanner', roles: ['uploader'] });
    expect(created.status).toBe(201);
    const { apiKey, secret } = created.body;
    expect(secret).toMatch(/^cvk_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ name: 'scanner', roles: ['uploader'], createdBy: `user:${admin.id}` });
    const listed = await request(api.server).get('/api/api-keys').set(asAdminToken);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: apiKey.id, name: 'scanner' })]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const me = await request(api.server).get('/api/auth/me').set(bearer(secret));
    expect(me.body).toEqual({ kind: 'api-key', id: apiKey.id, displayName: 'scanner', roles: ['uploader'], groups: [], actor: `api-key:${apiKey.id}` });
    expect((await request(api.server).post('/api/events/document.uploaded').set(bearer(secret)).send({ payload: {} })).status).toBe(202);
    const started = await request(api.server).post('/api/workflows/keyed-flow/runs').set(bearer(secret)).send({});
    expect(started.status).toBe(201);
    expect((await request(api.server).get(`/api/runs/${started.body.id}`).set(bearer(secret))).status).toBe(403);
    const run = await request(api.server).get(`/api/runs/${started.body.id}`).set(asAdminToken);
    expect(run.body.events.find((event: { type: string }) => event.type === 'run.queued').actor).toBe(`api-key:${apiKey.id}`);
    const used = await request(api.server).get('/api/api-keys').set(asAdminToken);
    expect(used.body.items[0].lastUsedAt).toEqual(expect.any(String));
  });

  it('stops working the moment it is revoked', async () => {
    const created = await request(api.server).post('/api/api-keys').set(asAdminToken).send({ name: 'erp importer', roles: ['accountant', 'uploader'] });
    const { apiKey, secret } = created.body;
    expect(apiKey.createdBy).toBe('api-key:admin');
    expect((await request(api.server).get('/api/runs').set(bearer(secret))).status).toBe(200);
    const revoked = await request(api.server).delete(`/api/api-keys/${apiKey.id}`).set(asAdminToken);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const refused = await request(api.server).get('/api/runs').set(bearer(secret));
    expect(refused.status).toBe(401);
    expect((await request(api.server).delete(`/api/api-keys/${apiKey.id}`).set(asAdminToken)).body.revokedAt).toBe(revoked.body.revokedAt);
    expect((await request(api.server).delete('/api/api-keys/3f0e0000-0000-4000-8000-000000000000').set(asAdminToken)).status).toBe(404);
  });

  it('opens the queue dashboard to an admin key given as the Basic password', async () => {
    const created = await request(api.server).post('/api/api-keys').set(asAdminToken).send({ name: 'ops browser', roles: ['admin'] });
    expect((await request(api.server).get('/admin/queues').auth('ops', created.body.secret)).status).toBe(200);
    expect((await request(api.server).get('/metrics').set(bearer(created.body.secret))).status).toBe(200);
  });

  it('leaves user, role and key changes and sign-ins in the audit trail, without secrets', async () => {
    const auditor = await createUser(api, 'auditing@example.com', ['auditor']);
    const promoted = await request(api.server).patch(`/api/users/${auditor.id}`).set(asAdminToken).send({ roles: ['auditor', 'approver'] });
    expect(promoted.status).toBe(200);
    const created = await request(api.server).post('/api/api-keys').set(asAdminToken).send({ name: 'audited key', roles: ['uploader'] });
    await request(api.server).delete(`/api/api-keys/${created.body.apiKey.id}`).set(asAdminToken);
    const trail = await request(api.server).get('/api/audit?order=asc&limit=500').set(bearer(auditor.token));
    expect(trail.status).toBe(200);
    const about = (id: string) => trail.body.items.filter((record: { entityId: string }) => record.entityId === id);
    expect(about(auditor.id).map((record: { action: string }) => record.action)).toEqual(['user.created', 'user.signed-in', 'user.updated']);
    expect(about(auditor.id)[2]).toMatchObject({ actor: 'api-key:admin', entityType: 'user', before: { roles: ['auditor'] }, after: { roles: ['approver', 'auditor'] } });
    expect(about(created.body.apiKey.id).map((record: { action: string }) => record.action)).toEqual(['api-key.created', 'api-key.revoked']);
    const everything = JSON.stringify(trail.body);
    expect(everything).not.toContain(created.body.secret);
    expect(everything).not.toContain('argon2');
    expect(everything).not.toContain(auditor.token);
    expect((await request(api.server).get('/api/audit/verify').set(bearer(auditor.token))).body).toMatchObject({ ok: true });
  });

  it('refuses keys without roles or with unknown ones', async () => {
    const none = await request(api.server).post('/api/api-keys').set(asAdminToken).send({ name: 'nothing', roles: [] });
    expect(none.status).toBe(400);
    const unknown = await request(api.server).post('/api/api-keys').set(asAdminToken).send({ name: 'root', roles: ['root'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('roles');
  });
});
