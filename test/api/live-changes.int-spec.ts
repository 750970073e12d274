import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import pg from 'pg';
import type { INestApplication } from '@nestjs/common';
import { samplePdf } from '../../libs/documents/src/sample-documents.fixture';
import { bootstrapApi } from '@conveyor/http-api';
import { createPlatform, type Platform } from '@conveyor/platform';
import { testConfig } from '@conveyor/testing';
import { startApiTestApp, type ApiTestApp } from './api-test-app';

jest.setTimeout(120_000);

const TOKEN = 'live-changes-admin-token-0123456789';
const kinds = (process.env['CONVEYOR_TEST_DB_KINDS'] ?? 'postgres,embedded').split(',');

/** A run that a worker starts, parks on a timer the scheduler wakes, and finishes: four changes to watch. */
const WORKFLOW = `id: live-watched
steps:
  - id: greet
    type: log
    with:
      message: hello
  - id: pause
    type: delay
    needs: greet
    with:
      duration: 300ms
  - id: done
    type: noop
    needs: pause
`;

interface RunEvent {
  runId: string;
  status: string;
  steps: { stepId: string; status: string }[];
}

interface DocumentEvent {
  document: { id: string; status: string };
  run?: RunEvent & { workflowId: string };
}

/** A server-sent-events client over fetch that keeps every event of one name it receives. */
async function openStream<Event>(baseUrl: string, path: string, name: string) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${TOKEN}`, accept: 'text/event-stream' }, signal: controller.signal });
  expect(response.status).toBe(200);
  const events: Event[] = [];
  const waiters: (() => void)[] = [];
  void (async () => {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) return;
      text += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = text.indexOf('\n\n')) >= 0) {
        const block = text.slice(0, end);
        text = text.slice(end + 2);
        const data = block.match(new RegExp(`^event: ${name}\\ndata: (.*)$`, 'm'));
        if (data) events.push(JSON.parse(data[1]!));
        for (const wake of waiters.splice(0)) wake();
      }
    }
  })();
  return {
    events,
    async waitFor(predicate: (event: Event) => boolean, timeoutMs = 20_000, from = 0): Promise<Event> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.slice(from).find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no such event within ${timeoutMs} ms; got ${JSON.stringify(events)}`);
        await new Promise<void>((wake) => {
          waiters.push(wake);
          setTimeout(wake, 200);
        });
      }
    },
    close: () => controller.abort(),
  };
}

const openRunStream = (baseUrl: string, path = '/api/live/runs') => openStream<RunEvent>(baseUrl, path, 'run');

function listen(app: INestApplication): Promise<string> {
  return app.listen(0, '127.0.0.1').then(() => `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`);
}

async function publishWorkflow(platform: Platform): Promise<void> {
  const published = await platform.workflows.publish(WORKFLOW, { id: 'test' });
  expect(published.ok ? [] : published.problems).toEqual([]);
}

/** Started by every upload, with the document's id as input (as invoice intake is). */
const INTAKE = `id: live-intake
inputs:
  documentId:
    type: string
    required: true
triggers:
  - id: on-upload
    type: event
    event: document.uploaded
    inputs:
      documentId: \${{ event.documentId }}
steps:
  - id: note
    type: log
    with:
      message: got \${{ inputs.documentId }}
  - id: pause
    type: delay
    needs: note
    with:
      duration: 300ms
`;

const statusesOf = (events: RunEvent[], runId: string) => [...new Set(events.filter((event) => event.runId === runId).map((event) => event.status))];

(kinds.includes('postgres') ? describe : describe.skip)('live changes across processes (PostgreSQL)', () => {
  let api: ApiTestApp;
  let engine: Platform;
  let baseUrl: string;

  beforeAll(async () => {
    // The API process runs no steps: every change of the run is made by the other platform.
    api = await startApiTestApp({ CONVEYOR_ADMIN_TOKEN: TOKEN }, ['api']);
    baseUrl = await listen(api.app);
    engine = await createPlatform(api.platform.config, { components: ['worker', 'scheduler'] });
    await publishWorkflow(engine);
  });

  async function upload(bytes: Buffer): Promise<string> {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'live.pdf');
    const uploaded = await fetch(`${baseUrl}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: form });
    expect(uploaded.status).toBe(201);
    return ((await uploaded.json()) as { items: { id: string }[] }).items[0]!.id;
  }

  afterAll(async () => {
    await engine?.close();
    await api?.close();
  });

  it('streams every state a run goes through in the worker and scheduler process to the API’s SSE client', async () => {
    const stream = await openRunStream(baseUrl);
    try {
      const run = await engine.runs.start({ workflowId: 'live-watched', inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
      const finished = await stream.waitFor((event) => event.runId === run.id && event.status === 'succeeded');
      expect(finished.steps.map((step) => [step.stepId, step.status])).toEqual([['greet', 'succeeded'], ['pause', 'succeeded'], ['done', 'succeeded']]);
      // It passed through the timer the scheduler woke, not only its end.
      expect(statusesOf(stream.events, run.id)).toContain('waiting');
    } finally {
      stream.close();
    }
  });

  it('streams a document uploaded to the API with the run another process works on', async () => {
    const published = await engine.workflows.publish(INTAKE, { id: 'test' });
    expect(published.ok ? [] : published.problems).toEqual([]);
    const documentId = await upload(samplePdf(1, 'live'));
    const stream = await openStream<DocumentEvent>(baseUrl, `/api/live/documents?ids=${documentId}`, 'document');
    try {
      const finished = await stream.waitFor((event) => event.run?.status === 'succeeded');
      expect(finished).toMatchObject({ document: { id: documentId, status: 'stored' }, run: { workflowId: 'live-intake' } });
    } finally {
      stream.close();
    }
  });

  it('streams a document whose own state changes (announced late, then stored)', async () => {
    const bytes = samplePdf(1, 'announced-late');
    const documentId = await upload(bytes);
    // As if announcing it had failed at upload: it stays `received` until the same file comes again.
    const database = new pg.Client({ connectionString: api.platform.config.DATABASE_URL, options: `-c search_path=${api.platform.config.DATABASE_SCHEMA}` });
    await database.connect();
    await database.query(`UPDATE documents SET status = 'received', announced_at = NULL WHERE id = $1`, [documentId]);
    await database.end();
    const stream = await openStream<DocumentEvent>(baseUrl, `/api/live/documents?ids=${documentId}`, 'document');
    try {
      await stream.waitFor((event) => event.document.status === 'received');
      const before = stream.events.length;
      expect(await upload(bytes)).toBe(documentId);
      const stored = await stream.waitFor((event) => event.document.status === 'stored', 20_000, before);
      expect(stored.document.id).toBe(documentId);
    } finally {
      stream.close();
    }
  });

  it('opens a stream with the current state of the runs it lists', async () => {
    const run = await engine.runs.start({ workflowId: 'live-watched', inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
    const first = await openRunStream(baseUrl, `/api/live/runs?ids=${run.id}`);
    await first.waitFor((event) => event.runId === run.id && event.status === 'succeeded');
    first.close();
    // Connecting after the run ended (a browser that reconnects) still shows its end: the snapshot.
    const again = await openRunStream(baseUrl, `/api/live/runs?ids=${run.id}`);
    try {
      const snapshot = await again.waitFor((event) => event.runId === run.id, 5000);
      expect(snapshot.status).toBe('succeeded');
    } finally {
      again.close();
    }
  });

  it('sends the current state again when its Redis subscription broke (notices may have been lost)', async () => {
    const run = await engine.runs.start({ workflowId: 'live-watched', inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
    const stream = await openRunStream(baseUrl, `/api/live/runs?ids=${run.id}`);
    const redis = new IORedis(api.platform.config.REDIS_URL as string);
    try {
      await stream.waitFor((event) => event.runId === run.id && event.status === 'succeeded');
      const before = stream.events.length;
      const name = `${api.platform.config.QUEUE_PREFIX}:changes`;
      const clients = String(await redis.client('LIST')).split('\n').filter((line) => line.includes(` name=${name} `));
      expect(clients).toHaveLength(1);
      await redis.client('KILL', 'ID', clients[0]!.match(/^id=(\d+)/)![1]!);
      // Nothing changed in the run, yet its state comes again once the subscription is back.
      const resent = await stream.waitFor((event) => event.runId === run.id, 10_000, before);
      expect(resent.status).toBe('succeeded');
    } finally {
      redis.disconnect();
      stream.close();
    }
  });
});

(kinds.includes('embedded') ? describe : describe.skip)('live changes in the standalone mode (PGlite, private redis-server, one process)', () => {
  let platform: Platform;
  let app: INestApplication;
  let baseUrl: string;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'conveyor-live-'));
    const config = testConfig({ DATABASE_URL: undefined, REDIS_URL: undefined, CONVEYOR_DATA_DIR: dataDir, CONVEYOR_ADMIN_TOKEN: TOKEN, SCHEDULER_TICK_MS: '100' });
    platform = await createPlatform(config, { components: ['api', 'scheduler', 'worker'] });
    app = await bootstrapApi(platform);
    baseUrl = await listen(app);
    await publishWorkflow(platform);
  });

  afterAll(async () => {
    await app?.close();
    await platform?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('streams a run from queued to succeeded', async () => {
    const stream = await openRunStream(baseUrl);
    try {
      const run = await platform.runs.start({ workflowId: 'live-watched', inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
      const finished = await stream.waitFor((event) => event.runId === run.id && event.status === 'succeeded');
      expect(finished.steps.every((step) => step.status === 'succeeded')).toBe(true);
      expect(statusesOf(stream.events, run.id)).toContain('waiting');
    } finally {
      stream.close();
    }
  });
});
