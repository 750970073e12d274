import type { Decision, Task, TaskEvent, TaskTransaction } from '@conveyor/approvals';
import { DomainError } from '@conveyor/kernel';
import { json, type Sql } from '../repositories/sql';
import { DECISION_COLUMNS, IMMUTABLE_TASK_COLUMNS, TASK_COLUMNS, taskColumns, toDecision, toTask } from './task.row';

/** Loads the decisions of the given tasks, grouped by task, oldest first. */
export async function decisionsOf(sql: Sql, taskIds: string[]): Promise<Map<string, Decision[]>> {
  const byTask = new Map<string, Decision[]>(taskIds.map((id) => [id, []]));
  if (taskIds.length === 0) return byTask;
  const rows = await sql(`SELECT ${DECISION_COLUMNS} FROM task_decisions WHERE task_id = ANY($1::uuid[]) ORDER BY round, at, actor`, [taskIds]);
  for (const row of rows) byTask.get(String(row.task_id))?.push(toDecision(row));
  return byTask;
}

/** Maps task rows to tasks with their decisions (one extra query for all of them). */
export async function tasksFrom(sql: Sql, rows: Record<string, unknown>[]): Promise<Task[]> {
  const decisions = await decisionsOf(sql, rows.map((row) => String(row.id)));
  return rows.map((row) => toTask(row, decisions.get(String(row.id)) ?? []));
}

/** The task rows of one transaction, locked row by row (SELECT ... FOR UPDATE). */
export class SqlTaskTransaction implements TaskTransaction {
  constructor(readonly sql: Sql) {}

  get handle(): Sql {
    return this.sql;
  }

  async lock(taskId: string, options: { skipLocked?: boolean } = {}): Promise<Task | undefined> {
    if (!isUuid(taskId)) return undefined;
    const rows = await this.sql(`SELECT ${TASK_COLUMNS} FROM tasks WHERE id = $1 FOR UPDATE${options.skipLocked ? ' SKIP LOCKED' : ''}`, [taskId]);
    return (await tasksFrom(this.sql, rows))[0];
  }

  async lockByStepExecution(stepExecutionId: string): Promise<Task | undefined> {
    const rows = await this.sql(`SELECT ${TASK_COLUMNS} FROM tasks WHERE step_execution_id = $1 FOR UPDATE`, [stepExecutionId]);
    return (await tasksFrom(this.sql, rows))[0];
  }

  async insert(task: Task): Promise<boolean> {
    const columns = taskColumns(task);
    const rows = await this.sql(
      `INSERT INTO tasks (${columns.map(([column]) => column).join(', ')}) VALUES (${columns.map((_, index) => `$${index + 1}`).join(', ')})
       ON CONFLICT (step_execution_id) DO NOTHING RETURNING id`,
      columns.map(([, value]) => value),
    );
    return rows.length === 1;
  }

  async update(task: Task): Promise<void> {
    const columns = taskColumns(task).filter(([column]) => !IMMUTABLE_TASK_COLUMNS.includes(column));
    const assignments = columns.map(([column], index) => `${column} = $${index + 3}`).join(', ');
    const rows = await this.sql(`UPDATE tasks SET ${assignments} WHERE id = $1 AND version = $2 RETURNING id`, [
      task.id,
      task.version - 1,
      ...columns.map(([, value]) => value),
    ]);
    if (rows.length !== 1) {
      // Only possible when a caller wrote without holding the row lock: refuse rather than overwrite.
      throw new DomainError('TASK_CONFLICT', `Task ${task.id} was changed concurrently`, { taskId: task.id, version: task.version });
    }
  }

  async insertDecision(decision: Decision): Promise<void> {
    const rows = await this.sql(
      `INSERT INTO task_decisions (${DECISION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (task_id, round, actor) DO NOTHING RETURNING actor`,
      [decision.taskId, decision.round, decision.actor, decision.outcome, json(decision.data), decision.comment ?? null, decision.at],
    );
    if (rows.length !== 1) {
      throw new DomainError('TASK_CONFLICT', `${decision.actor} has already decided task ${decision.taskId}`, { taskId: decision.taskId });
    }
  }

  async appendEvents(events: TaskEvent[]): Promise<void> {
    if (events.length === 0) return;
    const params: unknown[] = [];
    const tuples = events.map((event) => {
      params.push(event.taskId, event.type, event.actor, event.at, json(event.details));
      const base = params.length - 5;
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5})`;
    });
    await this.sql(`INSERT INTO task_events (task_id, type, actor, at, details) VALUES ${tuples.join(', ')}`, params);
  }

  async lockUnfinishedOfRun(runId: string): Promise<Task[]> {
    if (!isUuid(runId)) return [];
    const rows = await this.sql(
      `SELECT ${TASK_COLUMNS} FROM tasks WHERE run_id = $1 AND status IN ('open', 'changes-requested') ORDER BY created_at, id FOR UPDATE`,
      [runId],
    );
    return tasksFrom(this.sql, rows);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs: anything but a UUID simply matches no task (instead of a database error). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
