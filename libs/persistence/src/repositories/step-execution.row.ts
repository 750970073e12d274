import type { ErrorInfo } from '@conveyor/kernel';

/** A step_executions row as the runtime sees it. item_index -1 in the table is null here. */
export interface StepExecutionRow {
  id: string;
  runId: string;
  stepId: string;
  itemIndex: number | null;
  attempt: number;
  /** Attempts made before the latest manual retry of the run; retry policies count from here. */
  attemptBase: number;
  status: string;
  input: unknown;
  outputs: unknown;
  error: ErrorInfo | null;
  item: unknown;
  itemCount: number | null;
  errorHandled: boolean;
  skipReason: string | null;
  superseded: boolean;
  waitSignal: string | null;
  waitUntil: Date | null;
  waitState: unknown;
  resumePayload: unknown;
  resumes: number;
  timeoutMs: number | null;
  timeoutAt: Date | null;
  availableAt: Date;
  queuedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  dispatchedAt: Date | null;
  childRunId: string | null;
}

export const STEP_EXECUTION_COLUMNS = `id, run_id, step_id, item_index, attempt, attempt_base, status, input, outputs, error, item,
  item_count, error_handled, skip_reason, superseded, wait_signal, wait_until, wait_state, resume_payload, resumes,
  timeout_ms, timeout_at, available_at, queued_at, started_at, finished_at, dispatched_at, child_run_id`;

export function toStepExecutionRow(raw: Record<string, unknown>): StepExecutionRow {
  const itemIndex = Number(raw['item_index']);
  return {
    id: String(raw['id']),
    runId: String(raw['run_id']),
    stepId: String(raw['step_id']),
    itemIndex: itemIndex < 0 ? null : itemIndex,
    attempt: Number(raw['attempt']),
    attemptBase: Number(raw['attempt_base'] ?? 0),
    status: String(raw['status']),
    input: raw['input'] ?? undefined,
    outputs: raw['outputs'] ?? undefined,
    error: (raw['error'] as ErrorInfo | null) ?? null,
    item: raw['item'] ?? undefined,
    itemCount: raw['item_count'] === null || raw['item_count'] === undefined ? null : Number(raw['item_count']),
    errorHandled: Boolean(raw['error_handled']),
    skipReason: (raw['skip_reason'] as string | null) ?? null,
    superseded: Boolean(raw['superseded']),
    waitSignal: (raw['wait_signal'] as string | null) ?? null,
    waitUntil: toDate(raw['wait_until']),
    waitState: raw['wait_state'] ?? undefined,
    resumePayload: raw['resume_payload'] ?? undefined,
    resumes: Number(raw['resumes'] ?? 0),
    timeoutMs: raw['timeout_ms'] === null || raw['timeout_ms'] === undefined ? null : Number(raw['timeout_ms']),
    timeoutAt: toDate(raw['timeout_at']),
    availableAt: toDate(raw['available_at']) ?? new Date(0),
    queuedAt: toDate(raw['queued_at']) ?? new Date(0),
    startedAt: toDate(raw['started_at']),
    finishedAt: toDate(raw['finished_at']),
    dispatchedAt: toDate(raw['dispatched_at']),
    childRunId: (raw['child_run_id'] as string | null) ?? null,
  };
}

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}
