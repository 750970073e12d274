import type { DataSource } from 'typeorm';
import { RunTransaction } from './run-transaction';
import { inTransaction, plainSql } from './transaction-runner';
import { RUN_COLUMNS, toRunRow, type RunEventRow, type RunRow } from './run.row';
import { STEP_EXECUTION_COLUMNS, toStepExecutionRow, type StepExecutionRow } from './step-execution.row';
import type { Sql } from './sql';
import { claimSteps, type ClaimedStep, type ClaimRequest } from './step-claim';

export interface RunListQuery {
  workflowId?: string;
  status?: string;
  limit: number;
  /** (created_at, id) of the last item of the previous page. */
  after?: { createdAt: string; id: string };
}

/** Told which runs changed, after the change is committed (so whoever reads them then sees it). */
export type RunChangeListener = (runIds: string[]) => void;

/** Reads of runs for the API, and the entry point to run transactions. */
export class RunStore {
  private readonly sql: Sql;
  private changeListener?: RunChangeListener;

  constructor(private readonly dataSource: DataSource) {
    this.sql = plainSql(dataSource);
  }

  /**
   * Every change of a run's or a step's state logs a run event; the runs a committed transaction logged
   * events for (and the runs whose steps a claim started) are passed to `listener`.
   */
  onRunsChanged(listener: RunChangeListener): void {
    this.changeListener = listener;
  }

  /** For transactions not opened here (a cron trigger's): announces the runs `tx` changed, after its commit. */
  announceChanges(tx: RunTransaction): void {
    if (tx.changedRunIds.size > 0) this.changeListener?.([...tx.changedRunIds]);
  }

  async transaction<T>(work: (tx: RunTransaction) => Promise<T>): Promise<T> {
    // A retried transaction starts over with a fresh RunTransaction: only the attempt that committed counts.
    let committed: RunTransaction | undefined;
    const result = await inTransaction(this.dataSource, (sql) => work((committed = new RunTransaction(sql))));
    if (committed) this.announceChanges(committed);
    return result;
  }

  async getRun(runId: string): Promise<RunRow | undefined> {
    const rows = await this.sql(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = $1`, [runId]);
    return rows[0] ? toRunRow(rows[0]) : undefined;
  }

  /** Every attempt of every step, oldest first (the history a person reads). */
  async getRunSteps(runId: string): Promise<StepExecutionRow[]> {
    const rows = await this.sql(
      `SELECT ${STEP_EXECUTION_COLUMNS} FROM step_executions WHERE run_id = $1 ORDER BY queued_at, step_id, item_index, attempt`,
      [runId],
    );
    return rows.map(toStepExecutionRow);
  }

  /** Many runs with every attempt of their steps, in two statements (live views read what changed in batches). */
  async getRunsWithSteps(runIds: string[]): Promise<{ run: RunRow; steps: StepExecutionRow[] }[]> {
    if (runIds.length === 0) return [];
    const [runs, steps] = await Promise.all([
      this.sql(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ANY($1::uuid[])`, [runIds]),
      this.sql(`SELECT ${STEP_EXECUTION_COLUMNS} FROM step_executions WHERE run_id = ANY($1::uuid[]) ORDER BY queued_at, step_id, item_index, attempt`, [runIds]),
    ]);
    const byRun = new Map<string, StepExecutionRow[]>();
    for (const raw of steps) {
      const step = toStepExecutionRow(raw);
      byRun.set(step.runId, [...(byRun.get(step.runId) ?? []), step]);
    }
    return runs.map(toRunRow).map((run) => ({ run, steps: byRun.get(run.id) ?? [] }));
  }

  async claimSteps(requests: ClaimRequest[], claim: { at: Date; workerId: string; actor: string; defaultTimeoutMs: number }): Promise<Map<string, ClaimedStep>> {
    const claimed = await claimSteps(this.sql, requests, claim);
    if (claimed.size > 0) this.changeListener?.([...new Set([...claimed.values()].map((entry) => entry.run.id))]);
    return claimed;
  }

  /** The newest run of each document (runs started for it carry inputs.documentId): document id → run id. */
  async newestRunIdsByDocument(documentIds: string[]): Promise<Map<string, string>> {
    if (documentIds.length === 0) return new Map();
    const rows = await this.sql<{ id: string; document_id: string }>(
      `SELECT DISTINCT ON (inputs->>'documentId') id, inputs->>'documentId' AS document_id FROM runs
       WHERE inputs->>'documentId' = ANY($1::text[]) ORDER BY inputs->>'documentId', created_at DESC, id DESC`,
      [documentIds],
    );
    return new Map(rows.map((row) => [row.document_id, row.id]));
  }

  async getRunEvents(runId: string): Promise<RunEventRow[]> {
    const rows = await this.sql<Record<string, unknown>>(
      `SELECT id, run_id, step_execution_id, step_id, item_index, attempt, type, actor, at, data FROM run_events WHERE run_id = $1 ORDER BY id`,
      [runId],
    );
    return rows.map((row) => ({
      id: String(row['id']),
      runId: String(row['run_id']),
      stepExecutionId: (row['step_execution_id'] as string | null) ?? null,
      stepId: (row['step_id'] as string | null) ?? null,
      itemIndex: row['item_index'] === null ? null : Number(row['item_index']),
      attempt: row['attempt'] === null ? null : Number(row['attempt']),
      type: String(row['type']),
      actor: String(row['actor']),
      at: row['at'] instanceof Date ? (row['at'] as Date) : new Date(String(row['at'])),
      data: (row['data'] as Record<string, unknown> | null) ?? null,
    }));
  }

  async listRuns(query: RunListQuery): Promise<RunRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.workflowId) {
      params.push(query.workflowId);
      where.push(`workflow_id = $${params.length}`);
    }
    if (query.status) {
      params.push(query.status);
      where.push(`status = $${params.length}`);
    }
    if (query.after) {
      params.push(query.after.createdAt, query.after.id);
      where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(query.limit);
    const rows = await this.sql(
      `SELECT ${RUN_COLUMNS} FROM runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toRunRow);
  }

  /**
   * Outbox: the jobs are in Redis now. Only rows still queued need it: a worker that claimed a step
   * recorded it as dispatched itself, and the outbox sweep only re-sends queued rows. Rows a worker
   * is claiming right now are skipped rather than waited for (waiting, with both sides locking many rows,
   * deadlocks): a claimed row is running, which the outbox sweep never re-sends anyway.
   */
  async markDispatched(stepExecutionIds: string[], at: Date): Promise<void> {
    if (stepExecutionIds.length === 0) return;
    await this.sql(
      `WITH unmarked AS (
         SELECT id FROM step_executions WHERE id = ANY($1::uuid[]) AND dispatched_at IS NULL AND status = 'queued' ORDER BY id FOR UPDATE SKIP LOCKED
       )
       UPDATE step_executions s SET dispatched_at = $2 FROM unmarked WHERE s.id = unmarked.id`,
      [stepExecutionIds, at],
      'conveyor_mark_dispatched',
    );
  }

  /** Outbox sweep: queued step executions whose job may never have reached Redis (a crash between commit and enqueue). */
  async findUndispatched(queuedBefore: Date, limit: number): Promise<StepExecutionRow[]> {
    const rows = await this.sql(
      `SELECT ${STEP_EXECUTION_COLUMNS} FROM step_executions
       WHERE status = 'queued' AND dispatched_at IS NULL AND NOT superseded AND queued_at < $1 ORDER BY queued_at LIMIT $2`,
      [queuedBefore, limit],
    );
    return rows.map(toStepExecutionRow);
  }

  /** Queued or running executions dispatched long ago: their job may have been lost with Redis. */
  async findStaleDispatched(dispatchedBefore: Date, limit: number): Promise<StepExecutionRow[]> {
    const rows = await this.sql(
      `SELECT ${STEP_EXECUTION_COLUMNS} FROM step_executions
       WHERE status IN ('queued', 'running') AND NOT superseded AND dispatched_at < $1 ORDER BY dispatched_at LIMIT $2`,
      [dispatchedBefore, limit],
    );
    return rows.map(toStepExecutionRow);
  }

  async findDueTimers(now: Date, limit: number): Promise<StepExecutionRow[]> {
    const rows = await this.sql(
      `SELECT ${STEP_EXECUTION_COLUMNS} FROM step_executions
       WHERE status = 'waiting' AND NOT superseded AND wait_until <= $1 ORDER BY wait_until LIMIT $2`,
      [now, limit],
    );
    return rows.map(toStepExecutionRow);
  }

  async findExpiredTimeouts(now: Date, limit: number): Promise<StepExecutionRow[]> {
    const rows = await this.sql(
      `SELECT ${STEP_EXECUTION_COLUMNS} FROM step_executions
       WHERE status = 'running' AND NOT superseded AND timeout_at <= $1 ORDER BY timeout_at LIMIT $2`,
      [now, limit],
    );
    return rows.map(toStepExecutionRow);
  }

  /** Runs of workflows with a `timeout` that are still going past their deadline. */
  async findOverdueRuns(now: Date, limit: number): Promise<RunRow[]> {
    const rows = await this.sql(
      `SELECT ${RUN_COLUMNS} FROM runs WHERE status IN ('queued', 'running', 'waiting') AND deadline_at <= $1 ORDER BY deadline_at LIMIT $2`,
      [now, limit],
    );
    return rows.map(toRunRow);
  }

  async findActiveChildren(runId: string): Promise<RunRow[]> {
    const rows = await this.sql(
      `SELECT ${RUN_COLUMNS} FROM runs WHERE parent_run_id = $1 AND status NOT IN ('succeeded', 'failed', 'cancelled')`,
      [runId],
    );
    return rows.map(toRunRow);
  }

  async ping(): Promise<void> {
    await this.sql('SELECT 1');
  }
}
