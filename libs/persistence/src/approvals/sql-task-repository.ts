import type { Task, TaskEvent, TaskListQuery, TaskRepository, TaskTransaction } from '@conveyor/approvals';
import type { DataSource } from 'typeorm';
import type { Sql } from '../repositories/sql';
import { inTransaction, plainSql } from '../repositories/transaction-runner';
import { isUuid, SqlTaskTransaction, tasksFrom } from './sql-task-transaction';
import { principalAudience, TASK_COLUMNS, toTaskEvent } from './task.row';

/**
 * Approval tasks in PostgreSQL (or PGlite). Changes go through `transaction`, which hands out row-locked
 * tasks; reads outside a transaction are plain queries. The Sql of the transaction is its `handle`, which
 * the audit recorder writes through, so a decision and its audit record commit together.
 */
export class SqlTaskRepository implements TaskRepository {
  private readonly sql: Sql;

  constructor(private readonly dataSource: DataSource) {
    this.sql = plainSql(dataSource);
  }

  transaction<T>(work: (tx: TaskTransaction) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, (sql) => work(new SqlTaskTransaction(sql)));
  }

  async find(taskId: string): Promise<Task | undefined> {
    if (!isUuid(taskId)) return undefined;
    return (await tasksFrom(this.sql, await this.sql(`SELECT ${TASK_COLUMNS} FROM tasks WHERE id = $1`, [taskId])))[0];
  }

  async findByStepExecution(stepExecutionId: string): Promise<Task | undefined> {
    const rows = await this.sql(`SELECT ${TASK_COLUMNS} FROM tasks WHERE step_execution_id = $1`, [stepExecutionId]);
    return (await tasksFrom(this.sql, rows))[0];
  }

  async list(query: TaskListQuery): Promise<Task[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (query.viewer !== 'all') {
      const me = param(query.viewer.id);
      // Assigned (by name, role or group), sent back to me for changes, or decided by me.
      where.push(`(audience && ${param(principalAudience(query.viewer))}::text[]
        OR (status = 'changes-requested' AND changes_requested_from = ${me})
        OR EXISTS (SELECT 1 FROM task_decisions d WHERE d.task_id = tasks.id AND d.actor = ${me}))`);
    }
    if (query.status && query.status.length > 0) where.push(`status = ANY(${param(query.status)}::text[])`);
    if (query.workflowId !== undefined) where.push(`workflow_id = ${param(query.workflowId)}`);
    if (query.runId !== undefined) where.push(isUuid(query.runId) ? `run_id = ${param(query.runId)}::uuid` : 'false');
    if (query.amountMin !== undefined) where.push(`amount >= ${param(query.amountMin)}::numeric`);
    if (query.amountMax !== undefined) where.push(`amount <= ${param(query.amountMax)}::numeric`);
    if (query.dueBefore !== undefined) where.push(`due_at < ${param(query.dueBefore)}::timestamptz`);
    if (query.after) where.push(`(created_at, id) > (${param(query.after.createdAt)}::timestamptz, ${param(query.after.id)}::uuid)`);
    const rows = await this.sql(
      `SELECT ${TASK_COLUMNS} FROM tasks ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at, id LIMIT ${param(query.limit + 1)}`,
      params,
    );
    return tasksFrom(this.sql, rows);
  }

  async history(taskId: string): Promise<TaskEvent[]> {
    if (!isUuid(taskId)) return [];
    const rows = await this.sql(`SELECT task_id, type, actor, at, details FROM task_events WHERE task_id = $1 ORDER BY id`, [taskId]);
    return rows.map(toTaskEvent);
  }

  async dueTaskIds(now: Date, limit: number): Promise<string[]> {
    const rows = await this.sql<{ id: string }>(
      `SELECT id FROM tasks WHERE next_due_at IS NOT NULL AND next_due_at <= $1 ORDER BY next_due_at, id LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => String(row.id));
  }
}
