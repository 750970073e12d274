import { EXPRESSION_ERROR, type StepSpec } from '@conveyor/workflow-dsl';
import { settleFailure } from './failure-policy';
import type { PlanState } from './plan-state';
import { evaluateForeachItems, renderStepInput } from './step-expressions';
import { isActive, isSettled } from './step-status';

/**
 * Starts a foreach step over a non-empty array: the parent row, then the first `concurrency` items.
 * Each item renders `with` with `item` and `index` in the context.
 */
export function startForeach(state: PlanState, spec: StepSpec, items: unknown[]): void {
  state.emit({ kind: 'start-foreach', stepId: spec.id, itemCount: items.length });
  queueItems(state, spec, items);
}

/**
 * Moves a running foreach step on: settles items that failed for good (onError continue handles them one by
 * one; any other policy fails the parent with the item's error), keeps `concurrency` items in flight, and
 * completes the parent once every item is settled, with the item outputs in item order (null for an item
 * whose failure was handled).
 */
export function progressForeach(state: PlanState, spec: StepSpec): void {
  const itemCount = state.row(spec.id)?.itemCount ?? 0;
  for (const item of state.items(spec.id)) {
    if (item.status === 'cancelled') {
      failParent(state, spec, item.error ?? { code: 'STEP_CANCELLED', message: `step ${spec.id} item ${item.itemIndex} was cancelled` });
    } else if (item.status === 'failed' && !item.errorHandled) {
      const error = item.error ?? { code: 'STEP_FAILED', message: `step ${spec.id} item ${item.itemIndex} failed` };
      settleFailure(state, spec, { stepId: spec.id, itemIndex: item.itemIndex, attempt: item.attempt, error, recorded: true });
    }
    if (!parentRunning(state, spec)) return;
  }

  if (nextItemIndex(state, spec) < itemCount && activeItemCount(state, spec) < concurrencyOf(spec)) {
    // Item values are not stored on the parent; the array is evaluated again over the same (settled) needs.
    const items = evaluateForeachItems(state, spec);
    if (!items.ok) return failParent(state, spec, items.error);
    if (items.value.length !== itemCount) {
      return failParent(state, spec, {
        code: EXPRESSION_ERROR,
        message: `step ${spec.id}: foreach.items gave ${items.value.length} items, the step started with ${itemCount}`,
        details: { stepId: spec.id, field: 'foreach.items' },
      });
    }
    queueItems(state, spec, items.value);
    if (!parentRunning(state, spec)) return;
  }

  const rows = state.items(spec.id);
  if (rows.length === itemCount && rows.every(isSettled)) {
    const outputs = rows.map((row) => (row.status === 'succeeded' ? (row.outputs ?? null) : null));
    state.emit({ kind: 'complete-step', stepId: spec.id, itemIndex: null, outputs });
  }
}

function queueItems(state: PlanState, spec: StepSpec, items: unknown[]): void {
  const timeoutMs = spec.timeout ?? state.options.defaultTimeoutMs;
  const concurrency = concurrencyOf(spec);
  let active = activeItemCount(state, spec);
  for (let index = nextItemIndex(state, spec); index < items.length && active < concurrency; index++) {
    const item = items[index];
    const input = renderStepInput(state, spec, { item, index });
    if (input.ok) {
      state.emit({ kind: 'queue-step', stepId: spec.id, itemIndex: index, attempt: 1, input: input.value, item, delayMs: 0, timeoutMs });
      active++;
    } else {
      settleFailure(state, spec, { stepId: spec.id, itemIndex: index, attempt: 1, error: input.error, recorded: false });
      if (!parentRunning(state, spec)) return;
    }
  }
}

function failParent(state: PlanState, spec: StepSpec, error: { code: string; message: string; details?: Record<string, unknown> }): void {
  const attempt = state.row(spec.id)?.attempt ?? 1;
  settleFailure(state, spec, { stepId: spec.id, itemIndex: null, attempt, error, recorded: false });
}

function parentRunning(state: PlanState, spec: StepSpec): boolean {
  return state.row(spec.id)?.status === 'running';
}

/** Items are queued in order, so the next one is just past the highest index seen. */
function nextItemIndex(state: PlanState, spec: StepSpec): number {
  const items = state.items(spec.id);
  return items.length === 0 ? 0 : (items[items.length - 1].itemIndex ?? 0) + 1;
}

function activeItemCount(state: PlanState, spec: StepSpec): number {
  return state.items(spec.id).filter((item) => isActive(item.status)).length;
}

function concurrencyOf(spec: StepSpec): number {
  return Math.max(1, Math.floor(spec.foreach?.concurrency ?? 1));
}
