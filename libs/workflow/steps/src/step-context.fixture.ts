import type { StepContext } from '@conveyor/workflow-engine';

/** A StepContext for unit tests: records log lines and child-run requests, and its clock is moved by hand. */
export interface TestStepContext extends StepContext {
  lines: { level: 'info' | 'warn' | 'error'; message: string; fields?: Record<string, unknown> }[];
  childRuns: { workflowId: string; inputs: Record<string, unknown> }[];
  abortController: AbortController;
  clock: { current: Date };
}

export function createTestStepContext(overrides: Partial<StepContext> = {}): TestStepContext {
  const lines: TestStepContext['lines'] = [];
  const childRuns: TestStepContext['childRuns'] = [];
  const abortController = new AbortController();
  const clock = { current: new Date('2026-01-05T09:00:00Z') };
  const record = (level: 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => {
    lines.push({ level, message, fields });
  };
  return {
    runId: 'run-1',
    workflowId: 'wf-1',
    revision: 1,
    stepId: 'step-1',
    itemIndex: null,
    attempt: 1,
    idempotencyKey: 'run-1:step-1:-',
    signal: abortController.signal,
    logger: { info: record('info'), warn: record('warn'), error: record('error') },
    now: () => new Date(clock.current),
    services: {
      async startChildRun(workflowId, inputs) {
        childRuns.push({ workflowId, inputs });
        return `child-${childRuns.length}`;
      },
    },
    ...overrides,
    lines,
    childRuns,
    abortController,
    clock,
  };
}

/** Runs `action` and returns the error it throws (failing the test when it does not throw). */
export async function caught(action: () => unknown): Promise<{ code: string; message: string; details: Record<string, unknown>; retryable: boolean }> {
  try {
    await action();
  } catch (error) {
    return error as { code: string; message: string; details: Record<string, unknown>; retryable: boolean };
  }
  throw new Error('expected an error, but none was thrown');
}
