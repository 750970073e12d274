import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startApiTestApp, type ApiTestApp } from './api-test-app';
import { helloWorkflow } from './workflow-fixtures';

jest.setTimeout(60_000);

const FINISHED = ['succeeded', 'failed', 'cancelled'];

describe('API: runs, events and webhooks', () => {
  let api: ApiTestApp;
  const id = 'hello-runs';

  async function finishedRun(runId: string): Promise<Record<string, any>> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const response = await request(api.server).get(`/api/runs/${runId}`);
      expect(response.status).toBe(200);
      if (FINISHED.includes(response.body.status)) return response.body;
      if (Date.now() > deadline) throw new Error(`run ${runId} still ${response.body.status} after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  beforeAll(async () => {
    api = await startApiTestApp();
    const published = await request(api.server).post('/api/workflows').send({ yaml: helloWorkflow(id) });
    expect(published.status).toBe(201);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('runs a workflow to success and shows its steps and events', async () => {
    const started = await request(api.server).post(`/api/workflows/${id}/runs`).send({ inputs: { who: 'Ada' } });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ workflowId: id, revision: 1, trigger: { type: 'manual' } });

    const run = await finishedRun(started.body.id);
    expect(run.status).toBe('succeeded');
    expect(run.inputs).toEqual({ who: 'Ada' });
    expect(run.outputs).toEqual({ greeting: 'hello Ada' });
    expect(run.steps.map((step: { stepId: string; status: string }) => [step.stepId, step.status])).toEqual([
      ['greet', 'succeeded'],
      ['done', 'succeeded'],
    ]);
    const types = run.events.map((event: { type: string }) => event.type);
    expect(types).toEqual(expect.arrayContaining(['run.queued', 'step.succeeded', 'run.succeeded']));
    expect(run.events.find((event: { type: string }) => event.type === 'run.queued').actor).toBe('user:anonymous');

    const listed = await request(api.server).get('/api/runs').query({ workflowId: id, status: 'succeeded', limit: 10 });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(started.body.id);

    const cancel = await request(api.server).post(`/api/runs/${started.body.id}/cancel`);
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.code).toBe('RUN_ALREADY_FINISHED');
    const retry = await request(api.server).post(`/api/runs/${started.body.id}/retry`);
    expect(retry.status).toBe(409);
    expect(retry.body.error.code).toBe('RUN_NOT_RETRYABLE');
  });

  it('returns the first run for a repeated Idempotency-Key', async () => {
    const key = randomUUID();
    const first = await request(api.server).post(`/api/workflows/${id}/runs`).set('Idempotency-Key', key).send({ inputs: { who: 'Bo' } });
    const second = await request(api.server).post(`/api/workflows/${id}/runs`).set('Idempotency-Key', key).send({ inputs: { who: 'Bo' } });
    expect(first.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    await finishedRun(first.body.id);
  });

  it('refuses bad run requests', async () => {
    const missingInput = await request(api.server).post(`/api/workflows/${id}/runs`).send({});
    expect(missingInput.status).toBe(422);
    expect(missingInput.body.error.code).toBe('INPUT_INVALID');
    const badShape = await request(api.server).post(`/api/workflows/${id}/runs`).send({ inputs: 'Ada' });
    expect(badShape.status).toBe(400);
    expect(badShape.body.error.code).toBe('BAD_REQUEST');
    const badStatus = await request(api.server).get('/api/runs').query({ status: 'exploded' });
    expect(badStatus.status).toBe(400);
    const unknownWorkflow = await request(api.server).post('/api/workflows/no-such-workflow/runs').send({ inputs: {} });
    expect(unknownWorkflow.status).toBe(404);
    expect(unknownWorkflow.body.error.code).toBe('WORKFLOW_NOT_FOUND');
  });

  it('answers unknown runs and routes with a JSON 404', async () => {
    const unknownRun = await request(api.server).get(`/api/runs/${randomUUID()}`);
    expect(unknownRun.status).toBe(404);
    expect(unknownRun.body).toMatchObject({ status: 404, error: { code: 'RUN_NOT_FOUND', message: expect.any(String) } });
    const notAnId = await request(api.server).get('/api/runs/not-a-uuid');
    expect(notAnId.status).toBe(404);
    expect(notAnId.body.error.code).toBe('RUN_NOT_FOUND');
    const noRoute = await request(api.server).get('/api/no/such/route');
    expect(noRoute.status).toBe(404);
    expect(noRoute.headers['content-type']).toMatch(/application\/json/);
    expect(noRoute.body).toMatchObject({ status: 404, error: { code: 'ROUTE_NOT_FOUND' } });
  });

  it('answers malformed JSON with 400', async () => {
    const response = await request(api.server).post(`/api/workflows/${id}/runs`).set('Content-Type', 'application/json').send('{"inputs": ');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ status: 400, error: { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' } });
    expect(JSON.stringify(response.body)).not.toContain('SyntaxError');
  });

  it('starts the workflows listening for an emitted event', async () => {
    const response = await request(api.server).post('/api/events/document.uploaded').send({ payload: { name: 'invoice.pdf' } });
    expect(response.status).toBe(202);
    expect(response.body.event).toBe('document.uploaded');
    expect(response.body.runs).toHaveLength(1);
    const run = await finishedRun(response.body.runs[0].id);
    expect(run).toMatchObject({ status: 'succeeded', inputs: { who: 'invoice.pdf' } });

    const nobodyListens = await request(api.server).post('/api/events/nothing.happened').send({ payload: {} });
    expect(nobodyListens.status).toBe(202);
    expect(nobodyListens.body.runs).toEqual([]);
    const badName = await request(api.server).post('/api/events/not a name!').send({ payload: {} });
    expect(badName.status).toBe(400);
  });

  it('skips a trigger whose condition cannot be evaluated and still starts the other listeners', async () => {
    const listener = (workflowId: string, condition: string) => `id: ${workflowId}
triggers:
  - id: on-arrival
    type: event
    event: invoice.arrived
    if: \${{ ${condition} }}
steps:
  - id: note
    type: log
    with:
      message: arrived
`;
    const broken = await request(api.server).post('/api/workflows').send({ yaml: listener('arrival-broken', 'event.amount > 10') });
    expect(broken.status).toBe(201);
    const sound = await request(api.server).post('/api/workflows').send({ yaml: listener('arrival-sound', 'event.name == "invoice.arrived"') });
    expect(sound.status).toBe(201);

    // amount is text, so "> 10" has no overload: the broken trigger fails to evaluate.
    const response = await request(api.server).post('/api/events/invoice.arrived').send({ payload: { amount: 'twelve' } });
    expect(response.status).toBe(202);
    expect(response.body.runs.map((run: { workflowId: string }) => run.workflowId)).toEqual(['arrival-sound']);
    expect(response.body.skipped).toEqual([
      expect.objectContaining({ workflowId: 'arrival-broken', triggerId: 'on-arrival', code: 'EXPRESSION_ERROR' }),
    ]);
    expect((await finishedRun(response.body.runs[0].id)).status).toBe('succeeded');
  });

  it("starts a workflow's webhook trigger with any JSON body", async () => {
    const response = await request(api.server)
      .post(`/api/webhooks/${id}`)
      .set('Authorization', 'Bearer not-passed-on')
      .send({ name: 'webhook caller', extra: [1, 2] });
    expect(response.status).toBe(202);
    const run = await finishedRun(response.body.id);
    expect(run).toMatchObject({ status: 'succeeded', inputs: { who: 'webhook caller' } });
    expect(JSON.stringify(run.trigger)).not.toContain('not-passed-on');

    const unknown = await request(api.server).post('/api/webhooks/no-such-workflow').send({});
    expect(unknown.status).toBe(404);
  });
});
