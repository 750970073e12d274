/**
 * What live status costs the engine, and how fast a change reaches a browser, side by side in one run.
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register bench/live-changes.bench.ts [runs] [rounds]   (defaults 200, 3)
 * Uses REDIS_URL / DATABASE_URL, else 127.0.0.1:6379 and postgres://postgres@127.0.0.1:5432/test (a schema of its own).
 *
 * One process runs API, scheduler and worker. Each round starts `runs` runs of a 5-step no-op workflow three
 * ways, interleaved: change notices off; notices on with nobody listening; notices on with one SSE client on
 * /api/live/runs (every changed run read for it). Prints the wall time of each, the ratios, the Redis messages
 * published per run, and the delay from a run's start to its first and last SSE events (one run at a time).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '@conveyor/config';
import { bootstrapApi } from '@conveyor/http-api';
import { createLogger } from '@conveyor/observability';
import { createPlatform, type Platform } from '@conveyor/platform';
import type { RunStore } from '@conveyor/persistence';

const RUNS = Number(process.argv[2] ?? 200);
const ROUNDS = Number(process.argv[3] ?? 3);
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const DATABASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const TOKEN = `bench-${randomUUID()}`;
const WORKFLOW = `id: live-bench
steps:
${[1, 2, 3, 4, 5].map((n) => `  - id: s${n}\n    type: noop${n > 1 ? `\n    needs: s${n - 1}` : ''}`).join('\n')}
`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? NaN;

interface SseClient { events: { runId: string; status: string; at: number }[]; close(): void }

async function openSse(baseUrl: string): Promise<SseClient> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/live/runs`, { headers: { authorization: `Bearer ${TOKEN}` }, signal: controller.signal });
  const events: SseClient['events'] = [];
  void (async () => {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) return;
      text += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = text.indexOf('\n\n')) >= 0) {
        const data = text.slice(0, end).match(/^event: run\ndata: (.*)$/m);
        text = text.slice(end + 2);
        if (data) {
          const change = JSON.parse(data[1]!) as { runId: string; status: string };
          events.push({ runId: change.runId, status: change.status, at: performance.now() });
        }
      }
    }
  })();
  return { events, close: () => controller.abort() };
}

async function runBatch(platform: Platform, database: pg.Pool): Promise<number> {
  const started = performance.now();
  const ids = await Promise.all(Array.from({ length: RUNS }, () => platform.runs.start({ workflowId: 'live-bench', inputs: {}, trigger: { type: 'bench' } }, { id: 'bench' }).then((run) => run.id)));
  for (;;) {
    const { rows } = await database.query(`SELECT count(*)::int AS done FROM runs WHERE id = ANY($1::uuid[]) AND status = 'succeeded'`, [ids]);
    if (rows[0].done === RUNS) return performance.now() - started;
    await sleep(20);
  }
}

async function main(): Promise<void> {
  const schema = `bench_live_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const config = loadConfig({
    NODE_ENV: 'test', LOG_LEVEL: 'error', DATABASE_URL, DATABASE_SCHEMA: schema, REDIS_URL, QUEUE_PREFIX: schema, CONVEYOR_ADMIN_TOKEN: TOKEN,
    WORKER_CONCURRENCY: '16', SCHEDULER_TICK_MS: '200',
  });
  const platform = await createPlatform(config, { components: ['api', 'scheduler', 'worker'], logger: createLogger({ level: 'error' }) });
  const app = await bootstrapApi(platform);
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const database = new pg.Pool({ connectionString: DATABASE_URL, options: `-c search_path=${schema}`, max: 2 });
  const store = (platform as Platform & { internals: { runs: RunStore } }).internals.runs;
  const announce = (runIds: string[]) => (platform.changes as unknown as { publish(change: { runs: string[] }): void }).publish({ runs: runIds });
  let messages = 0;
  const stopCounting = await platform.changes.subscribe({ onNotice: () => messages++, onGap: () => undefined });
  try {
    const result = await platform.workflows.publish(WORKFLOW, { id: 'bench' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    await runBatch(platform, database); // warm-up
    const times: Record<'off' | 'on' | 'listening', number[]> = { off: [], on: [], listening: [] };
    const counts: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      store.onRunsChanged(() => undefined);
      times.off.push(await runBatch(platform, database));
      store.onRunsChanged(announce);
      messages = 0;
      times.on.push(await runBatch(platform, database));
      counts.push(messages);
      const client = await openSse(baseUrl);
      times.listening.push(await runBatch(platform, database));
      client.close();
    }
    const off = median(times.off);
    console.log(`${RUNS} runs × 5 steps, ${ROUNDS} rounds (median wall time):`);
    console.log(`  notices off              ${off.toFixed(0)} ms`);
    console.log(`  notices on, no listener  ${median(times.on).toFixed(0)} ms  (×${(median(times.on) / off).toFixed(2)})`);
    console.log(`  notices on, SSE /runs    ${median(times.listening).toFixed(0)} ms  (×${(median(times.listening) / off).toFixed(2)})`);
    console.log(`  Redis messages published per run: ${(median(counts) / RUNS).toFixed(3)} (notices batched over 10 ms)`);

    const client = await openSse(baseUrl);
    await sleep(300);
    const first: number[] = [];
    const last: number[] = [];
    for (let sample = 0; sample < 30; sample++) {
      const startedAt = performance.now();
      const run = await platform.runs.start({ workflowId: 'live-bench', inputs: {}, trigger: { type: 'bench' } }, { id: 'bench' });
      for (let waited = 0; !client.events.some((event) => event.runId === run.id && event.status === 'succeeded') && waited < 10_000; waited += 2) await sleep(2);
      const mine = client.events.filter((event) => event.runId === run.id);
      first.push(mine[0]!.at - startedAt);
      last.push(mine.find((event) => event.status === 'succeeded')!.at - startedAt);
    }
    client.close();
    console.log(`one run at a time: start → first SSE event p50 ${median(first).toFixed(1)} ms, p90 ${percentile(first, 90).toFixed(1)} ms; start → 'succeeded' event p50 ${median(last).toFixed(1)} ms`);
  } finally {
    stopCounting();
    await database.end();
    await app.close();
    await platform.close();
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}

void main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
