import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '@conveyor/config';
import { DomainError } from '@conveyor/kernel';
import { createLogger } from '@conveyor/observability';
import type { StepType } from '@conveyor/workflow-engine';
import type { RunView } from '@conveyor/workflow-runtime';
import { createPlatform } from './create-platform';
import type { Platform } from './platform.types';

/** A step that holds its worker for `ms` unless aborted: lets tests observe timeouts and ordering. */
const sleepStep: StepType<{ ms: number }> = {
  type: 'test-sleep',
  description: 'sleeps (tests only)',
  parseInput: (input) => ({ ms: Number((input as { ms?: number }).ms ?? 0) }),
  execute: (input, context) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve({ status: 'succeeded', outputs: { sleptMs: input.ms, at: Date.now() } }), input.ms);
      context.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(context.signal.reason ?? new DomainError('ABORTED', 'aborted'));
      });
    }),
};

const kinds = (process.env['CONVEYOR_TEST_DB_KINDS'] ?? 'postgres,embedded').split(',');

describe.each(kinds)('engine on %s database', (kind) => {
  let platform: Platform;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'conveyor-engine-'));
    const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const config = loadConfig({
      NODE_ENV: 'test',
      ...(kind === 'postgres' ? { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', DATABASE_SCHEMA: schema } : {}),
      CONVEYOR_DATA_DIR: dataDir,
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `test-${schema}`,
      SCHEDULER_TICK_MS: '100',
      WORKER_CONCURRENCY: '8',
      LOG_LEVEL: 'silent',
    });
    platform = await createPlatform(config, { components: ['scheduler', 'worker'], stepTypes: [sleepStep], logger: createLogger({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' }) });
  }, 60_000);

  afterAll(async () => {
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  async function publish(yaml: string): Promise<void> {
    const result = await platform.workflows.publish(yaml, { id: 'test' });
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
  }

  async function waitForRun(runId: string, timeoutMs = 20_000): Promise<RunView> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const run = await platform.runs.get(runId);
      if (['succeeded', 'failed', 'cancelled'].includes(run.status)) return run;
      if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status}: ${JSON.stringify(run.steps.map((s) => [s.stepId, s.itemIndex, s.status]))}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const current = (run: RunView, stepId: string) => run.steps.filter((s) => s.stepId === stepId && s.itemIndex === null).at(-1);

  it('runs a DAG with parallel branches and a foreach in dependency order', async () => {
    await publish(`
id: dag-${kind}
name: DAG
inputs:
  items: { type: array, default: [1, 2, 3, 4, 5] }
steps:
  - id: start
    type: noop
    with: { hello: world }
  - id: left
    type: test-sleep
    needs: start
    with: { ms: 50 }
  - id: right
    type: test-sleep
    needs: start
    with: { ms: 50 }
  - id: fan
    type: noop
    needs: [left, right]
    foreach: { items: "\${{ inputs.items }}", concurrency: 2 }
    with: { value: "\${{ item * 10 }}" }
  - id: join
    type: noop
    needs: fan
    with: { all: "\${{ steps.fan.outputs }}" }
outputs:
  joined: "\${{ steps.join.outputs.all }}"
`);
    const started = await platform.runs.start({ workflowId: `dag-${kind}`, inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
    const run = await waitForRun(started.id);
    expect(run.status).toBe('succeeded');
    const finished = (id: string) => new Date(current(run, id)?.finishedAt ?? 0).getTime();
    const begun = (id: string) => new Date(current(run, id)?.startedAt ?? current(run, id)?.queuedAt ?? 0).getTime();
    expect(begun('left')).toBeGreaterThanOrEqual(finished('start'));
    expect(begun('right')).toBeGreaterThanOrEqual(finished('start'));
    expect(begun('fan')).toBeGreaterThanOrEqual(Math.max(finished('left'), finished('right')));
    expect(begun('join')).toBeGreaterThanOrEqual(finished('fan'));
    const items = run.steps.filter((s) => s.stepId === 'fan' && s.itemIndex !== null);
    expect(items).toHaveLength(5);
    expect(run.outputs?.['joined']).toEqual([{ value: 10 }, { value: 20 }, { value: 30 }, { value: 40 }, { value: 50 }]);
    // left and right overlapped in time: they ran in parallel
    const left = current(run, 'left')!;
    const right = current(run, 'right')!;
    expect(new Date(left.startedAt!).getTime()).toBeLessThan(new Date(right.finishedAt!).getTime());
    expect(new Date(right.startedAt!).getTime()).toBeLessThan(new Date(left.finishedAt!).getTime());
    expect(run.events.map((e) => e.type)).toEqual(expect.arrayContaining(['run.queued', 'run.started', 'step.queued', 'step.started', 'step.succeeded', 'run.succeeded']));
  }, 30_000);

  it('retries a failing step with backoff, then succeeds', async () => {
    await publish(`
id: retry-${kind}
name: Retry
steps:
  - id: flaky
    type: fail
    with: { failTimes: 2, message: "not yet" }
    retry: { attempts: 3, backoff: { type: fixed, delay: 200ms, jitter: 0 } }
`);
    const started = await platform.runs.start({ workflowId: `retry-${kind}`, inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
    const run = await waitForRun(started.id);
    expect(run.status).toBe('succeeded');
    const attempts = run.steps.filter((s) => s.stepId === 'flaky');
    expect(attempts.map((s) => [s.attempt, s.status])).toEqual([[1, 'failed'], [2, 'failed'], [3, 'succeeded']]);
    const gap = new Date(attempts[1].startedAt!).getTime() - new Date(attempts[0].finishedAt!).getTime();
    expect(gap).toBeGreaterThanOrEqual(190);
    expect(run.events.filter((e) => e.type === 'step.retrying')).toHaveLength(2);
  }, 30_000);

  it('fails a step that exceeds its timeout', async () => {
    await publish(`
id: timeout-${kind}
name: Timeout
steps:
  - id: slow
    type: test-sleep
    with: { ms: 5000 }
    timeout: 300ms
`);
    const started = await platform.runs.start({ workflowId: `timeout-${kind}`, inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
    const run = await waitForRun(started.id);
    expect(run.status).toBe('failed');
    expect(current(run, 'slow')?.error?.code).toBe('STEP_TIMEOUT');
    const took = new Date(current(run, 'slow')!.finishedAt!).getTime() - new Date(current(run, 'slow')!.startedAt!).getTime();
    expect(took).toBeLessThan(3000);
  }, 30_000);

  it('applies each onError policy', async () => {
    await publish(`
id: on-error-handler-${kind}
name: Error handler
inputs:
  failedRun: { type: string }
steps:
  - id: note
    type: noop
    with: { failedRun: "\${{ inputs.failedRun }}" }
`);
    await publish(`
id: on-error-${kind}
name: onError paths
steps:
  - id: tolerated
    type: fail
    with: { message: "tolerated failure" }
    onError: continue
  - id: after_tolerated
    type: noop
    needs: tolerated
  - id: broken
    type: fail
    with: { retryable: false, message: "broken" }
    onError: { goto: cleanup }
  - id: after_broken
    type: noop
    needs: broken
  - id: cleanup
    type: noop
`);
    const started = await platform.runs.start({ workflowId: `on-error-${kind}`, inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
    const run = await waitForRun(started.id);
    expect(run.status).toBe('succeeded');
    expect(current(run, 'tolerated')?.status).toBe('failed');
    expect(current(run, "after_tolerated")?.status).toBe('succeeded');
    expect(current(run, "after_broken")?.status).toBe('skipped');
    expect(current(run, 'cleanup')?.status).toBe('succeeded');

    await publish(`
id: on-error-wf-${kind}
name: onError workflow
steps:
  - id: broken
    type: fail
    with: { retryable: false, message: "broken" }
    onError:
      workflow: on-error-handler-${kind}
      inputs: { failedRun: "\${{ run.id }}" }
`);
    const second = await platform.runs.start({ workflowId: `on-error-wf-${kind}`, inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
    const failed = await waitForRun(second.id);
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBe('STEP_FAILED');
    const handlers = await platform.runs.list({ workflowId: `on-error-handler-${kind}` });
    expect(handlers.items).toHaveLength(1);
    const handler = await waitForRun(handlers.items[0].id);
    expect(handler.status).toBe('succeeded');
    expect(handler.inputs['failedRun']).toBe(second.id);

    await publish(`
id: on-error-fail-${kind}
name: onError fail
steps:
  - id: broken
    type: fail
    with: { retryable: false, code: BROKEN, message: "broken" }
  - id: never
    type: noop
    needs: broken
`);
    const third = await platform.runs.start({ workflowId: `on-error-fail-${kind}`, inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
    const stopped = await waitForRun(third.id);
    expect(stopped.status).toBe('failed');
    expect(stopped.error?.code).toBe('BROKEN');
    expect(current(stopped, 'never')).toBeUndefined();

    const retried = await platform.runs.retry(third.id, { id: 'test' });
    expect(retried.status).toBe('running');
    const again = await waitForRun(third.id);
    expect(again.status).toBe('failed');
    expect(again.steps.filter((s) => s.stepId === 'broken').map((s) => s.attempt)).toEqual([1, 2]);
  }, 60_000);

  it('keeps runs in flight on the revision they started with', async () => {
    const v1 = `
id: revisions-${kind}
name: Revisions
steps:
  - id: wait
    type: test-sleep
    with: { ms: 600 }
  - id: mark
    type: noop
    needs: wait
    with: { version: 1 }
`;
    await publish(v1);
    const started = await platform.runs.start({ workflowId: `revisions-${kind}`, inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
    await publish(v1.replace('version: 1', 'version: 2'));
    const run = await waitForRun(started.id);
    expect(run.revision).toBe(1);
    expect(current(run, 'mark')?.outputs).toEqual({ version: 1 });
    const next = await platform.runs.start({ workflowId: `revisions-${kind}`, inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
    const nextRun = await waitForRun(next.id);
    expect(nextRun.revision).toBe(2);
    expect(current(nextRun, 'mark')?.outputs).toEqual({ version: 2 });
  }, 30_000);

  it('cancels a run: open steps are cancelled and the running handler is aborted', async () => {
    await publish(`
id: cancel-${kind}
name: Cancel
steps:
  - id: long
    type: test-sleep
    with: { ms: 20000 }
  - id: never
    type: noop
    needs: long
`);
    const started = await platform.runs.start({ workflowId: `cancel-${kind}`, inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
    const deadline = Date.now() + 10_000;
    while ((await platform.runs.get(started.id)).steps[0]?.status !== 'running' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const cancelledAt = Date.now();
    await platform.runs.cancel(started.id, { id: 'test' });
    await expect(platform.runs.cancel(started.id, { id: 'test' })).rejects.toMatchObject({ code: 'RUN_ALREADY_FINISHED' });
    const run = await waitForRun(started.id);
    expect(run.status).toBe('cancelled');
    expect(current(run, 'long')?.status).toBe('cancelled');
    expect(current(run, 'never')).toBeUndefined();
    expect(run.events.map((e) => e.type)).toEqual(expect.arrayContaining(['step.cancelled', 'run.cancelled']));
    expect(Date.now() - cancelledAt).toBeLessThan(5000);
  }, 30_000);

  it('fails a run that outlives its workflow timeout', async () => {
    await publish(`
id: run-timeout-${kind}
name: Run timeout
timeout: 500ms
steps:
  - id: long
    type: test-sleep
    with: { ms: 20000 }
`);
    const started = await platform.runs.start({ workflowId: `run-timeout-${kind}`, inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
    const run = await waitForRun(started.id);
    expect(run.status).toBe('failed');
    expect(run.error?.code).toBe('RUN_TIMEOUT');
    expect(current(run, 'long')?.status).toBe('cancelled');
    const took = new Date(run.finishedAt!).getTime() - new Date(run.startedAt!).getTime();
    expect(took).toBeGreaterThanOrEqual(500);
    expect(took).toBeLessThan(5000);
  }, 30_000);

  it('fires a cron trigger', async () => {
    await publish(`
id: cron-${kind}
name: Cron
triggers:
  - id: every-second
    type: cron
    cron: "* * * * * *"
    timezone: Europe/Berlin
steps:
  - id: tick
    type: noop
`);
    const deadline = Date.now() + 10_000;
    let runs = await platform.runs.list({ workflowId: `cron-${kind}` });
    while (runs.items.length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      runs = await platform.runs.list({ workflowId: `cron-${kind}` });
    }
    expect(runs.items.length).toBeGreaterThanOrEqual(2);
    expect(runs.items[0].trigger['type']).toBe('cron');
    const scheduled = runs.items.map((r) => String(r.trigger['scheduledAt']));
    expect(new Set(scheduled).size).toBe(scheduled.length);
    // Stop it firing for the remaining tests.
    await publish(`
id: cron-${kind}
name: Cron
steps:
  - id: tick
    type: noop
`);
  }, 30_000);
});

describe.each(kinds)('restarts on %s database', (kind) => {
  it('lets in-flight steps finish on shutdown and picks up the rest after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'conveyor-shutdown-'));
    const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const config = loadConfig({
      NODE_ENV: 'test',
      ...(kind === 'postgres' ? { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', DATABASE_SCHEMA: schema } : {}),
      CONVEYOR_DATA_DIR: dataDir, REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: `test-${schema}`, SCHEDULER_TICK_MS: '100', LOG_LEVEL: 'silent',
    });
    const logger = createLogger({ level: 'silent' });
    let platform = await createPlatform(config, { components: ['scheduler', 'worker'], logger, stepTypes: [sleepStep] });
    try {
      await platform.workflows.publish(`
id: shutdown
name: Shutdown
steps:
  - id: busy
    type: test-sleep
    with: { ms: 800 }
  - id: next
    type: noop
    needs: busy
`, { id: 'test' });
      const started = await platform.runs.start({ workflowId: 'shutdown', inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
      const deadline = Date.now() + 10_000;
      while ((await platform.runs.get(started.id)).steps[0]?.status !== 'running' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await platform.close();
      platform = await createPlatform(config, { components: [], logger, stepTypes: [sleepStep] });
      const afterShutdown = await platform.runs.get(started.id);
      expect(afterShutdown.steps.find((s) => s.stepId === 'busy')?.status).toBe('succeeded');
      expect(afterShutdown.status).toBe('running');
      await platform.close();
      platform = await createPlatform(config, { components: ['scheduler', 'worker'], logger, stepTypes: [sleepStep] });
      let run = await platform.runs.get(started.id);
      while (run.status === 'running' && Date.now() < deadline + 20_000) {
        await new Promise((r) => setTimeout(r, 50));
        run = await platform.runs.get(started.id);
      }
      expect(run.status).toBe('succeeded');
    } finally {
      await platform.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);


  it('replays the cron firings that fell due while no scheduler ran', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'conveyor-restart-'));
    const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const config = loadConfig({
      NODE_ENV: 'test',
      ...(kind === 'postgres' ? { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', DATABASE_SCHEMA: schema } : {}),
      CONVEYOR_DATA_DIR: dataDir,
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `test-${schema}`,
      SCHEDULER_TICK_MS: '100',
      LOG_LEVEL: 'silent',
    });
    const logger = createLogger({ level: 'silent' });
    let platform = await createPlatform(config, { components: ['scheduler', 'worker'], logger });
    try {
      const published = await platform.workflows.publish(`
id: restart-cron
name: Restart
triggers:
  - id: each-second
    type: cron
    cron: "* * * * * *"
    timezone: UTC
    catchUp: all
steps:
  - id: tick
    type: noop
`, { id: 'test' });
      expect(published.ok).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await platform.close();
      const downAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 3000));
      platform = await createPlatform(config, { components: ['scheduler', 'worker'], logger });
      const upAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const runs = await platform.runs.list({ workflowId: 'restart-cron', limit: 500 });
      const fired = runs.items.map((run) => new Date(String(run.trigger['scheduledAt'])).getTime()).sort((a, b) => a - b);
      // Every second from the first firing to the last has exactly one run: none lost during the downtime, none doubled.
      expect(new Set(fired).size).toBe(fired.length);
      for (let i = 1; i < fired.length; i++) expect(fired[i] - fired[i - 1]).toBe(1000);
      const duringDowntime = fired.filter((at) => at > downAt && at < upAt);
      expect(duringDowntime.length).toBeGreaterThanOrEqual(2);
    } finally {
      await platform.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
