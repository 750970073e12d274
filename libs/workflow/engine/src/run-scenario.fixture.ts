/**
 * Small builders for engine specs: definitions, snapshots, and a stand-in for the runtime that applies
 * engine actions and step outcomes to a snapshot, so multi-step scenarios can be played call by call.
 * Test-only; not exported from the library.
 */
import type { ErrorInfo } from '@conveyor/kernel';
import type { StepSpec, WorkflowDefinition } from '@conveyor/workflow-dsl';
import type { EngineAction, RunSnapshot, StepExecutionSnapshot, StepStatus } from './contracts';
import { planNext } from './plan-next';

export const DEFAULT_TIMEOUT_MS = 60_000;

export function step(id: string, overrides: Partial<StepSpec> = {}): StepSpec {
  return {
    id,
    type: 'noop',
    with: {},
    needs: [],
    retry: { attempts: 1, backoff: { type: 'fixed', delay: 1000, maxDelay: 60_000, jitter: 0 }, nonRetryableCodes: [] },
    onError: { action: 'fail' },
    ...overrides,
  };
}

export function workflow(steps: StepSpec[], overrides: Partial<WorkflowDefinition> = {}): WorkflowDefinition {
  return { version: 1, id: 'wf', name: 'Workflow', inputs: {}, triggers: [{ id: 'manual', type: 'manual' }], steps, ...overrides };
}

export function runSnapshot(steps: StepExecutionSnapshot[] = [], overrides: Partial<RunSnapshot> = {}): RunSnapshot {
  return {
    runId: 'run-1',
    workflowId: 'wf',
    revision: 3,
    status: 'running',
    inputs: {},
    trigger: { type: 'manual' },
    steps,
    ...overrides,
  };
}

export function row(stepId: string, status: StepStatus, overrides: Partial<StepExecutionSnapshot> = {}): StepExecutionSnapshot {
  return { stepId, itemIndex: null, attempt: 1, status, ...overrides };
}

export function itemRow(stepId: string, index: number, status: StepStatus, overrides: Partial<StepExecutionSnapshot> = {}): StepExecutionSnapshot {
  return { stepId, itemIndex: index, attempt: 1, status, ...overrides };
}

export function plan(definition: WorkflowDefinition, snapshot: RunSnapshot): EngineAction[] {
  return planNext(definition, snapshot, { defaultTimeoutMs: DEFAULT_TIMEOUT_MS });
}

/** Plans and applies in one go: what one runtime transaction does. */
export function advance(definition: WorkflowDefinition, snapshot: RunSnapshot): { actions: EngineAction[]; snapshot: RunSnapshot } {
  const actions = plan(definition, snapshot);
  return { actions, snapshot: applyActions(snapshot, actions) };
}

/** Applies engine actions the way the runtime does (independent of the planner's own bookkeeping). */
export function applyActions(snapshot: RunSnapshot, actions: EngineAction[]): RunSnapshot {
  let next: RunSnapshot = { ...snapshot, steps: snapshot.steps.map((existing) => ({ ...existing })) };
  for (const action of actions) {
    switch (action.kind) {
      case 'queue-step':
        next = upsert(next, { stepId: action.stepId, itemIndex: action.itemIndex, attempt: action.attempt, status: 'queued', input: action.input, item: action.item });
        break;
      case 'start-foreach':
        next = upsert(next, { stepId: action.stepId, itemIndex: null, attempt: 1, status: 'running', itemCount: action.itemCount });
        break;
      case 'complete-step':
        next = upsert(next, { ...(find(next, action.stepId, null) ?? row(action.stepId, 'succeeded')), status: 'succeeded', outputs: action.outputs });
        break;
      case 'fail-step':
        next = upsert(next, {
          ...(find(next, action.stepId, action.itemIndex) ?? { stepId: action.stepId, itemIndex: action.itemIndex, attempt: action.attempt, status: 'failed' }),
          status: 'failed',
          error: action.error,
          errorHandled: action.errorHandled,
        });
        break;
      case 'skip-step':
        next = upsert(next, row(action.stepId, 'skipped', { skipReason: action.reason }));
        break;
      case 'finish-run':
        next = { ...next, status: action.status };
        break;
      case 'run-waiting':
        next = { ...next, status: 'waiting' };
        break;
      case 'start-workflow':
        break;
    }
  }
  return next;
}

/** A step (or item) the runtime finished successfully. */
export function succeed(snapshot: RunSnapshot, stepId: string, outputs: unknown, itemIndex: number | null = null): RunSnapshot {
  return transition(snapshot, stepId, itemIndex, { status: 'succeeded', outputs });
}

/** A step (or item) whose last attempt failed for good, as the runtime records it. */
export function failFinally(snapshot: RunSnapshot, stepId: string, error: ErrorInfo, itemIndex: number | null = null): RunSnapshot {
  return transition(snapshot, stepId, itemIndex, { status: 'failed', error, errorHandled: false });
}

export function setStatus(snapshot: RunSnapshot, stepId: string, status: StepStatus, itemIndex: number | null = null): RunSnapshot {
  return transition(snapshot, stepId, itemIndex, { status });
}

export function find(snapshot: RunSnapshot, stepId: string, itemIndex: number | null): StepExecutionSnapshot | undefined {
  return snapshot.steps.find((existing) => existing.stepId === stepId && existing.itemIndex === itemIndex);
}

export function kinds(actions: EngineAction[]): string[] {
  return actions.map((action) => ('stepId' in action ? `${action.kind}:${action.stepId}` : action.kind));
}

function transition(snapshot: RunSnapshot, stepId: string, itemIndex: number | null, changes: Partial<StepExecutionSnapshot>): RunSnapshot {
  const current = find(snapshot, stepId, itemIndex);
  if (!current) throw new Error(`no row for ${stepId}#${itemIndex}`);
  return upsert(snapshot, { ...current, ...changes });
}

function upsert(snapshot: RunSnapshot, updated: StepExecutionSnapshot): RunSnapshot {
  const others = snapshot.steps.filter((existing) => !(existing.stepId === updated.stepId && existing.itemIndex === updated.itemIndex));
  return { ...snapshot, steps: [...others, updated] };
}
