import type { ExpressionContext } from '@conveyor/workflow-dsl';
import type { RunSnapshot, StepExecutionSnapshot } from './contracts';
import { isTerminal } from './step-status';

/** What a foreach item or a handler's result adds to the context of one evaluation. */
export interface ContextExtras {
  item?: unknown;
  index?: number;
  result?: unknown;
}

/**
 * The context expressions of a run see: its inputs, trigger and identity, and for every step that has
 * reached a terminal state `steps.<id>.{outputs, status, error}` (a foreach step's outputs are the array of
 * its item outputs). Steps still pending or running are absent, so an expression never reads half-done work.
 */
export function buildExpressionContext(snapshot: RunSnapshot, extras: ContextExtras = {}): ExpressionContext {
  return contextFromRows(snapshot, snapshot.steps, extras);
}

export function contextFromRows(
  snapshot: RunSnapshot,
  rows: readonly StepExecutionSnapshot[],
  extras: ContextExtras = {},
): ExpressionContext {
  const steps: Record<string, { outputs: unknown; status: string; error: unknown }> = {};
  for (const row of rows) {
    if (row.itemIndex !== null || !isTerminal(row.status)) continue;
    steps[row.stepId] = { outputs: row.outputs ?? null, status: row.status, error: row.error ?? null };
  }
  return {
    inputs: snapshot.inputs,
    steps,
    run: { id: snapshot.runId, workflowId: snapshot.workflowId, revision: snapshot.revision },
    trigger: snapshot.trigger,
    ...extras,
  };
}
