import { newId, type Clock, type ErrorInfo } from '@conveyor/kernel';
import type { RunRow, RunTransaction, StepExecutionRow, NewRunEvent } from '@conveyor/persistence';
import type { StepJobRequest } from '@conveyor/queue-contracts';
import type { WorkflowDefinition } from '@conveyor/workflow-dsl';
import { planNext, type EngineAction } from '@conveyor/workflow-engine';
import type { DefinitionCache } from './definition-cache';
import { stepKey, toRunSnapshot } from './step-snapshot';

/** What a transaction produced that must happen after it commits. */
export interface AfterCommit {
  jobs: StepJobRequest[];
  /** Runs that reached a final state (metrics, cancel cascades). */
  /** `stopped`: ended from outside (cancel, run timeout) while steps may still be running somewhere. */
  finishedRuns: { runId: string; workflowId: string; status: string; startedAt: Date | null; stopped?: boolean }[];
}

export const emptyAfterCommit = (): AfterCommit => ({ jobs: [], finishedRuns: [] });

export function mergeAfterCommit(into: AfterCommit, from: AfterCommit): AfterCommit {
  into.jobs.push(...from.jobs);
  into.finishedRuns.push(...from.finishedRuns);
  return into;
}

/** Starts another run inside the current transaction (error workflows). Provided by the RunCreator. */
export type StartRunInTransaction = (
  tx: RunTransaction,
  request: { workflowId: string; inputs: Record<string, unknown>; trigger: Record<string, unknown> },
  actor: string,
) => Promise<AfterCommit>;

export interface RunAdvancerOptions {
  definitions: DefinitionCache;
  clock: Clock;
  defaultTimeoutMs: number;
}

/**
 * Applies the engine's decisions to the database. Always called inside a transaction that holds the run's
 * row lock, so two workers finishing sibling steps cannot both miss the join that follows them.
 */
export class RunAdvancer {
  startRunInTransaction?: StartRunInTransaction;

  constructor(private readonly options: RunAdvancerOptions) {}

  /**
   * The engine follows its own consequences in one call (see planNext), so one round of planning is enough.
   * `rows` may be passed when the caller already holds the run's current step rows (saves a query).
   */
  async advance(tx: RunTransaction, run: RunRow, actor: string, rows?: StepExecutionRow[]): Promise<AfterCommit> {
    const after = emptyAfterCommit();
    if (['succeeded', 'failed', 'cancelled'].includes(run.status)) return after;
    const definition = await this.options.definitions.get(run.workflowId, run.revision, tx.sql);
    const current = rows ?? (await tx.loadCurrentSteps(run.id));
    const actions = planNext(definition, toRunSnapshot(run, current), { defaultTimeoutMs: this.options.defaultTimeoutMs });
    if (actions.length > 0) await this.apply(tx, definition, run, current, actions, actor, after);
    return after;
  }

  private async apply(
    tx: RunTransaction,
    definition: WorkflowDefinition,
    run: RunRow,
    rows: StepExecutionRow[],
    actions: EngineAction[],
    actor: string,
    after: AfterCommit,
  ): Promise<string> {
    const now = this.options.clock.now();
    const byKey = new Map(rows.map((row) => [stepKey(row.stepId, row.itemIndex), row]));
    const events: NewRunEvent[] = [];
    const event = (type: string, fields: Partial<NewRunEvent> = {}) => events.push({ runId: run.id, type, actor, at: now, ...fields });
    let runStatus = run.status;
    // Until a run is retried by hand, no step key has superseded attempts to count from.
    const needsAttemptBase = run.retries > 0 && actions.some((action) => action.kind === 'queue-step' || action.kind === 'skip-step' || action.kind === 'start-foreach');
    const usedAttempts = needsAttemptBase ? await tx.maxAttempts(run.id) : new Map<string, number>();
    const baseOf = (stepId: string, itemIndex: number | null) => usedAttempts.get(`${stepId}#${itemIndex ?? -1}`) ?? 0;

    for (const action of actions) {
      switch (action.kind) {
        case 'queue-step': {
          const base = baseOf(action.stepId, action.itemIndex);
          const id = newId();
          const inserted = await tx.insertStepExecutions([{
            id, runId: run.id, stepId: action.stepId, itemIndex: action.itemIndex, attempt: base + action.attempt, attemptBase: base,
            status: 'queued', input: action.input, item: action.item, timeoutMs: action.timeoutMs,
            availableAt: new Date(now.getTime() + action.delayMs), queuedAt: now,
          }]);
          if (inserted.has(id)) {
            after.jobs.push({ payload: { runId: run.id, stepExecutionId: id, resumes: 0 }, delayMs: action.delayMs });
            event('step.queued', { stepExecutionId: id, stepId: action.stepId, itemIndex: action.itemIndex, attempt: base + action.attempt });
          }
          break;
        }
        case 'start-foreach': {
          const base = baseOf(action.stepId, null);
          const id = newId();
          await tx.insertStepExecutions([{
            id, runId: run.id, stepId: action.stepId, itemIndex: null, attempt: base + 1, attemptBase: base, status: 'running',
            itemCount: action.itemCount, availableAt: now, queuedAt: now, startedAt: now,
          }]);
          event('step.started', { stepExecutionId: id, stepId: action.stepId, attempt: base + 1, data: { items: action.itemCount } });
          break;
        }
        case 'complete-step': {
          const row = byKey.get(stepKey(action.stepId, null));
          if (row && (await tx.transitionStep(row.id, ['running', 'queued'], 'succeeded', now, { outputs: action.outputs, finished: true }))) {
            event('step.succeeded', { stepExecutionId: row.id, stepId: action.stepId, attempt: row.attempt });
          } else if (!row) {
            const id = newId();
            await tx.insertStepExecutions([{ id, runId: run.id, stepId: action.stepId, itemIndex: null, attempt: 1, attemptBase: 0,
              status: 'succeeded', outputs: action.outputs, availableAt: now, queuedAt: now, startedAt: now, finishedAt: now }]);
            event('step.succeeded', { stepExecutionId: id, stepId: action.stepId, attempt: 1 });
          }
          break;
        }
        case 'fail-step':
          await this.applyFailStep(tx, run, byKey, action, now, event);
          break;
        case 'skip-step': {
          const base = baseOf(action.stepId, null);
          const id = newId();
          await tx.insertStepExecutions([{ id, runId: run.id, stepId: action.stepId, itemIndex: null, attempt: base + 1, attemptBase: base,
            status: 'skipped', skipReason: action.reason, availableAt: now, queuedAt: now, finishedAt: now }]);
          event('step.skipped', { stepExecutionId: id, stepId: action.stepId, data: { reason: action.reason } });
          break;
        }
        case 'start-workflow': {
          if (!this.startRunInTransaction) break;
          const depth = Number(run.trigger['depth'] ?? 0);
          if (depth >= 5) {
            event('run.error-workflow-skipped', { data: { workflowId: action.workflowId, reason: 'error workflows nested too deep' } });
            break;
          }
          const started = await this.startRunInTransaction(tx, {
            workflowId: action.workflowId,
            inputs: action.inputs,
            trigger: { type: 'error', runId: run.id, workflowId: run.workflowId, reason: action.reason, depth: depth + 1 },
          }, `run:${run.id}`);
          mergeAfterCommit(after, started);
          event('run.error-workflow-started', { data: { workflowId: action.workflowId } });
          break;
        }
        case 'finish-run': {
          await tx.updateRunStatus(run.id, action.status, now, { outputs: action.outputs, error: action.error ?? null, finished: true });
          event(`run.${action.status}`, action.error ? { data: { error: action.error } } : {});
          runStatus = action.status;
          after.finishedRuns.push({ runId: run.id, workflowId: run.workflowId, status: action.status, startedAt: run.startedAt });
          if (run.parentRunId && run.parentStepExecutionId) {
            await tx.insertEvents(events.splice(0));
            mergeAfterCommit(after, await this.resumeParent(tx, run, action.status, action.outputs, action.error));
          }
          break;
        }
        case 'run-waiting':
          if (runStatus !== 'waiting') {
            await tx.updateRunStatus(run.id, 'waiting', now);
            event('run.waiting');
            runStatus = 'waiting';
          }
          break;
      }
    }
    await tx.insertEvents(events);
    return runStatus;
  }

  private async applyFailStep(
    tx: RunTransaction,
    run: RunRow,
    byKey: Map<string, StepExecutionRow>,
    action: Extract<EngineAction, { kind: 'fail-step' }>,
    now: Date,
    event: (type: string, fields?: Partial<NewRunEvent>) => void,
  ): Promise<void> {
    const row = byKey.get(stepKey(action.stepId, action.itemIndex));
    if (!row) {
      const id = newId();
      await tx.insertStepExecutions([{ id, runId: run.id, stepId: action.stepId, itemIndex: action.itemIndex, attempt: action.attempt,
        attemptBase: 0, status: 'failed', error: action.error, errorHandled: action.errorHandled, availableAt: now, queuedAt: now, finishedAt: now }]);
      event('step.failed', { stepExecutionId: id, stepId: action.stepId, itemIndex: action.itemIndex, attempt: action.attempt, data: { error: action.error } });
      return;
    }
    if (row.status === 'failed') {
      if (action.errorHandled && !row.errorHandled) await tx.transitionStep(row.id, ['failed'], 'failed', now, { errorHandled: true });
      return;
    }
    if (await tx.transitionStep(row.id, ['queued', 'running', 'waiting'], 'failed', now, { error: action.error, errorHandled: action.errorHandled, finished: true })) {
      event('step.failed', { stepExecutionId: row.id, stepId: action.stepId, itemIndex: action.itemIndex, attempt: row.attempt, data: { error: action.error } });
    }
  }

  /**
   * A child run finished: wake the parent's `subworkflow` step. Locks are always taken child first, then
   * parent; if the parent step is not waiting yet, it will see the finished child when it parks itself.
   */
  private async resumeParent(tx: RunTransaction, child: RunRow, status: string, outputs: unknown, error: ErrorInfo | undefined): Promise<AfterCommit> {
    const parent = await tx.lockRun(child.parentRunId as string);
    if (!parent || ['succeeded', 'failed', 'cancelled'].includes(parent.status)) return emptyAfterCommit();
    const waiting = await tx.findWaitingStep(parent.id, `run:${child.id}`);
    if (!waiting) return emptyAfterCommit();
    return resumeWaitingStep(tx, parent, waiting, { status, outputs, error }, this.options.clock.now(), `run:${child.id}`);
  }
}

/** Puts a waiting step back in the queue with the payload that woke it; the run is running again. */
export async function resumeWaitingStep(
  tx: RunTransaction,
  run: RunRow,
  step: StepExecutionRow,
  payload: unknown,
  now: Date,
  actor: string,
): Promise<AfterCommit> {
  const after = emptyAfterCommit();
  const moved = await tx.transitionStep(step.id, ['waiting'], 'queued', now, { resumePayload: payload ?? null, bumpResumes: true, clearDispatch: true });
  if (!moved) return after;
  if (run.status === 'waiting') await tx.updateRunStatus(run.id, 'running', now);
  await tx.insertEvents([{ runId: run.id, type: 'step.resumed', actor, at: now, stepExecutionId: step.id, stepId: step.stepId, itemIndex: step.itemIndex, attempt: step.attempt }]);
  after.jobs.push({ payload: { runId: run.id, stepExecutionId: step.id, resumes: step.resumes + 1 }, delayMs: 0 });
  return after;
}
