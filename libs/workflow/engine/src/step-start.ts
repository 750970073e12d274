import type { ErrorInfo } from '@conveyor/kernel';
import type { StepSpec } from '@conveyor/workflow-dsl';
import { settleFailure } from './failure-policy';
import { startForeach } from './foreach-progress';
import type { PlanState } from './plan-state';
import { evaluateForeachItems, evaluateStepCondition, renderStepInput } from './step-expressions';

/**
 * Starts a step that is ready: `if` false skips it ('condition'); a foreach step starts its items (an empty
 * array completes it at once with outputs []); any other step is queued with its rendered `with`.
 * An expression that cannot be evaluated fails the step (EXPRESSION_ERROR, never retried) and its onError applies.
 */
export function startStep(state: PlanState, spec: StepSpec): void {
  const condition = evaluateStepCondition(state, spec);
  if (!condition.ok) return failAtStart(state, spec, condition.error);
  if (!condition.value) {
    state.emit({ kind: 'skip-step', stepId: spec.id, reason: 'condition' });
    return;
  }

  if (spec.foreach) {
    const items = evaluateForeachItems(state, spec);
    if (!items.ok) return failAtStart(state, spec, items.error);
    if (items.value.length === 0) {
      state.emit({ kind: 'complete-step', stepId: spec.id, itemIndex: null, outputs: [] });
      return;
    }
    startForeach(state, spec, items.value);
    return;
  }

  const input = renderStepInput(state, spec);
  if (!input.ok) return failAtStart(state, spec, input.error);
  state.emit({
    kind: 'queue-step',
    stepId: spec.id,
    itemIndex: null,
    attempt: 1,
    input: input.value,
    delayMs: 0,
    timeoutMs: spec.timeout ?? state.options.defaultTimeoutMs,
  });
}

function failAtStart(state: PlanState, spec: StepSpec, error: ErrorInfo): void {
  settleFailure(state, spec, { stepId: spec.id, itemIndex: null, attempt: 1, error, recorded: false });
}
