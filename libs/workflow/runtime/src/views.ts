import type { RunEventRow, RunRow, StepExecutionRow, RevisionRow } from '@conveyor/persistence';
import type { RunStatus, StepStatus } from '@conveyor/workflow-engine';
import type { WorkflowDefinition } from '@conveyor/workflow-dsl';
import type { RunEventView, RunSummary, StepExecutionView, WorkflowRevisionView } from './runtime-ports';

export function toRunSummary(run: RunRow): RunSummary {
  return {
    id: run.id,
    workflowId: run.workflowId,
    revision: run.revision,
    status: run.status as RunStatus,
    trigger: run.trigger,
    createdAt: run.createdAt.toISOString(),
    ...(run.startedAt ? { startedAt: run.startedAt.toISOString() } : {}),
    ...(run.finishedAt ? { finishedAt: run.finishedAt.toISOString() } : {}),
    ...(run.parentRunId ? { parentRunId: run.parentRunId } : {}),
    ...(run.startedBy ? { startedBy: run.startedBy } : {}),
  };
}

export function toStepView(row: StepExecutionRow): StepExecutionView {
  return {
    id: row.id,
    stepId: row.stepId,
    itemIndex: row.itemIndex,
    attempt: row.attempt,
    status: row.status as StepStatus,
    ...(row.input !== undefined ? { input: row.input } : {}),
    ...(row.outputs !== undefined && row.outputs !== null ? { outputs: row.outputs } : {}),
    ...(row.error ? { error: row.error } : {}),
    queuedAt: row.queuedAt.toISOString(),
    ...(row.startedAt ? { startedAt: row.startedAt.toISOString() } : {}),
    ...(row.finishedAt ? { finishedAt: row.finishedAt.toISOString() } : {}),
    ...(row.skipReason ? { skipReason: row.skipReason } : {}),
  };
}

export function toEventView(row: RunEventRow): RunEventView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    type: row.type as RunEventView['type'],
    ...(row.stepId ? { stepId: row.stepId } : {}),
    ...(row.stepId ? { itemIndex: row.itemIndex } : {}),
    ...(row.attempt !== null ? { attempt: row.attempt } : {}),
    actor: row.actor,
    ...(row.data ? { data: row.data } : {}),
  };
}

export function toRevisionView(row: RevisionRow): WorkflowRevisionView {
  return {
    workflowId: row.workflowId,
    revision: row.revision,
    yaml: row.yaml,
    definition: row.definition as WorkflowDefinition,
    contentHash: row.contentHash,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    ...(row.rolledBackFrom !== null ? { rolledBackFrom: row.rolledBackFrom } : {}),
  };
}
