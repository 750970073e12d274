import request from 'supertest';
import { startApiTestApp, type ApiTestApp } from './api-test-app';

jest.setTimeout(60_000);

describe('API: health, metrics, docs and the queue dashboard', () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startApiTestApp();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('reports database and Redis health', async () => {
    const response = await request(api.server).get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', checks: { database: { ok: true }, redis: { ok: true } } });
    expect((await request(api.server).get('/api/health/live')).body).toEqual({ status: 'ok' });
    const ready = await request(api.server).get('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok' });
  });

  it('serves Prometheus metrics as text', async () => {
    const response = await request(api.server).get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toMatch(/^# (HELP|TYPE) /m);
    expect((await request(api.server).get('/api/metrics')).status).toBe(404);
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const document = await request(api.server).get('/api/docs-json');
    expect(document.status).toBe(200);
    expect(document.body.openapi).toMatch(/^3\./);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining(['/api/workflows', '/api/workflows/{id}/runs', '/api/runs/{id}', '/api/events/{name}', '/api/health', '/metrics']),
    );
    const publish = document.body.paths['/api/workflows'].post;
    expect(Object.keys(publish.requestBody.content)).toEqual(expect.arrayContaining(['application/json', 'text/yaml']));
    expect(publish.responses['422'].content['application/json'].schema.properties.error).toBeDefined();
    expect(publish.security).toEqual([{ bearer: [] }]);
    expect(document.body.paths['/api/health/live'].get.security).toBeUndefined();
    expect(document.body.paths['/api/webhooks/{workflowId}'].post.security).toBeUndefined();
    const ui = await request(api.server).get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('serves the queue dashboard', async () => {
    const response = await request(api.server).get('/admin/queues');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });

  it('tags responses with a request id, keeping a sane incoming one', async () => {
    const generated = await request(api.server).get('/api/health/live');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await request(api.server).get('/api/workflows').set('X-Request-Id', 'trace-123');
    expect(kept.headers['x-request-id']).toBe('trace-123');
    const replaced = await request(api.server).get('/api/workflows').set('X-Request-Id', 'bad id with spaces');
    expect(replaced.headers['x-request-id']).not.toBe('bad id with spaces');
    const error = await request(api.server).get('/api/nowhere').set('X-Request-Id', 'trace-404');
    expect(error.body.requestId).toBe('trace-404');
  });
});
