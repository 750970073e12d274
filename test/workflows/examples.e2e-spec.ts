import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createLogger } from '@conveyor/observability';
import { createPlatform, type Platform } from '@conveyor/platform';
import { createTestDatabase, uniqueQueuePrefix, type TestDatabase } from '@conveyor/testing';
import type { RunView } from '@conveyor/workflow-runtime';

/** Every example in workflows/ publishes, and each runs to the outcome it promises. */
const examples = resolve(__dirname, '../../workflows');
const kind = (process.env['CONVEYOR_TEST_DB_KINDS'] ?? 'postgres').split(',')[0] as 'postgres' | 'embedded';

describe(`example workflows (${kind} database)`, () => {
  let database: TestDatabase;
  let platform: Platform;
  let partner: Server;
  let partnerUrl: string;
  const partnerCalls: string[] = [];

  beforeAll(async () => {
    partner = createServer((request, response) => {
      partnerCalls.push(request.url ?? '');
      response.writeHead(request.url?.includes('down') ? 503 : 200, { 'content-type': 'application/json' });
      response.end('{"accepted":true}');
    });
    await new Promise<void>((done) => partner.listen(0, '127.0.0.1', done));
    partnerUrl = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
    database = await createTestDatabase(kind, {
      REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: uniqueQueuePrefix(), HTTP_STEP_ALLOW_PRIVATE: 'true', SCHEDULER_TICK_MS: '100',
    });
    await database.database.close();
    platform = await createPlatform(database.config, { components: ['scheduler', 'worker'], logger: createLogger({ level: 'silent' }) });
  }, 60_000);

  afterAll(async () => {
    await platform?.close();
    await database?.drop();
    await new Promise((done) => partner.close(done));
  }, 60_000);

  async function finished(runId: string): Promise<RunView> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const run = await platform.runs.get(runId);
      if (['succeeded', 'failed', 'cancelled'].includes(run.status)) return run;
      if (Date.now() > deadline) throw new Error(`run ${runId} is still ${run.status}`);
      await new Promise((done) => setTimeout(done, 50));
    }
  }

  const start = async (workflowId: string, inputs: Record<string, unknown> = {}) =>
    finished((await platform.runs.start({ workflowId, inputs, trigger: { type: 'manual' } }, { id: 'test' })).id);

  it('publishes every example', async () => {
    const files = readdirSync(examples).filter((file) => file.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const text = readFileSync(join(examples, file), 'utf8');
      expect(text.startsWith('# yaml-language-server: $schema=./schema/workflow-v1.schema.json')).toBe(true);
      const result = await platform.workflows.publish(text, { id: 'test' });
      expect(result.ok ? [] : result.problems).toEqual([]);
    }
  });

  it('hello greets', async () => {
    const run = await start('hello', { name: 'Ada' });
    expect(run.status).toBe('succeeded');
    expect(run.outputs).toEqual({ greeting: 'HELLO, ADA!' });
  });

  it('parallel-checks fans out, joins, and takes the review branch for a large line', async () => {
    const run = await start('parallel-checks');
    expect(run.status).toBe('succeeded');
    expect(run.outputs).toEqual({ checked: 4 });
    expect(run.steps.filter((step) => step.stepId === 'line_checks' && step.itemIndex !== null)).toHaveLength(4);
    expect(run.steps.find((step) => step.stepId === 'large_amount')?.status).toBe('succeeded');
    const small = await start('parallel-checks', { lines: [1, 2] });
    expect(small.steps.find((step) => step.stepId === 'large_amount')?.status).toBe('skipped');
    expect(small.steps.find((step) => step.stepId === 'summary')?.status).toBe('succeeded');
  });

  it('resilient-http succeeds against a healthy partner and falls back after retries against a failing one', async () => {
    const ok = await start('resilient-http', { url: `${partnerUrl}/orders`, orderId: 'PO-7' });
    expect(ok.status).toBe('succeeded');
    expect(ok.steps.find((step) => step.stepId === 'done')?.status).toBe('succeeded');
    expect(ok.steps.find((step) => step.stepId === 'fallback')?.status).toBe('skipped');
    const down = await start('resilient-http', { url: `${partnerUrl}/down`, orderId: 'PO-8' });
    expect(down.status).toBe('succeeded');
    expect(down.steps.filter((step) => step.stepId === 'notify_partner').map((step) => step.status)).toEqual(['failed', 'failed', 'failed', 'failed']);
    expect(down.steps.find((step) => step.stepId === 'fallback')?.status).toBe('succeeded');
    expect(down.steps.find((step) => step.stepId === 'done')?.status).toBe('skipped');
    expect(partnerCalls.filter((url) => url === '/down')).toHaveLength(4);
  }, 60_000);

  it('nightly-digest waits without a worker, then runs hello as a child run', async () => {
    const run = await start('nightly-digest', { settle: '300ms' });
    expect(run.status).toBe('succeeded');
    expect(run.outputs).toEqual({ greeting: 'HELLO, BACK OFFICE!' });
    expect(run.events.map((event) => event.type)).toEqual(expect.arrayContaining(['step.waiting', 'step.resumed', 'run.waiting']));
    const children = await platform.runs.list({ workflowId: 'hello' });
    expect(children.items.some((child) => child.parentRunId === run.id)).toBe(true);
  });
});
