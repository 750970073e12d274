import { DomainError } from '@conveyor/kernel';
import type { StepSpec, WorkflowDefinition } from '@conveyor/workflow-dsl';
import { TERMINAL_RUN_STATUSES, type EngineAction, type RunSnapshot } from './contracts';
import { runFailure, settleFailure } from './failure-policy';
import { progressForeach } from './foreach-progress';
import { PlanState, type PlanOptions } from './plan-state';
import { decideRunOutcome } from './run-completion';
import { readinessOf } from './step-readiness';
import { startStep } from './step-start';

/** Far above any real workflow; reaching it means the planner stopped making progress (a bug, not a workflow). */
const MAX_PASSES = 10_000;

/**
 * Decides what a run does next. Pure and deterministic: the same definition and snapshot always give
 * the same actions, in the order the runtime must apply them. The rules are in this library's README.md.
 *
 * Steps are visited in definition order, repeatedly, until a pass decides nothing new, so one call follows
 * its own consequences (a skipped branch propagates, an empty foreach completes and its dependents start).
 * Only then is the run's own fate decided. Applying the actions and calling again yields nothing.
 */
export function planNext(definition: WorkflowDefinition, snapshot: RunSnapshot, options: PlanOptions): EngineAction[] {
  if (TERMINAL_RUN_STATUSES.includes(snapshot.status)) return [];
  const state = new PlanState(definition, snapshot, options);
  let passes = 0;
  let decidedBefore: number;
  do {
    if (++passes > MAX_PASSES) {
      throw new DomainError('ENGINE_NO_PROGRESS', `planning run ${snapshot.runId} did not settle`, { runId: snapshot.runId });
    }
    decidedBefore = state.actions.length;
    for (const spec of definition.steps) advanceStep(state, spec);
  } while (state.actions.length > decidedBefore);
  const outcome = decideRunOutcome(state);
  if (outcome) state.emit(outcome);
  return state.actions;
}

function advanceStep(state: PlanState, spec: StepSpec): void {
  const row = state.row(spec.id);
  if (row === undefined) {
    // A failing run only drains: nothing new starts, nothing more is skipped.
    if (runFailure(state)) return;
    const readiness = readinessOf(state, spec);
    if (readiness === 'skip-upstream') state.emit({ kind: 'skip-step', stepId: spec.id, reason: 'upstream' });
    else if (readiness === 'ready') startStep(state, spec);
    return;
  }
  if (row.status === 'failed' && !row.errorHandled) {
    const error = row.error ?? { code: 'STEP_FAILED', message: `step ${spec.id} failed` };
    settleFailure(state, spec, { stepId: spec.id, itemIndex: null, attempt: row.attempt, error, recorded: true });
    return;
  }
  if (spec.foreach !== undefined && row.status === 'running' && row.itemCount !== undefined) progressForeach(state, spec);
}
