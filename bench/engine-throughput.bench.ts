/**
 * Engine overhead against raw BullMQ, measured side by side in one run on the same Redis.
 *   npm run bench            (uses REDIS_URL / DATABASE_URL, else 127.0.0.1:6379 and postgres://postgres@127.0.0.1:5432/test)
 * Prints runs/s and steps/s of a 10-step no-op workflow, a 100-item foreach, per-step dispatch latency
 * p50/p99 (previous step finished → next step started), the same figures for raw no-op BullMQ jobs, and ratios.
 * Targets (2 cores): engine per-step overhead p50 ≤ 5 ms; engine throughput ≥ 1/3 of raw BullMQ.
 */
import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { loadConfig } from '@conveyor/config';
import { createLogger } from '@conveyor/observability';
import { createPlatform, type Platform } from '@conveyor/platform';

const RUNS = Number(process.argv[2] ?? 200);
const CONCURRENCY = Number(process.argv[3] ?? 16);
const LATENCY_SAMPLES = 500;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);

async function rawBullmq(redisUrl: string): Promise<{ jobsPerSecond: number; p50: number; p99: number }> {
  const prefix = `bench-raw-${randomUUID().slice(0, 8)}`;
  const connection = new IORedis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('raw', { connection, prefix });
  const latencies: number[] = [];
  let done = 0;
  let onDone: (() => void) | undefined;
  let target = 0;
  const worker = new Worker('raw', async (job) => {
    if (job.data.sentAt) latencies.push(Date.now() - job.data.sentAt);
    done++;
    if (done === target) onDone?.();
  }, { connection: new IORedis(redisUrl, { maxRetriesPerRequest: null }), prefix, concurrency: CONCURRENCY });
  // latency: one job at a time
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    target = done + 1;
    const finished = new Promise<void>((resolve) => (onDone = resolve));
    await queue.add('noop', { sentAt: Date.now() }, { removeOnComplete: true });
    await finished;
  }
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  // throughput: as many jobs as the engine runs steps, added in bulk
  const jobs = RUNS * 10;
  done = 0;
  target = jobs;
  const finished = new Promise<void>((resolve) => (onDone = resolve));
  const started = performance.now();
  for (let i = 0; i < jobs; i += 500) {
    await queue.addBulk(Array.from({ length: Math.min(500, jobs - i) }, () => ({ name: 'noop', data: {}, opts: { removeOnComplete: true } })));
  }
  await finished;
  const seconds = (performance.now() - started) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  return { jobsPerSecond: jobs / seconds, p50, p99 };
}

/** Waits until no run of the workflow is open (cheap probes, so polling does not load the database), then checks outcomes. */
async function waitForRuns(platform: Platform, workflowId: string, count: number): Promise<void> {
  for (;;) {
    const [running, queued] = await Promise.all([
      platform.runs.list({ workflowId, status: 'running', limit: 1 }),
      platform.runs.list({ workflowId, status: 'queued', limit: 1 }),
    ]);
    if (running.items.length === 0 && queued.items.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
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

async function main(): Promise<void> {
  const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const schema = `bench_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test',
    DATABASE_SCHEMA: schema,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `bench-${schema}`,
    WORKER_CONCURRENCY: String(CONCURRENCY),
    DATABASE_POOL_SIZE: String(Math.max(10, CONCURRENCY + 4)),
    LOG_LEVEL: 'error',
  });
  console.log(`conveyor engine benchmark: ${RUNS} runs × 10 steps, worker concurrency ${CONCURRENCY}, database ${config.DATABASE_URL ? 'postgres' : 'embedded'}`);

  const raw = await rawBullmq(redisUrl);
  const platform = await createPlatform(config, { components: ['worker'], logger: createLogger({ level: 'error' }) });
  try {
    const steps = Array.from({ length: 10 }, (_, i) => `  - id: s${i}\n    type: noop\n${i > 0 ? `    needs: s${i - 1}\n` : ''}`).join('');
    await platform.workflows.publish(`id: bench-chain\nname: chain\nsteps:\n${steps}`, { id: 'bench' });
    await platform.workflows.publish(`id: bench-foreach\nname: foreach\nsteps:\n  - id: fan\n    type: noop\n    foreach: { items: "\${{ [${Array.from({ length: 100 }, (_, i) => i).join(',')}] }}", concurrency: ${CONCURRENCY} }\n    with: { n: "\${{ item }}" }\n`, { id: 'bench' });

    // dispatch latency: one run at a time, previous step finished → next step started
    const gaps: number[] = [];
    for (let i = 0; i < Math.ceil(LATENCY_SAMPLES / 9); i++) {
      const run = await platform.runs.start({ workflowId: 'bench-chain', inputs: {}, trigger: { type: 'bench' } }, { id: 'bench' });
      let view = await platform.runs.get(run.id);
      while (!['succeeded', 'failed'].includes(view.status)) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        view = await platform.runs.get(run.id);
      }
      const byId = new Map(view.steps.map((step) => [step.stepId, step]));
      for (let s = 1; s < 10; s++) {
        const previous = byId.get(`s${s - 1}`);
        const next = byId.get(`s${s}`);
        if (previous?.finishedAt && next?.startedAt) gaps.push(new Date(next.startedAt).getTime() - new Date(previous.finishedAt).getTime());
      }
    }
    const p50 = percentile(gaps, 50);
    const p99 = percentile(gaps, 99);

    // throughput: RUNS runs of the 10-step chain at once
    const chainStart = performance.now();
    await Promise.all(Array.from({ length: RUNS }, () => platform.runs.start({ workflowId: 'bench-chain', inputs: {}, trigger: { type: 'bench' } }, { id: 'bench' })));
    await waitForRuns(platform, 'bench-chain', RUNS + Math.ceil(LATENCY_SAMPLES / 9));
    const chainSeconds = (performance.now() - chainStart) / 1000;
    const stepsPerSecond = (RUNS * 10) / chainSeconds;

    const foreachStart = performance.now();
    const fan = await platform.runs.start({ workflowId: 'bench-foreach', inputs: {}, trigger: { type: 'bench' } }, { id: 'bench' });
    let fanView = await platform.runs.get(fan.id);
    while (!['succeeded', 'failed'].includes(fanView.status)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      fanView = await platform.runs.get(fan.id);
    }
    const foreachSeconds = (performance.now() - foreachStart) / 1000;

    console.log('');
    console.log('| measure | engine | raw BullMQ | ratio |');
    console.log('| --- | ---: | ---: | ---: |');
    console.log(`| throughput (steps or jobs / s) | ${fmt(stepsPerSecond, 0)} | ${fmt(raw.jobsPerSecond, 0)} | ${fmt(stepsPerSecond / raw.jobsPerSecond)} (target ≥ 0.33) |`);
    console.log(`| dispatch latency p50 (ms) | ${fmt(p50, 1)} | ${fmt(raw.p50, 1)} | overhead ${fmt(p50 - raw.p50, 1)} ms (target ≤ 5) |`);
    console.log(`| dispatch latency p99 (ms) | ${fmt(p99, 1)} | ${fmt(raw.p99, 1)} | ${fmt(p99 / Math.max(raw.p99, 0.1))} |`);
    console.log(`| 10-step runs / s | ${fmt(RUNS / chainSeconds, 1)} | | |`);
    console.log(`| 100-item foreach (s) | ${fmt(foreachSeconds, 2)} (${fanView.status}) | | |`);
    console.log('');
    console.log(`per-step overhead p50 ${fmt(p50, 1)} ms: ${p50 <= 5 ? 'meets' : 'misses'} the 5 ms target; throughput ratio ${fmt(stepsPerSecond / raw.jobsPerSecond)}: ${stepsPerSecond / raw.jobsPerSecond >= 1 / 3 ? 'meets' : 'misses'} the 1/3 target`);
  } finally {
    await platform.close();
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
