import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { loadConfig, type ConveyorConfig } from '@conveyor/config';
import { DomainError } from '@conveyor/kernel';
import type { StepType } from '@conveyor/workflow-engine';
import type { RunView } from '@conveyor/workflow-runtime';
import { createLogger } from '@conveyor/observability';
import { createPlatform } from './create-platform';
import type { Platform } from './platform.types';

/** A step that holds its worker for `ms` unless aborted: lets tests observe timeouts and ordering. */
export const sleepStep: StepType<{ ms: number }> = {
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

/** The database kinds the suite runs on (test/run-all.sh drops postgres when none answers). */
export const kinds = (process.env['CONVEYOR_TEST_DB_KINDS'] ?? 'postgres,embedded').split(',');

/** A configuration of its own (schema or data directory, queue prefix) for one test platform. */
export function isolatedConfig(kind: string, overrides: Record<string, string> = {}): { config: ConveyorConfig; cleanup(): void } {
  const dataDir = mkdtempSync(join(tmpdir(), 'conveyor-platform-'));
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
    ...overrides,
  });
  return { config, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}

export async function publish(platform: Platform, yaml: string): Promise<void> {
  const result = await platform.workflows.publish(yaml, { id: 'test' });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
}

export async function waitForRun(platform: Platform, runId: string, timeoutMs = 20_000): Promise<RunView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await platform.runs.get(runId);
    if (['succeeded', 'failed', 'cancelled'].includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status}: ${JSON.stringify(run.steps.map((s) => [s.stepId, s.itemIndex, s.status]))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The latest attempt of a plain (non-foreach-item) step. */
export const current = (run: RunView, stepId: string) => run.steps.filter((s) => s.stepId === stepId && s.itemIndex === null).at(-1);


/**
 * One platform (scheduler and worker, plus the test-sleep step) for a describe block, started before its
 * tests and closed after them, on its own schema or data directory and queue prefix.
 */
export function useTestPlatform(kind: string): {
  platform: () => Platform;
  publish: (yaml: string) => Promise<void>;
  waitForRun: (runId: string) => Promise<RunView>;
} {
  let platform: Platform | undefined;
  let cleanup: (() => void) | undefined;
  beforeAll(async () => {
    const isolated = isolatedConfig(kind);
    cleanup = isolated.cleanup;
    platform = await createPlatform(isolated.config, { components: ['scheduler', 'worker'], stepTypes: [sleepStep], logger: createLogger({ level: 'silent' }) });
  }, 60_000);
  afterAll(async () => {
    await platform?.close();
    cleanup?.();
  }, 60_000);
  const get = (): Platform => {
    if (!platform) throw new Error('the test platform did not start');
    return platform;
  };
  return { platform: get, publish: (yaml) => publish(get(), yaml), waitForRun: (runId) => waitForRun(get(), runId) };
}
