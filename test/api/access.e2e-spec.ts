import request from 'supertest';
import { startApiTestApp, type ApiTestApp } from './api-test-app';

jest.setTimeout(60_000);

const TOKEN = 'e2e-admin-token-0123456789';

describe('API: admin token', () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startApiTestApp({ CONVEYOR_ADMIN_TOKEN: TOKEN }, ['api']);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('refuses API routes without the token, as JSON 401', async () => {
    const response = await request(api.server).get('/api/workflows');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ status: 401, error: { code: 'UNAUTHENTICATED' } });
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    const wrong = await request(api.server).get('/api/runs').set('Authorization', `Bearer ${TOKEN}-wrong`);
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toMatch(/not valid/);
    const post = await request(api.server).post('/api/events/document.uploaded').send({ payload: {} });
    expect(post.status).toBe(401);
  });

  it('lets the token through', async () => {
    const response = await request(api.server).get('/api/workflows').set('Authorization', `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ items: [] });
  });

  it('keeps health probes and webhooks open', async () => {
    expect((await request(api.server).get('/api/health')).status).toBe(200);
    expect((await request(api.server).get('/api/health/live')).status).toBe(200);
    expect((await request(api.server).get('/api/health/ready')).status).toBe(200);
    const webhook = await request(api.server).post('/api/webhooks/no-such-workflow').send({ any: 'thing' });
    expect(webhook.status).toBe(404);
  });

  it('protects metrics and the queue dashboard too', async () => {
    expect((await request(api.server).get('/metrics')).status).toBe(401);
    expect((await request(api.server).get('/metrics').set('Authorization', `Bearer ${TOKEN}`)).status).toBe(200);
    const dashboard = await request(api.server).get('/admin/queues');
    expect(dashboard.status).toBe(401);
    expect(dashboard.headers['www-authenticate']).toMatch(/^Basic/);
    const withBasic = await request(api.server).get('/admin/queues').auth('admin', TOKEN);
    expect(withBasic.status).toBe(200);
  });

  it('records the token holder as the actor', async () => {
    const published = await request(api.server)
      .post('/api/workflows')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send({ yaml: 'id: token-flow\nsteps:\n  - id: only\n    type: noop\n' });
    expect(published.status).toBe(201);
    expect(published.body.revision.createdBy).toBe('api-key:admin');
  });
});
