import request from 'supertest';
import { startApiTestApp, type ApiTestApp } from './api-test-app';
import { UNKNOWN_STEP_TYPE_WORKFLOW, helloWorkflow } from './workflow-fixtures';

jest.setTimeout(60_000);

describe('API: workflows', () => {
  let api: ApiTestApp;
  const id = `hello-${Date.now().toString(36)}`;

  beforeAll(async () => {
    api = await startApiTestApp({}, ['api']);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('publishes raw YAML (201), answers 200 for unchanged content, and JSON {yaml} makes a new revision', async () => {
    const first = await request(api.server).post('/api/workflows').set('Content-Type', 'text/yaml').send(helloWorkflow(id));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: true, revision: { workflowId: id, revision: 1, yaml: helloWorkflow(id) } });
    expect(first.body.revision.definition.steps.map((step: { id: string }) => step.id)).toEqual(['greet', 'done']);

    const again = await request(api.server).post('/api/workflows').set('Content-Type', 'text/yaml').send(helloWorkflow(id));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, revision: { revision: 1 } });

    const changed = await request(api.server).post('/api/workflows').send({ yaml: helloWorkflow(id, 'hi') });
    expect(changed.status).toBe(201);
    expect(changed.body.revision.revision).toBe(2);
  });

  it('refuses an invalid workflow with 422 and located problems', async () => {
    const response = await request(api.server).post('/api/workflows').send({ yaml: UNKNOWN_STEP_TYPE_WORKFLOW });
    expect(response.status).toBe(422);
    expect(response.body.status).toBe(422);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.message).toMatch(/1 problem/);
    expect(response.body.error.problems).toEqual([
      expect.objectContaining({ line: 4, column: 11, code: 'UNKNOWN_STEP_TYPE', message: expect.stringContaining('no.such-type') }),
    ]);
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('validates without publishing', async () => {
    const invalid = await request(api.server).post('/api/workflows/validate').set('Content-Type', 'text/yaml').send(UNKNOWN_STEP_TYPE_WORKFLOW);
    expect(invalid.status).toBe(200);
    expect(invalid.body.valid).toBe(false);
    expect(invalid.body.problems[0]).toMatchObject({ line: 4, code: 'UNKNOWN_STEP_TYPE' });
    const valid = await request(api.server).post('/api/workflows/validate').send({ yaml: helloWorkflow('never-published') });
    expect(valid.body).toEqual({ valid: true, problems: [] });
    const missing = await request(api.server).get('/api/workflows/never-published');
    expect(missing.status).toBe(404);
  });

  it('lists workflows and reads revisions, diffs and rollbacks', async () => {
    const list = await request(api.server).get('/api/workflows');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id, latestRevision: 2 })]));

    const latest = await request(api.server).get(`/api/workflows/${id}`);
    expect(latest.body).toMatchObject({ workflowId: id, revision: 2 });
    const revisions = await request(api.server).get(`/api/workflows/${id}/revisions`);
    expect(revisions.body.items.map((revision: { revision: number }) => revision.revision).sort()).toEqual([1, 2]);
    const first = await request(api.server).get(`/api/workflows/${id}/revisions/1`);
    expect(first.body.yaml).toBe(helloWorkflow(id));

    const diff = await request(api.server).get(`/api/workflows/${id}/diff`).query({ from: 1, to: 2 });
    expect(diff.status).toBe(200);
    expect(diff.body.unified).toContain('-      message: "hello ${{ inputs.who }}"');
    expect(diff.body.unified).toContain('+      message: "hi ${{ inputs.who }}"');

    const rollback = await request(api.server).post(`/api/workflows/${id}/rollback`).send({ revision: 1 });
    expect(rollback.status).toBe(201);
    expect(rollback.body).toMatchObject({ revision: 3, rolledBackFrom: 1, yaml: helloWorkflow(id) });
  });

  it('answers bad parameters with 400 and unknown things with 404, as JSON', async () => {
    const badRevision = await request(api.server).get(`/api/workflows/${id}/revisions/zero`);
    expect(badRevision.status).toBe(400);
    expect(badRevision.body.error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('rev') });
    const badDiff = await request(api.server).get(`/api/workflows/${id}/diff`).query({ from: 1 });
    expect(badDiff.status).toBe(400);
    const noRevision = await request(api.server).get(`/api/workflows/${id}/revisions/99`);
    expect(noRevision.status).toBe(404);
    expect(noRevision.body).toMatchObject({ status: 404, error: { code: 'WORKFLOW_NOT_FOUND' } });
    const badRollback = await request(api.server).post(`/api/workflows/${id}/rollback`).send({ revision: 'one' });
    expect(badRollback.status).toBe(400);
    expect(badRollback.body.error.details.issues[0]).toMatchObject({ path: 'revision' });
  });

  it('refuses a body that is neither YAML text nor {yaml}', async () => {
    const response = await request(api.server).post('/api/workflows').send({ yml: 'x' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('BAD_REQUEST');
  });
});
