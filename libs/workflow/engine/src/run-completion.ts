import type { ErrorInfo } from '@conveyor/kernel';
import { renderTemplate } from '@conveyor/workflow-dsl';
import type { EngineAction, StepExecutionSnapshot } from './contracts';
import { runFailure } from './failure-policy';
import type { PlanState } from './plan-state';
import { evaluate } from './step-expressions';
import { isActive, isTerminal } from './step-status';

/**
 * What the run as a whole does once the steps have been planned:
 * - failing (see runFailure): finish 'failed' with that error as soon as no work is queued, running or waiting;
 * - no work left and a failure stayed unhandled (e.g. a goto to an unknown step): finish 'failed' with it;
 * - every step terminal and no work left: finish 'succeeded' with the rendered workflow outputs
 *   (an expression error there fails the run);
 * - only waiting work left: 'run-waiting', unless the run already is;
 * - nothing left to do but steps that can never start: finish 'failed' (RUN_STALLED), so a run never hangs.
 */
export function decideRunOutcome(state: PlanState): EngineAction | undefined {
  const active = state.allRows().filter((row) => !isForeachParent(state, row) && isActive(row.status));
  const failure = runFailure(state);
  if (active.length > 0) {
    const onlyWaiting = active.every((row) => row.status === 'waiting');
    return onlyWaiting && state.snapshot.status !== 'waiting' ? { kind: 'run-waiting' } : undefined;
  }
  if (failure) return finishFailed(failure);

  const rows = state.steps.map((spec) => state.row(spec.id));
  const unhandled = rows.find((row) => row?.status === 'failed' && !row.errorHandled);
  if (unhandled) return finishFailed(unhandled.error ?? { code: 'STEP_FAILED', message: `step ${unhandled.stepId} failed` });
  if (rows.every((row) => row !== undefined && isTerminal(row.status))) return finishSucceeded(state);

  const stuck = state.steps.filter((spec) => state.row(spec.id) === undefined).map((spec) => spec.id);
  return finishFailed({
    code: 'RUN_STALLED',
    message: `nothing is running and steps ${stuck.join(', ')} can never start`,
    details: { steps: stuck },
  });
}

function finishSucceeded(state: PlanState): EngineAction {
  const definitionOutputs = state.definition.outputs;
  if (definitionOutputs === undefined) return { kind: 'finish-run', status: 'succeeded' };
  const outputs = evaluate(undefined, 'workflow outputs', () => renderTemplate(definitionOutputs, state.context()));
  if (!outputs.ok) return finishFailed(outputs.error);
  return { kind: 'finish-run', status: 'succeeded', outputs: outputs.value as Record<string, unknown> };
}

function finishFailed(error: ErrorInfo): EngineAction {
  return { kind: 'finish-run', status: 'failed', error };
}

/** A foreach parent only groups its items; the items are the work. */
function isForeachParent(state: PlanState, row: StepExecutionSnapshot): boolean {
  return row.itemIndex === null && state.spec(row.stepId)?.foreach !== undefined && row.itemCount !== undefined;
}
