import type { ErrorInfo } from '@conveyor/kernel';
import { RunTransaction, type NewStepExecution } from './run-transaction';
import { RUN_COLUMNS, toRunRow, type NewRunEvent, type RunRow } from './run.row';
import type { Sql } from './sql';
import { STEP_EXECUTION_COLUMNS, toStepExecutionRow, type StepExecutionRow } from './step-execution.row';

type StepFields = Parameters<RunTransaction['transitionStep']>[4];

/**
 * A run transaction that records many step outcomes at once. The runs it is opened for are locked and
 * their steps loaded up front; reads of them are answered from memory and writes are buffered, then
 * flushed in a handful of set-based statements. Anything else (another run, a superseded attempt)
 * flushes the buffer and goes to the database directly, so the result is the same as unbuffered.
 */
export class BufferedRunTransaction extends RunTransaction {
  private readonly runs = new Map<string, RunRow>();
  private readonly steps = new Map<string, StepExecutionRow>();
  private readonly newSteps = new Set<string>();
  private readonly dirtySteps = new Set<string>();
  private readonly dirtyRuns = new Map<string, Date>();
  private events: NewRunEvent[] = [];

  /** `changedRunIds`: the enclosing transaction's, so the runs this one changes are announced with its commit. */
  static async open(sql: Sql, runIds: string[], changedRunIds?: Set<string>): Promise<BufferedRunTransaction> {
    const unit = new BufferedRunTransaction(sql, changedRunIds);
    const ids = [...new Set(runIds)].sort();
    const runs = await sql(LOCK_RUNS, [ids], 'conveyor_buffered_lock_runs');
    for (const raw of runs) {
      const run = toRunRow(raw);
      unit.runs.set(run.id, run);
    }
    // A statement of its own, after the locks: its snapshot then includes what the previous holders committed.
    const steps = await sql(LOAD_STEPS, [ids], 'conveyor_buffered_load_steps');
    for (const raw of steps) {
      const step = toStepExecutionRow(raw);
      unit.steps.set(step.id, step);
    }
    return unit;
  }

  override async lockRun(runId: string): Promise<RunRow | undefined> {
    const run = this.runs.get(runId);
    if (run) return { ...run };
    await this.flush();
    return super.lockRun(runId);
  }

  override async loadCurrentSteps(runId: string): Promise<StepExecutionRow[]> {
    if (!this.runs.has(runId)) {
      await this.flush();
      return super.loadCurrentSteps(runId);
    }
    return [...this.steps.values()]
      .filter((step) => step.runId === runId && !step.superseded)
      .sort((a, b) => (a.stepId === b.stepId ? (a.itemIndex ?? -1) - (b.itemIndex ?? -1) : a.stepId < b.stepId ? -1 : 1))
      .map((step) => ({ ...step }));
  }

  override async updateRunStatus(runId: string, status: string, at: Date, fields: { outputs?: unknown; error?: ErrorInfo | null; finished?: boolean } = {}): Promise<void> {
    const run = this.runs.get(runId);
    if (!run) {
      await this.flush();
      return super.updateRunStatus(runId, status, at, fields);
    }
    run.status = status;
    if (fields.outputs !== undefined) run.outputs = fields.outputs as Record<string, unknown>;
    if (fields.error !== undefined) run.error = fields.error;
    run.finishedAt = fields.finished ? at : null;
    this.dirtyRuns.set(runId, at);
  }

  override async insertStepExecutions(steps: NewStepExecution[]): Promise<Set<string>> {
    if (steps.some((step) => !this.runs.has(step.runId))) {
      await this.flush();
      return super.insertStepExecutions(steps);
    }
    const inserted = new Set<string>();
    for (const step of steps) {
      const clash = [...this.steps.values()].some((existing) => existing.runId === step.runId && existing.stepId === step.stepId
        && existing.itemIndex === step.itemIndex && existing.attempt === step.attempt);
      if (clash) continue;
      this.steps.set(step.id, {
        id: step.id, runId: step.runId, stepId: step.stepId, itemIndex: step.itemIndex, attempt: step.attempt, attemptBase: step.attemptBase,
        status: step.status, input: step.input, outputs: step.outputs, error: step.error ?? null, item: step.item, itemCount: step.itemCount ?? null,
        errorHandled: step.errorHandled ?? false, skipReason: step.skipReason ?? null, superseded: false, waitSignal: null, waitUntil: null,
        waitState: undefined, resumePayload: undefined, resumes: 0, timeoutMs: step.timeoutMs ?? null, timeoutAt: null, availableAt: step.availableAt,
        queuedAt: step.queuedAt, startedAt: step.startedAt ?? null, finishedAt: step.finishedAt ?? null, dispatchedAt: null, childRunId: null,
      });
      this.newSteps.add(step.id);
      inserted.add(step.id);
    }
    return inserted;
  }

  override async transitionStep(id: string, from: string[], to: string, at: Date, fields: StepFields = {}): Promise<boolean> {
    const step = this.steps.get(id);
    if (!step) {
      await this.flush();
      return super.transitionStep(id, from, to, at, fields);
    }
    if (step.superseded || !from.includes(step.status)) return false;
    step.status = to;
    if (fields.outputs !== undefined) step.outputs = fields.outputs;
    if (fields.error !== undefined) step.error = fields.error;
    if (fields.errorHandled !== undefined) step.errorHandled = fields.errorHandled;
    if (fields.finished) step.finishedAt = at;
    if (fields.started) step.startedAt = at;
    if (fields.timeoutAt !== undefined) step.timeoutAt = fields.timeoutAt;
    if (fields.waitSignal !== undefined) step.waitSignal = fields.waitSignal;
    if (fields.waitUntil !== undefined) step.waitUntil = fields.waitUntil;
    if (fields.waitState !== undefined) step.waitState = fields.waitState;
    if (fields.resumePayload !== undefined) step.resumePayload = fields.resumePayload;
    if (fields.childRunId !== undefined) step.childRunId = fields.childRunId;
    if (fields.input !== undefined) step.input = fields.input;
    if (fields.bumpResumes) step.resumes += 1;
    if (fields.clearDispatch) {
      step.dispatchedAt = null;
      step.queuedAt = at;
      step.availableAt = at;
    }
    if (!this.newSteps.has(id)) this.dirtySteps.add(id);
    return true;
  }

  override async supersede(ids: string[]): Promise<void> {
    const unknown = ids.filter((id) => !this.steps.has(id));
    for (const id of ids) {
      const step = this.steps.get(id);
      if (!step) continue;
      step.superseded = true;
      if (!this.newSteps.has(id)) this.dirtySteps.add(id);
    }
    if (unknown.length > 0) {
      await this.flush();
      await super.supersede(unknown);
    }
  }

  override async insertEvents(events: NewRunEvent[]): Promise<void> {
    this.events.push(...events);
  }

  override async runStatus(runId: string): Promise<{ status: string; outputs: unknown; error: ErrorInfo | null } | undefined> {
    const run = this.runs.get(runId);
    if (run) return { status: run.status, outputs: run.outputs, error: run.error };
    await this.flush();
    return super.runStatus(runId);
  }

  override async findWaitingStep(runId: string, signal: string): Promise<StepExecutionRow | undefined> {
    if (this.runs.has(runId)) {
      const step = [...this.steps.values()].find((candidate) => candidate.runId === runId && candidate.waitSignal === signal
        && candidate.status === 'waiting' && !candidate.superseded);
      return step ? { ...step } : undefined;
    }
    await this.flush();
    return super.findWaitingStep(runId, signal);
  }

  override async maxAttempts(runId: string): Promise<Map<string, number>> {
    await this.flush();
    return super.maxAttempts(runId);
  }

  override async cancelOpenSteps(runId: string, at: Date): Promise<StepExecutionRow[]> {
    await this.flush();
    return super.cancelOpenSteps(runId, at);
  }

  override async countRetry(runId: string): Promise<void> {
    await this.flush();
    return super.countRetry(runId);
  }

  override async findRunByIdempotencyKey(key: string): Promise<RunRow | undefined> {
    await this.flush();
    return super.findRunByIdempotencyKey(key);
  }

  override async insertRun(...args: Parameters<RunTransaction['insertRun']>): Promise<boolean> {
    await this.flush();
    return super.insertRun(...args);
  }

  /**
   * Writes everything buffered in one statement: new steps, changed steps, changed runs and the events
   * (in the order they were logged). The parts touch different rows, so they cannot see or clash with
   * one another. Events are written here rather than by RunTransaction.insertEvents, so their runs are
   * noted as changed here too.
   */
  async flush(): Promise<void> {
    const fresh = [...this.newSteps].map((id) => toColumns(this.steps.get(id) as StepExecutionRow));
    // Sorted, so concurrent writers lock rows in the same order.
    const changed = [...this.dirtySteps].sort().map((id) => toColumns(this.steps.get(id) as StepExecutionRow));
    const runs = [...this.dirtyRuns].map(([id, at]) => {
      const run = this.runs.get(id) as RunRow;
      return { id: run.id, status: run.status, outputs: run.outputs, error: run.error, finished_at: run.finishedAt, updated_at: at };
    });
    const events = this.events.map((event) => ({
      run_id: event.runId, step_execution_id: event.stepExecutionId ?? null, step_id: event.stepId ?? null,
      item_index: event.itemIndex === undefined ? null : event.itemIndex, attempt: event.attempt ?? null, type: event.type,
      actor: event.actor, at: event.at, data: event.data ?? null,
    }));
    for (const event of this.events) this.changedRunIds.add(event.runId);
    this.newSteps.clear();
    this.dirtySteps.clear();
    this.dirtyRuns.clear();
    this.events = [];
    if (fresh.length + changed.length + runs.length + events.length === 0) return;
    await this.sql(FLUSH, [JSON.stringify(fresh), JSON.stringify(changed), JSON.stringify(runs), JSON.stringify(events),
      changed.map((step) => step['id']), runs.map((run) => run.id)], 'conveyor_buffered_flush');
  }
}

const LOCK_RUNS = `SELECT ${RUN_COLUMNS} FROM runs WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`;
const LOAD_STEPS = `SELECT ${STEP_EXECUTION_COLUMNS} FROM step_executions WHERE run_id = ANY($1::uuid[]) AND NOT superseded`;

const MUTABLE_STEP_COLUMNS = ['status', 'input', 'outputs', 'error', 'error_handled', 'superseded', 'wait_signal', 'wait_until', 'wait_state',
  'resume_payload', 'resumes', 'timeout_at', 'available_at', 'queued_at', 'started_at', 'finished_at', 'dispatched_at', 'child_run_id'];

// The id arrays repeat what the JSON holds so that the updates find their rows by primary key: a named
// statement keeps the plan it got first, maybe when the tables were nearly empty.
const FLUSH = `
  WITH fresh AS (
    INSERT INTO step_executions (${STEP_EXECUTION_COLUMNS})
    SELECT ${STEP_EXECUTION_COLUMNS} FROM jsonb_populate_recordset(NULL::step_executions, $1::jsonb)
  ), changed AS (
    UPDATE step_executions s SET ${MUTABLE_STEP_COLUMNS.map((column) => `${column} = v.${column}`).join(', ')}
    FROM jsonb_populate_recordset(NULL::step_executions, $2::jsonb) v WHERE s.id = v.id AND s.id = ANY($5::uuid[])
  ), changed_runs AS (
    UPDATE runs r SET status = v.status, outputs = v.outputs, error = v.error, finished_at = v.finished_at, updated_at = v.updated_at
    FROM jsonb_populate_recordset(NULL::runs, $3::jsonb) v WHERE r.id = v.id AND r.id = ANY($6::uuid[])
  ), logged AS (
    INSERT INTO run_events (run_id, step_execution_id, step_id, item_index, attempt, type, actor, at, data)
    SELECT e.run_id, e.step_execution_id, e.step_id, e.item_index, e.attempt, e.type, e.actor, e.at, e.data
    FROM jsonb_populate_recordset(NULL::run_events, $4::jsonb) WITH ORDINALITY AS e ORDER BY e.ordinality
  )
  SELECT 1`;

function toColumns(step: StepExecutionRow): Record<string, unknown> {
  return {
    id: step.id, run_id: step.runId, step_id: step.stepId, item_index: step.itemIndex ?? -1, attempt: step.attempt, attempt_base: step.attemptBase,
    status: step.status, input: step.input ?? null, outputs: step.outputs ?? null, error: step.error ?? null, item: step.item ?? null,
    item_count: step.itemCount, error_handled: step.errorHandled, skip_reason: step.skipReason, superseded: step.superseded,
    wait_signal: step.waitSignal, wait_until: step.waitUntil, wait_state: step.waitState ?? null, resume_payload: step.resumePayload ?? null,
    resumes: step.resumes, timeout_ms: step.timeoutMs, timeout_at: step.timeoutAt, available_at: step.availableAt, queued_at: step.queuedAt,
    started_at: step.startedAt, finished_at: step.finishedAt, dispatched_at: step.dispatchedAt, child_run_id: step.childRunId,
  };
}
