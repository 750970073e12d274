import type { ErrorInfo } from '@conveyor/kernel';
import { json, type Sql } from './sql';
import { RUN_COLUMNS, toRunRow, type NewRunEvent, type RunRow } from './run.row';
import { STEP_EXECUTION_COLUMNS, toStepExecutionRow, type StepExecutionRow } from './step-execution.row';

export interface NewStepExecution {
  id: string;
  runId: string;
  stepId: string;
  itemIndex: number | null;
  attempt: number;
  attemptBase: number;
  status: 'queued' | 'running' | 'failed' | 'skipped' | 'succeeded';
  input?: unknown;
  item?: unknown;
  itemCount?: number;
  outputs?: unknown;
  error?: ErrorInfo;
  errorHandled?: boolean;
  skipReason?: string;
  timeoutMs?: number;
  availableAt: Date;
  queuedAt: Date;
  startedAt?: Date;
  finishedAt?: Date;
}

export interface NewRun {
  id: string;
  workflowId: string;
  revision: number;
  status: string;
  inputs: Record<string, unknown>;
  trigger: Record<string, unknown>;
  idempotencyKey?: string;
  parentRunId?: string;
  parentStepExecutionId?: string;
  createdAt: Date;
  startedAt?: Date;
  deadlineAt?: Date;
  startedBy?: string;
}

const itemIndexValue = (itemIndex: number | null): number => (itemIndex === null ? -1 : itemIndex);

/**
 * All writes of the run state machine, inside one transaction. A caller that changes a run first takes
 * its row lock (lockRun), so completions of sibling steps are applied one after another, never interleaved.
 */
export class RunTransaction {
  /**
   * @param changedRunIds collects every run this transaction logs an event for: the runs whose state it
   * changed, announced to live views once it commits (RunStore.transaction).
   */
  constructor(readonly sql: Sql, readonly changedRunIds: Set<string> = new Set()) {}

  async lockRun(runId: string): Promise<RunRow | undefined> {
    const rows = await this.sql(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = $1 FOR UPDATE`, [runId]);
    return rows[0] ? toRunRow(rows[0]) : undefined;
  }

  async findRunByIdempotencyKey(key: string): Promise<RunRow | undefined> {
    const rows = await this.sql(`SELECT ${RUN_COLUMNS} FROM runs WHERE idempotency_key = $1`, [key]);
    return rows[0] ? toRunRow(rows[0]) : undefined;
  }

  /** Inserts the run unless its idempotency key exists; returns false on a duplicate. */
  async insertRun(run: NewRun): Promise<boolean> {
    const rows = await this.sql(
      `INSERT INTO runs (id, workflow_id, revision, status, inputs, trigger, idempotency_key, parent_run_id,
         parent_step_execution_id, created_at, started_at, updated_at, deadline_at, started_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $10, $12, $13)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [run.id, run.workflowId, run.revision, run.status, json(run.inputs), json(run.trigger), run.idempotencyKey ?? null,
        run.parentRunId ?? null, run.parentStepExecutionId ?? null, run.createdAt, run.startedAt ?? null, run.deadlineAt ?? null, run.startedBy ?? null],
    );
    return rows.length === 1;
  }

  async updateRunStatus(
    runId: string,
    status: string,
    at: Date,
    fields: { outputs?: unknown; error?: ErrorInfo | null; finished?: boolean } = {},
  ): Promise<void> {
    await this.sql(
      `UPDATE runs SET status = $2, updated_at = $3::timestamptz,
         outputs = CASE WHEN $4::boolean THEN $5::jsonb ELSE outputs END,
         error = CASE WHEN $6::boolean THEN $7::jsonb ELSE error END,
         finished_at = CASE WHEN $8::boolean THEN $3::timestamptz ELSE NULL END
       WHERE id = $1`,
      [runId, status, at, fields.outputs !== undefined, json(fields.outputs), fields.error !== undefined, json(fields.error ?? undefined),
        fields.finished === true],
    );
  }

  /** The latest (not superseded) attempt of every step key of the run, plus how many attempts each key had. */
  async loadCurrentSteps(runId: string): Promise<StepExecutionRow[]> {
    const rows = await this.sql(
      `SELECT ${STEP_EXECUTION_COLUMNS} FROM step_executions WHERE run_id = $1 AND NOT superseded ORDER BY step_id, item_index`,
      [runId],
    );
    return rows.map(toStepExecutionRow);
  }

  /** Highest attempt number ever used per step key (superseded rows included). */
  async maxAttempts(runId: string): Promise<Map<string, number>> {
    const rows = await this.sql<{ step_id: string; item_index: number; max: number }>(
      `SELECT step_id, item_index, max(attempt) AS max FROM step_executions WHERE run_id = $1 GROUP BY step_id, item_index`,
      [runId],
    );
    return new Map(rows.map((row) => [`${row.step_id}#${row.item_index}`, Number(row.max)]));
  }

  /** Inserts step executions; an existing (run, step, item, attempt) is left alone. Returns the ids inserted. */
  async insertStepExecutions(steps: NewStepExecution[]): Promise<Set<string>> {
    if (steps.length === 0) return new Set();
    const columns = ['id', 'run_id', 'step_id', 'item_index', 'attempt', 'attempt_base', 'status', 'input', 'item', 'item_count',
      'outputs', 'error', 'error_handled', 'skip_reason', 'timeout_ms', 'available_at', 'queued_at', 'started_at', 'finished_at'];
    const params: unknown[] = [];
    const tuples = steps.map((step) => {
      const values = [step.id, step.runId, step.stepId, itemIndexValue(step.itemIndex), step.attempt, step.attemptBase, step.status,
        json(step.input), json(step.item), step.itemCount ?? null, json(step.outputs), json(step.error), step.errorHandled ?? false,
        step.skipReason ?? null, step.timeoutMs ?? null, step.availableAt, step.queuedAt, step.startedAt ?? null, step.finishedAt ?? null];
      const placeholders = values.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    const rows = await this.sql<{ id: string }>(
      `INSERT INTO step_executions (${columns.join(', ')}) VALUES ${tuples.join(', ')}
       ON CONFLICT (run_id, step_id, item_index, attempt) DO NOTHING RETURNING id`,
      params,
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Moves a step execution from one of `from` to `to`, setting the given fields. Returns false when the row
   * was not in an expected state (a late result of a timed-out or cancelled attempt is thereby ignored).
   */
  async transitionStep(
    id: string,
    from: string[],
    to: string,
    at: Date,
    fields: {
      outputs?: unknown; error?: ErrorInfo; errorHandled?: boolean; finished?: boolean; started?: boolean;
      timeoutAt?: Date | null; waitSignal?: string | null; waitUntil?: Date | null; waitState?: unknown;
      resumePayload?: unknown; bumpResumes?: boolean; clearDispatch?: boolean; childRunId?: string; input?: unknown; workerId?: string;
    } = {},
  ): Promise<boolean> {
    const sets = ['status = $3'];
    const params: unknown[] = [id, from, to];
    const set = (column: string, value: unknown, cast = '') => {
      params.push(value);
      sets.push(`${column} = $${params.length}${cast}`);
    };
    if (fields.outputs !== undefined) set('outputs', json(fields.outputs), '::jsonb');
    if (fields.error !== undefined) set('error', json(fields.error), '::jsonb');
    if (fields.errorHandled !== undefined) set('error_handled', fields.errorHandled);
    if (fields.finished) set('finished_at', at);
    if (fields.started) set('started_at', at);
    if (fields.timeoutAt !== undefined) set('timeout_at', fields.timeoutAt);
    if (fields.waitSignal !== undefined) set('wait_signal', fields.waitSignal);
    if (fields.waitUntil !== undefined) set('wait_until', fields.waitUntil);
    if (fields.waitState !== undefined) set('wait_state', json(fields.waitState), '::jsonb');
    if (fields.resumePayload !== undefined) set('resume_payload', json(fields.resumePayload), '::jsonb');
    if (fields.childRunId !== undefined) set('child_run_id', fields.childRunId);
    if (fields.input !== undefined) set('input', json(fields.input), '::jsonb');
    if (fields.workerId !== undefined) set('worker_id', fields.workerId);
    if (fields.bumpResumes) sets.push('resumes = resumes + 1');
    if (fields.clearDispatch) {
      params.push(at);
      sets.push('dispatched_at = NULL', `queued_at = $${params.length}`, `available_at = $${params.length}`);
    }
    const rows = await this.sql(
      `UPDATE step_executions SET ${sets.join(', ')} WHERE id = $1 AND status = ANY($2::text[]) AND NOT superseded RETURNING id`,
      params,
    );
    return rows.length === 1;
  }

  async countRetry(runId: string): Promise<void> {
    await this.sql(`UPDATE runs SET retries = retries + 1 WHERE id = $1`, [runId]);
  }

  async supersede(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.sql(`UPDATE step_executions SET superseded = true WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Cancels every unfinished step of a run; returns the rows cancelled. */
  async cancelOpenSteps(runId: string, at: Date): Promise<StepExecutionRow[]> {
    const rows = await this.sql(
      `UPDATE step_executions SET status = 'cancelled', finished_at = $2
       WHERE run_id = $1 AND NOT superseded AND status IN ('queued', 'running', 'waiting') RETURNING ${STEP_EXECUTION_COLUMNS}`,
      [runId, at],
    );
    return rows.map(toStepExecutionRow);
  }

  async insertEvents(events: NewRunEvent[]): Promise<void> {
    if (events.length === 0) return;
    for (const event of events) this.changedRunIds.add(event.runId);
    const params: unknown[] = [];
    const tuples = events.map((event) => {
      const values = [event.runId, event.stepExecutionId ?? null, event.stepId ?? null,
        event.itemIndex === undefined ? null : event.itemIndex, event.attempt ?? null, event.type, event.actor, event.at, json(event.data)];
      const placeholders = values.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await this.sql(
      `INSERT INTO run_events (run_id, step_execution_id, step_id, item_index, attempt, type, actor, at, data) VALUES ${tuples.join(', ')}`,
      params,
    );
  }

  async runStatus(runId: string): Promise<{ status: string; outputs: unknown; error: ErrorInfo | null } | undefined> {
    const rows = await this.sql<{ status: string; outputs: unknown; error: ErrorInfo | null }>(
      `SELECT status, outputs, error FROM runs WHERE id = $1`,
      [runId],
    );
    return rows[0];
  }

  /** The step waiting for `signal` in the run, if any. */
  async findWaitingStep(runId: string, signal: string): Promise<StepExecutionRow | undefined> {
    const rows = await this.sql(
      `SELECT ${STEP_EXECUTION_COLUMNS} FROM step_executions
       WHERE run_id = $1 AND wait_signal = $2 AND status = 'waiting' AND NOT superseded FOR UPDATE`,
      [runId, signal],
    );
    return rows[0] ? toStepExecutionRow(rows[0]) : undefined;
  }
}
