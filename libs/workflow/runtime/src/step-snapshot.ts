import type { StepExecutionRow } from '@conveyor/persistence';
import type { RunSnapshot, StepExecutionSnapshot, StepStatus, RunStatus } from '@conveyor/workflow-engine';
import type { RunRow } from '@conveyor/persistence';

/** The engine counts attempts from the latest manual retry of the run; the table counts them all. */
export function toStepSnapshot(row: StepExecutionRow): StepExecutionSnapshot {
  return {
    stepId: row.stepId,
    itemIndex: row.itemIndex,
    attempt: row.attempt - row.attemptBase,
    status: row.status as StepStatus,
    input: row.input,
    outputs: row.outputs,
    error: row.error ?? undefined,
    itemCount: row.itemCount ?? undefined,
    item: row.item,
    errorHandled: row.errorHandled,
    skipReason: row.skipReason ?? undefined,
  };
}

export function toRunSnapshot(run: RunRow, rows: StepExecutionRow[]): RunSnapshot {
  return {
    runId: run.id,
    workflowId: run.workflowId,
    revision: run.revision,
    status: run.status as RunStatus,
    inputs: run.inputs,
    trigger: run.trigger,
    steps: rows.map(toStepSnapshot),
  };
}

export const stepKey = (stepId: string, itemIndex: number | null): string => `${stepId}#${itemIndex ?? -1}`;
