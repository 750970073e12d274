import type { StepSpec } from '@conveyor/workflow-dsl';
import { isGotoTarget } from './failure-policy';
import type { PlanState } from './plan-state';
import { isSettled } from './step-status';

export type Readiness = 'blocked' | 'ready' | 'skip-upstream';

/**
 * Whether a step without a row can start. It waits until every step it needs is settled (succeeded,
 * skipped, or failed with the failure handled); a need that failed unhandled keeps it waiting for good.
 * If every need was skipped, no branch leading here was taken and the step is skipped too ('upstream');
 * one need that ran (succeeded or failed-handled) is enough to run it, which is what joins after exclusive
 * branches rely on. The target of a handled onError goto starts whatever its needs.
 */
export function readinessOf(state: PlanState, spec: StepSpec): Readiness {
  if (isGotoTarget(state, spec.id)) return 'ready';
  const needs = spec.needs.map((stepId) => state.row(stepId));
  if (needs.some((row) => row === undefined || !isSettled(row))) return 'blocked';
  if (needs.length > 0 && needs.every((row) => row?.status === 'skipped')) return 'skip-upstream';
  return 'ready';
}
