/**
 * Engine overhead against raw BullMQ, measured side by side in one run on the same Redis.
 *   npm run bench [runs] [concurrency] [workers]   (defaults 200, 16, 1)
 * Uses REDIS_URL / DATABASE_URL, else 127.0.0.1:6379 and postgres://postgres@127.0.0.1:5432/test.
 *
 * Both sides are measured the same way: this process plays the producer (adds the raw jobs; starts the
 * runs through the engine's API and polls them, as the API would), and `workers` child processes do the
 * work, each with `concurrency` jobs or steps at once. Prints runs/s and steps/s of a 10-step no-op
 * workflow, a 100-item foreach, per-step dispatch latency p50/p99 (previous step finished → next step
 * started, one run at a time), the same figures for raw no-op BullMQ jobs (added → started), and ratios.
 * Targets (2 cores): engine per-step overhead p50 ≤ 5 ms; engine throughput ≥ 1/3 of raw BullMQ.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import pg from 'pg';
import { loadConfig, type ConveyorConfig } from '@conveyor/config';
import { createLogger } from '@conveyor/observability';
import { createPlatform, type Platform } from '@conveyor/platform';

const RUNS = Number(process.argv[2] ?? 200);
const CONCURRENCY = Number(process.argv[3] ?? 16);
const WORKERS = Number(process.argv[4] ?? 1);
const LATENCY_SAMPLES = 500;
const POLL_MS = 25;
const LATENCY_RUNS = Math.ceil(LATENCY_SAMPLES / 9);
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const DATABASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fmt = (n: number, digits = 2) => n.toFixed(digits);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function benchConfig(schema: string): ConveyorConfig {
  return loadConfig({
    ...process.env,
    DATABASE_URL,
    DATABASE_SCHEMA: schema,
    REDIS_URL,
    QUEUE_PREFIX: `bench-${schema}`,
    WORKER_CONCURRENCY: String(CONCURRENCY),
    DATABASE_POOL_SIZE: String(Math.max(10, CONCURRENCY + 4)),
    LOG_LEVEL: 'error',
  });
}

interface WorkerReport { latencies: number[]; cpuMs: number }

/** Worker processes: this file again, with a role. They run until told to stop, then report and exit. */
async function startWorkers(role: 'raw' | 'engine', env: Record<string, string>): Promise<{ stop(): Promise<{ latencies: number[]; cpuMs: number }> }> {
  const children: ChildProcess[] = [];
  for (let i = 0; i < WORKERS; i++) {
    const child = fork(__filename, [String(RUNS), String(CONCURRENCY), String(WORKERS)], {
      env: { ...process.env, ...env, BENCH_ROLE: role },
      execArgv: ['-r', '@swc-node/register'],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`${role} worker exited with ${code} before it was ready`)));
    });
    children.push(child);
  }
  return {
    async stop() {
      const reports = await Promise.all(children.map((child) => new Promise<WorkerReport>((resolve) => {
        child.once('message', (message) => resolve(message as WorkerReport));
        child.send('stop');
      })));
      await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
      return { latencies: reports.flatMap((report) => report.latencies), cpuMs: reports.reduce((sum, report) => sum + report.cpuMs, 0) };
    },
  };
}

/** CPU time of this process (user + system) in ms, to compare the work the two kinds of worker do. */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Child: a raw BullMQ worker whose jobs do nothing (they note how long after being added they started). */
async function rawWorkerProcess(): Promise<void> {
  const latencies: number[] = [];
  const worker = new Worker('raw', async (job) => {
    if (job.data.sentAt) latencies.push(Date.now() - job.data.sentAt);
  }, { connection: new IORedis(REDIS_URL, { maxRetriesPerRequest: null }), prefix: process.env['BENCH_PREFIX'] as string, concurrency: CONCURRENCY });
  await worker.waitUntilReady();
  const cpuAtStart = cpuMs();
  process.send?.('ready');
  process.once('message', async () => {
    await worker.close();
    process.send?.({ latencies, cpuMs: cpuMs() - cpuAtStart } satisfies WorkerReport, () => process.exit(0));
  });
}

/** Child: a Conveyor worker process (the engine's `conveyor worker`). */
async function engineWorkerProcess(): Promise<void> {
  const platform = await createPlatform(benchConfig(process.env['BENCH_SCHEMA'] as string), { components: ['worker'], logger: createLogger({ level: 'error' }) });
  const cpuAtStart = cpuMs();
  process.send?.('ready');
  process.once('message', async () => {
    const used = cpuMs() - cpuAtStart;
    await platform.close();
    process.send?.({ latencies: [], cpuMs: used } satisfies WorkerReport, () => process.exit(0));
  });
}

async function rawBullmq(): Promise<{ jobsPerSecond: number; p50: number; p99: number; cpuMsPerJob: number }> {
  const prefix = `bench-raw-${randomUUID().slice(0, 8)}`;
  const connection = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue('raw', { connection, prefix });
  const workers = await startWorkers('raw', { BENCH_PREFIX: prefix });
  const idle = async () => {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(counts).every((count) => count === 0);
  };
  try {
    // latency: one job at a time
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      await queue.add('noop', { sentAt: Date.now() }, { removeOnComplete: true });
      while (!(await idle())) await sleep(1);
    }
    // throughput: as many jobs as the engine runs steps, added in bulk
    const jobs = RUNS * 10;
    const started = performance.now();
    for (let i = 0; i < jobs; i += 500) {
      await queue.addBulk(Array.from({ length: Math.min(500, jobs - i) }, () => ({ name: 'noop', data: {}, opts: { removeOnComplete: true } })));
    }
    while (!(await idle())) await sleep(POLL_MS);
    const seconds = (performance.now() - started) / 1000;
    const { latencies, cpuMs: used } = await workers.stop();
    return { jobsPerSecond: jobs / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), cpuMsPerJob: used / (jobs + LATENCY_SAMPLES) };
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
    connection.disconnect();
  }
}

async function waitForRun(platform: Platform, runId: string, pollMs: number) {
  for (;;) {
    const view = await platform.runs.get(runId);
    if (['succeeded', 'failed', 'cancelled'].includes(view.status)) return view;
    await sleep(pollMs);
  }
}

/** Waits until no run of the workflow is open (cheap probes, so polling does not load the database), then checks outcomes. */
async function waitForRuns(platform: Platform, workflowId: string, count: number): Promise<void> {
  for (;;) {
    const [running, queued] = await Promise.all([
      platform.runs.list({ workflowId, status: 'running', limit: 1 }),
      platform.runs.list({ workflowId, status: 'queued', limit: 1 }),
    ]);
    if (running.items.length === 0 && queued.items.length === 0) break;
    await sleep(POLL_MS);
  }
  let succeeded = 0;
  let cursor: string | undefined;
  do {
    const page = await platform.runs.list({ workflowId, status: 'succeeded', limit: 500, cursor });
    succeeded += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  if (succeeded < count) throw new Error(`only ${succeeded} of ${count} runs succeeded`);
}

interface EngineFigures {
  stepsPerSecond: number; runsPerSecond: number; p50: number; p99: number; foreachSeconds: number; foreachStatus: string; cpuMsPerStep: number;
}

async function engine(): Promise<EngineFigures> {
  const schema = `bench_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const config = benchConfig(schema);
  // The producer: starts runs and reads them, as the API does. It migrates the schema before the workers start.
  const platform = await createPlatform(config, { components: ['api'], logger: createLogger({ level: 'error' }) });
  try {
    const workers = await startWorkers('engine', { BENCH_SCHEMA: schema });
    let figures: Omit<EngineFigures, 'cpuMsPerStep'>;
    try {
      const steps = Array.from({ length: 10 }, (_, i) => `  - id: s${i}\n    type: noop\n${i > 0 ? `    needs: s${i - 1}\n` : ''}`).join('');
      await platform.workflows.publish(`id: bench-chain\nname: chain\nsteps:\n${steps}`, { id: 'bench' });
      const items = Array.from({ length: 100 }, (_, i) => i).join(',');
      await platform.workflows.publish(`id: bench-foreach\nname: foreach\nsteps:\n  - id: fan\n    type: noop\n    foreach: { items: "\${{ [${items}] }}", concurrency: ${CONCURRENCY} }\n    with: { n: "\${{ item }}" }\n`, { id: 'bench' });

      // dispatch latency: one run at a time, previous step finished → next step started
      const gaps: number[] = [];
      for (let i = 0; i < LATENCY_RUNS; i++) {
        const run = await platform.runs.start({ workflowId: 'bench-chain', inputs: {}, trigger: { type: 'bench' } }, { id: 'bench' });
        const view = await waitForRun(platform, run.id, 5);
        const byId = new Map(view.steps.map((step) => [step.stepId, step]));
        for (let s = 1; s < 10; s++) {
          const previous = byId.get(`s${s - 1}`);
          const next = byId.get(`s${s}`);
          if (previous?.finishedAt && next?.startedAt) gaps.push(new Date(next.startedAt).getTime() - new Date(previous.finishedAt).getTime());
        }
      }

      // throughput: RUNS runs of the 10-step chain at once
      const chainStart = performance.now();
      await Promise.all(Array.from({ length: RUNS }, () => platform.runs.start({ workflowId: 'bench-chain', inputs: {}, trigger: { type: 'bench' } }, { id: 'bench' })));
      await waitForRuns(platform, 'bench-chain', RUNS + LATENCY_RUNS);
      const chainSeconds = (performance.now() - chainStart) / 1000;

      const foreachStart = performance.now();
      const fan = await platform.runs.start({ workflowId: 'bench-foreach', inputs: {}, trigger: { type: 'bench' } }, { id: 'bench' });
      const fanView = await waitForRun(platform, fan.id, 20);
      const foreachSeconds = (performance.now() - foreachStart) / 1000;
      figures = {
        stepsPerSecond: (RUNS * 10) / chainSeconds, runsPerSecond: RUNS / chainSeconds, p50: percentile(gaps, 50), p99: percentile(gaps, 99),
        foreachSeconds, foreachStatus: fanView.status,
      };
    } catch (error) {
      await workers.stop();
      throw error;
    }
    const { cpuMs: used } = await workers.stop();
    await Promise.all(platform.queues.map((queue) => queue.obliterate({ force: true }).catch(() => undefined)));
    return { ...figures, cpuMsPerStep: used / ((LATENCY_RUNS + RUNS) * 10 + 100) };
  } finally {
    await platform.close();
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA ${schema} CASCADE`);
    await client.end();
  }
}

async function main(): Promise<void> {
  console.log(`conveyor engine benchmark: ${RUNS} runs × 10 steps; ${WORKERS} worker process(es) with concurrency ${CONCURRENCY} each, for the engine and for raw BullMQ`);
  const raw = await rawBullmq();
  const eng = await engine();
  const ratio = eng.stepsPerSecond / raw.jobsPerSecond;
  console.log('');
  console.log('| measure | engine | raw BullMQ | ratio |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| throughput (steps or jobs / s) | ${fmt(eng.stepsPerSecond, 0)} | ${fmt(raw.jobsPerSecond, 0)} | ${fmt(ratio)} (target ≥ 0.33) |`);
  console.log(`| dispatch latency p50 (ms) | ${fmt(eng.p50, 1)} | ${fmt(raw.p50, 1)} | overhead ${fmt(eng.p50 - raw.p50, 1)} ms (target ≤ 5) |`);
  console.log(`| dispatch latency p99 (ms) | ${fmt(eng.p99, 1)} | ${fmt(raw.p99, 1)} | ${fmt(eng.p99 / Math.max(raw.p99, 0.1))} |`);
  console.log(`| 10-step runs / s | ${fmt(eng.runsPerSecond, 1)} | | |`);
  console.log(`| 100-item foreach (s) | ${fmt(eng.foreachSeconds, 2)} (${eng.foreachStatus}) | | |`);
  console.log(`| worker CPU per step or job (ms) | ${fmt(eng.cpuMsPerStep, 3)} | ${fmt(raw.cpuMsPerJob, 3)} | ${fmt(eng.cpuMsPerStep / raw.cpuMsPerJob, 1)} |`);
  console.log('');
  console.log(`throughput ratio engine/raw BullMQ = ${fmt(ratio)}: ${ratio >= 1 / 3 ? 'meets' : 'misses'} the 1/3 target; `
    + `engine dispatch latency p50 ${fmt(eng.p50, 1)} ms (raw ${fmt(raw.p50, 1)} ms): ${eng.p50 <= 5 ? 'meets' : 'misses'} the 5 ms target`);
}

const role = process.env['BENCH_ROLE'];
const entry = role === 'raw' ? rawWorkerProcess : role === 'engine' ? engineWorkerProcess : main;
entry().then(() => (role ? undefined : process.exit(0)), (error) => {
  console.error(error);
  process.exit(1);
});
