import type { ErrorInfo } from '@conveyor/kernel';
import { renderTemplate, type StepSpec } from '@conveyor/workflow-dsl';
import type { PlanState } from './plan-state';
import { evaluate } from './step-expressions';

/** A step execution (or foreach item) that failed for good: retries are exhausted or cannot help. */
export interface FinalFailure {
  stepId: string;
  itemIndex: number | null;
  attempt: number;
  error: ErrorInfo;
  /** true when the runtime already wrote the failed row; false when the planner itself fails the step. */
  recorded: boolean;
}

/**
 * Applies the step's onError policy to a final failure.
 * - fail: the failure stays unhandled; the run starts nothing new and fails once its work has drained.
 * - continue: the failure is marked handled; dependents run and see `steps.<id>.status == 'failed'`.
 *   For a foreach step this applies per item: the item's output is null and the other items go on.
 * - goto: marked handled; every not-yet-started step downstream of the failed one is skipped with reason
 *   'goto', except the target and the steps downstream of it; the planner then starts the target
 *   regardless of its needs (see isGotoTarget). In a run that is already failing nothing new starts, so
 *   the failure stays unhandled.
 * - workflow: the other workflow is started with the rendered inputs (plus `error`), the failure is marked
 *   handled (= the workflow was started), and the run fails as with 'fail'.
 * Any other policy (foreach items) fails the foreach parent with the item's error, then the parent's policy applies.
 */
export function settleFailure(state: PlanState, spec: StepSpec, failure: FinalFailure): void {
  const policy = spec.onError;
  if (failure.itemIndex !== null) {
    if (policy.action === 'continue') {
      emitFail(state, failure, true);
      return;
    }
    if (!failure.recorded) emitFail(state, failure, false);
    const parent = state.row(spec.id);
    settleFailure(state, spec, { ...failure, itemIndex: null, attempt: parent?.attempt ?? 1, recorded: false });
    return;
  }
  switch (policy.action) {
    case 'continue':
      emitFail(state, failure, true);
      return;
    case 'goto':
      // A run that is already failing starts nothing new; an unknown target (the validator refuses those) cannot start.
      if (runFailure(state) || state.spec(policy.step) === undefined) {
        if (!failure.recorded) emitFail(state, failure, false);
        return;
      }
      emitFail(state, failure, true);
      skipGotoDependents(state, spec.id, policy.step);
      return;
    case 'workflow': {
      const context = { ...state.context(), error: { ...failure.error, stepId: spec.id } };
      const inputs = evaluate(spec.id, 'onError.inputs', () => renderTemplate(policy.inputs, context));
      // errorHandled means "the error workflow was started"; if its inputs cannot be rendered it stays false.
      if (!inputs.ok) {
        if (!failure.recorded) emitFail(state, failure, false);
        return;
      }
      emitFail(state, failure, true);
      state.emit({
        kind: 'start-workflow',
        workflowId: policy.workflow,
        inputs: (inputs.value ?? {}) as Record<string, unknown>,
        reason: `step ${spec.id} failed: ${failure.error.code}`,
      });
      return;
    }
    case 'fail':
      if (!failure.recorded) emitFail(state, failure, false);
      return;
  }
}

/**
 * Why the run is failing, if it is: the error of the first step (in definition order) that failed under
 * 'fail' (unhandled), failed under 'workflow', or was cancelled. A failing run starts nothing new.
 */
export function runFailure(state: PlanState): ErrorInfo | undefined {
  for (const spec of state.steps) {
    const row = state.row(spec.id);
    if (!row) continue;
    if (row.status === 'cancelled') return row.error ?? { code: 'STEP_CANCELLED', message: `step ${spec.id} was cancelled` };
    if (row.status !== 'failed') continue;
    if (spec.onError.action === 'workflow' || (spec.onError.action === 'fail' && !row.errorHandled)) {
      return row.error ?? { code: 'STEP_FAILED', message: `step ${spec.id} failed` };
    }
  }
  return undefined;
}

/** A pending step some handled failure jumps to with onError goto: it starts without waiting for its needs. */
export function isGotoTarget(state: PlanState, stepId: string): boolean {
  return state.steps.some((spec) => {
    if (spec.onError.action !== 'goto' || spec.onError.step !== stepId) return false;
    const row = state.row(spec.id);
    return row?.status === 'failed' && row.errorHandled === true;
  });
}

function emitFail(state: PlanState, failure: FinalFailure, errorHandled: boolean): void {
  state.emit({
    kind: 'fail-step',
    stepId: failure.stepId,
    itemIndex: failure.itemIndex,
    attempt: failure.attempt,
    error: failure.error,
    errorHandled,
  });
}

/**
 * Abandons the normal path after a failed step: everything downstream of it is skipped ('goto'), except
 * the target and whatever follows the target (the recovery path, e.g. a join of both paths, which then
 * runs by the ordinary rules).
 */
function skipGotoDependents(state: PlanState, failedStepId: string, targetStepId: string): void {
  const recoveryPath = downstreamOf(state, targetStepId);
  recoveryPath.add(targetStepId);
  const abandoned = downstreamOf(state, failedStepId);
  for (const spec of state.steps) {
    if (abandoned.has(spec.id) && !recoveryPath.has(spec.id) && !state.row(spec.id)) {
      state.emit({ kind: 'skip-step', stepId: spec.id, reason: 'goto' });
    }
  }
}

function downstreamOf(state: PlanState, stepId: string): Set<string> {
  const reached = new Set<string>();
  const frontier = [stepId];
  while (frontier.length > 0) {
    const current = frontier.pop() as string;
    for (const spec of state.steps) {
      if (!spec.needs.includes(current) || reached.has(spec.id)) continue;
      reached.add(spec.id);
      frontier.push(spec.id);
    }
  }
  return reached;
}
