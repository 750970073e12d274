import type { ErrorInfo } from '@conveyor/kernel';

export interface RunRow {
  id: string;
  workflowId: string;
  revision: number;
  status: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown> | null;
  error: ErrorInfo | null;
  trigger: Record<string, unknown>;
  idempotencyKey: string | null;
  parentRunId: string | null;
  parentStepExecutionId: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Manual retries of the run so far. */
  retries: number;
  /** Who started the run ('user:<id>', 'api-key:<id>', 'scheduler', ...). */
  startedBy: string | null;
}

export const RUN_COLUMNS = `id, workflow_id, revision, status, inputs, outputs, error, trigger, idempotency_key,
  parent_run_id, parent_step_execution_id, created_at, started_at, finished_at, retries, started_by`;

export function toRunRow(raw: Record<string, unknown>): RunRow {
  return {
    id: String(raw['id']),
    workflowId: String(raw['workflow_id']),
    revision: Number(raw['revision']),
    status: String(raw['status']),
    inputs: (raw['inputs'] as Record<string, unknown>) ?? {},
    outputs: (raw['outputs'] as Record<string, unknown> | null) ?? null,
    error: (raw['error'] as ErrorInfo | null) ?? null,
    trigger: (raw['trigger'] as Record<string, unknown>) ?? {},
    idempotencyKey: (raw['idempotency_key'] as string | null) ?? null,
    parentRunId: (raw['parent_run_id'] as string | null) ?? null,
    parentStepExecutionId: (raw['parent_step_execution_id'] as string | null) ?? null,
    createdAt: new Date(String(raw['created_at'] instanceof Date ? (raw['created_at'] as Date).toISOString() : raw['created_at'])),
    startedAt: raw['started_at'] ? new Date(raw['started_at'] as string) : null,
    finishedAt: raw['finished_at'] ? new Date(raw['finished_at'] as string) : null,
    retries: Number(raw['retries'] ?? 0),
    startedBy: (raw['started_by'] as string | null) ?? null,
  };
}

export interface RunEventRow {
  id: string;
  runId: string;
  stepExecutionId: string | null;
  stepId: string | null;
  itemIndex: number | null;
  attempt: number | null;
  type: string;
  actor: string;
  at: Date;
  data: Record<string, unknown> | null;
}

export interface NewRunEvent {
  runId: string;
  type: string;
  actor: string;
  at: Date;
  stepExecutionId?: string;
  stepId?: string;
  itemIndex?: number | null;
  attempt?: number;
  data?: Record<string, unknown>;
}
