import request from 'supertest';
import { verifyChain, type AuditRecord } from '@conveyor/audit';
import { startApiTestApp, type ApiTestApp } from '../api/api-test-app';

jest.setTimeout(90_000);

const TOKEN = 'audit-e2e-admin-token-0123456789';
const FINISHED = ['succeeded', 'failed', 'cancelled'];

function waitingWorkflow(id: string, message: string): string {
  return `id: ${id}
name: Waits an hour
inputs:
  invoiceId: { type: string, required: true }
steps:
  - id: note
    type: log
    with: { message: "${message}" }
  - id: wait
    type: delay
    needs: note
    with: { duration: 1h }
`;
}

const FAILS_ONCE = `id: audit-fails-once
steps:
  - id: flaky
    type: fail
    with: { message: "first attempt fails", failTimes: 1 }
`;

type Body = Record<string, any>;

describe('API: the audit trail records changes and answers auditors', () => {
  let api: ApiTestApp;
  const auth = { Authorization: `Bearer ${TOKEN}` };
  const get = (path: string) => request(api.server).get(path).set(auth);
  const post = (path: string) => request(api.server).post(path).set(auth);

  async function finished(runId: string): Promise<Body> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const response = await get(`/api/runs/${runId}`);
      if (FINISHED.includes(response.body.status)) return response.body;
      if (Date.now() > deadline) throw new Error(`run ${runId} still ${response.body.status} after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function auditOf(query: Record<string, string | number>): Promise<Body[]> {
    const response = await get('/api/audit').query({ order: 'asc', limit: 500, ...query });
    expect(response.status).toBe(200);
    return response.body.items;
  }

  beforeAll(async () => {
    api = await startApiTestApp({ CONVEYOR_ADMIN_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('records publishing and rolling back a workflow, with the revision before and after', async () => {
    const id = 'audit-publish';
    const first = await post('/api/workflows').send({ yaml: waitingWorkflow(id, 'one') });
    expect(first.status).toBe(201);
    const second = await post('/api/workflows').send({ yaml: waitingWorkflow(id, 'two') });
    expect(second.body.revision.revision).toBe(2);
    expect((await post('/api/workflows').send({ yaml: waitingWorkflow(id, 'two') })).status).toBe(200); // unchanged: no record
    const rollback = await post(`/api/workflows/${id}/rollback`).send({ revision: 1 });
    expect(rollback.status).toBeLessThan(300);

    const records = await auditOf({ workflowId: id });
    const actor = first.body.revision.createdBy;
    expect(actor).toEqual(expect.any(String));
    expect(records.map((record) => [record.action, record.revision, record.actor])).toEqual([
      ['workflow.published', 1, actor],
      ['workflow.published', 2, actor],
      ['workflow.rolled-back', 3, actor],
    ]);
    expect(records[0]).toMatchObject({
      entityType: 'workflow',
      entityId: id,
      before: null,
      after: { revision: 1, contentHash: first.body.revision.contentHash, yaml: waitingWorkflow(id, 'one') },
    });
    expect(records[1].before).toEqual(records[0].after);
    expect(records[2]).toMatchObject({ before: { revision: 2 }, after: { revision: 3, contentHash: first.body.revision.contentHash }, details: { rolledBackFrom: 1 } });
    expect(Date.parse(records[0].at)).toBe(Date.parse(first.body.revision.createdAt));
  });

  it('records starting, cancelling and retrying runs, by whom and with the state before and after', async () => {
    const id = 'audit-runs';
    expect((await post('/api/workflows').send({ yaml: waitingWorkflow(id, 'waits') })).status).toBe(201);
    const started = await post(`/api/workflows/${id}/runs`).send({ inputs: { invoiceId: 'INV-7' } });
    expect(started.status).toBe(201);
    const runId = started.body.id;
    const cancelled = await post(`/api/runs/${runId}/cancel`);
    expect(cancelled.status).toBe(200);
    const run = await finished(runId);
    const actor = run.events.find((event: Body) => event.type === 'run.queued').actor;

    const records = await auditOf({ runId });
    expect(records.map((record) => record.action)).toEqual(['run.started', 'run.cancelled']);
    expect(records[0]).toMatchObject({
      actor,
      entityType: 'run',
      entityId: runId,
      workflowId: id,
      revision: 1,
      before: null,
      after: { status: 'running', inputs: { invoiceId: 'INV-7' }, trigger: { type: 'manual' } },
    });
    expect(records[1]).toMatchObject({ actor, before: { status: expect.stringMatching(/^(running|waiting)$/) }, after: { status: 'cancelled' } });
    expect(records[1].seq).toBeGreaterThan(records[0].seq);

    expect((await post('/api/workflows').send({ yaml: FAILS_ONCE })).status).toBe(201);
    const failing = await post('/api/workflows/audit-fails-once/runs').send({});
    expect((await finished(failing.body.id)).status).toBe('failed');
    expect((await post(`/api/runs/${failing.body.id}/retry`)).status).toBe(200);
    expect((await finished(failing.body.id)).status).toBe('succeeded');
    const retried = await auditOf({ runId: failing.body.id, action: 'run.retried' });
    expect(retried).toHaveLength(1);
    expect(retried[0]).toMatchObject({
      actor,
      before: { status: 'failed', error: { code: expect.any(String) }, retries: 0 },
      after: { status: 'running', retries: 1 },
      details: { retriedSteps: ['flaky'] },
    });
  });

  it('pages, filters and refuses bad filters', async () => {
    const first = await get('/api/audit').query({ limit: 2 });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0].seq).toBeGreaterThan(first.body.items[1].seq);
    const next = await get('/api/audit').query({ limit: 2, cursor: first.body.nextCursor });
    expect(next.body.items[0].seq).toBe(first.body.items[1].seq - 1);

    const future = await get('/api/audit').query({ from: '2999-01-01T00:00:00+01:00' });
    expect(future.body.items).toEqual([]);
    const local = await get('/api/audit').query({ from: '2026-01-01T00:00:00' });
    expect(local.status).toBe(400);
    expect(local.body.error.code).toBe('BAD_REQUEST');
    const badRun = await get('/api/audit').query({ runId: 'nope' });
    expect(badRun.status).toBe(400);
    const badCursor = await get('/api/audit').query({ cursor: 'nope' });
    expect(badCursor.body.error.code).toBe('INVALID_CURSOR');
    expect((await request(api.server).get('/api/audit')).status).toBe(401);
    expect((await request(api.server).get('/api/audit/verify')).status).toBe(401);
  });

  it('verifies the chain, and exports it so that it can be verified again away from the database', async () => {
    const verdict = await get('/api/audit/verify');
    expect(verdict.status).toBe(200);
    expect(verdict.body).toMatchObject({ ok: true, head: { seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(verdict.body.checked).toBe(verdict.body.head.seq);
    expect(verdict.body.checked).toBeGreaterThanOrEqual(9);

    const jsonl = await get('/api/audit/export').buffer(true).parse((response, done) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => done(null, text));
    });
    expect(jsonl.status).toBe(200);
    expect(jsonl.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(jsonl.headers['content-disposition']).toBe('attachment; filename="audit-trail.jsonl"');
    const lines = (jsonl.body as string).trimEnd().split('\n');
    expect(lines).toHaveLength(verdict.body.checked);
    const records: AuditRecord[] = lines.map((line) => ({ ...JSON.parse(line), at: new Date(JSON.parse(line).at) }));
    await expect(verifyChain(records, verdict.body.head)).resolves.toEqual({ ok: true, checked: verdict.body.checked });
    // One changed byte in the exported file is found as well.
    const edited = records.map((record, index) => (index === 4 ? { ...record, actor: 'user:mallory' } : record));
    await expect(verifyChain(edited, verdict.body.head)).resolves.toMatchObject({ ok: false, firstBroken: { seq: records[4].seq, reason: 'edited' } });

    const csv = await get('/api/audit/export').query({ format: 'csv', action: 'run.cancelled' });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = csv.text.trimEnd().split('\n');
    expect(rows[0]).toBe('seq,id,at,actor,action,entityType,entityId,workflowId,revision,runId,before,after,details,prevHash,hash');
    expect(rows).toHaveLength(2);
    const cancelled = records.find((record) => record.action === 'run.cancelled')!;
    expect(rows[1]).toContain(`,run.cancelled,run,${cancelled.entityId},audit-runs,1,${cancelled.runId},`);
    expect(rows[1]).toContain('"{""status"":""cancelled""}"');
    expect(rows[1].endsWith(`,${cancelled.prevHash},${cancelled.hash}`)).toBe(true);
    expect((await get('/api/audit/export').query({ format: 'xml' })).status).toBe(400);
  });

  it('answers auditors and admins only', async () => {
    const keyWith = async (role: string): Promise<string> => {
      const created = await post('/api/api-keys').send({ name: `audit e2e ${role}`, roles: [role] });
      expect(created.status).toBe(201);
      return created.body.secret;
    };
    const auditor = { Authorization: `Bearer ${await keyWith('auditor')}` };
    const accountant = { Authorization: `Bearer ${await keyWith('accountant')}` };
    for (const path of ['/api/audit', '/api/audit/export', '/api/audit/verify']) {
      expect((await request(api.server).get(path).set(auditor)).status).toBe(200);
      const refused = await request(api.server).get(path).set(accountant);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
    }
  });
});
