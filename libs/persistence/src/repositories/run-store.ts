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

/** Reads of runs for the API, and the entry point to run transactions. */
export class RunStore {
  private readonly sql: Sql;

  constructor(private readonly dataSource: DataSource) {
    this.sql = plainSql(dataSource);
  }

  transaction<T>(work: (tx: RunTransaction) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, (sql) => work(new RunTransaction(sql)));
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

  claimSteps(requests: ClaimRequest[], claim: { at: Date; workerId: string; actor: string; defaultTimeoutMs: number }): Promise<Map<string, ClaimedStep>> {
    return claimSteps(this.sql, requests, claim);
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
   * Outbox: the jobs are in Redis now. Rows a worker is claiming right now are skipped rather than waited
   * for (waiting, with both sides locking many rows, deadlocks): a claimed row is running, which the
   * outbox sweep never re-sends anyway.
   */
  async markDispatched(stepExecutionIds: string[], at: Date): Promise<void> {
    if (stepExecutionIds.length === 0) return;
    await this.sql(
      `WITH unmarked AS (
         SELECT id FROM step_executions WHERE id = ANY($1::uuid[]) AND dispatched_at IS NULL ORDER BY id FOR UPDATE SKIP LOCKED
       )
       UPDATE step_executions s SET dispatched_at = $2 FROM unmarked WHERE s.id = unmarked.id`,
      [stepExecutionIds, at],
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
