import type { OpenedTask, OpenTaskRequest } from './task-opening';
import type { Decision, Task, TaskEvent, TaskStatus } from './task.model';

/**
 * What ApprovalService needs from the outside world. The SQL TaskRepository lives in @conveyor/persistence;
 * audit, signalling and notification belong to other components and are wired by the platform.
 */

/** Row-locked access to tasks inside one database transaction. */
export interface TaskTransaction {
  /** The underlying transaction (for SQL: its Sql), handed to AuditRecorder.record so both commit together. */
  readonly handle: unknown;
  /** The task with its decisions, locked until commit; undefined when there is none (or, with skipLocked, another holds it). */
  lock(taskId: string, options?: { skipLocked?: boolean }): Promise<Task | undefined>;
  /** The task opened for a step execution (its idempotency key), locked. */
  lockByStepExecution(stepExecutionId: string): Promise<Task | undefined>;
  /** Inserts a new task; false when one exists for its step execution already (a concurrent open). */
  insert(task: Task): Promise<boolean>;
  /** Writes every mutable field of the task; the stored version must be `task.version - 1`. */
  update(task: Task): Promise<void>;
  insertDecision(decision: Decision): Promise<void>;
  appendEvents(events: TaskEvent[]): Promise<void>;
  /** The tasks of a run that are not final yet, locked. */
  lockUnfinishedOfRun(runId: string): Promise<Task[]>;
}

/** The inbox query. `viewer` 'all' is for the read-all roles; otherwise only visible tasks are listed. */
export interface TaskListQuery {
  viewer: { id: string; roles: readonly string[]; groups: readonly string[] } | 'all';
  status?: TaskStatus[];
  workflowId?: string;
  runId?: string;
  /** Inclusive bounds on the amount, as exact decimal text. */
  amountMin?: string;
  amountMax?: string;
  /** Tasks due strictly before this moment. */
  dueBefore?: Date;
  limit: number;
  /** Tasks after this one in (createdAt, id) order. */
  after?: { createdAt: Date; id: string };
}

export interface TaskRepository {
  transaction<T>(work: (tx: TaskTransaction) => Promise<T>): Promise<T>;
  find(taskId: string): Promise<Task | undefined>;
  findByStepExecution(stepExecutionId: string): Promise<Task | undefined>;
  /** Oldest first, at most `limit + 1` rows so the caller can tell whether there is a next page. */
  list(query: TaskListQuery): Promise<Task[]>;
  history(taskId: string): Promise<TaskEvent[]>;
  /** Ids of tasks with scheduler work due at `now` (timers, undelivered outcomes), soonest first. */
  dueTaskIds(now: Date, limit: number): Promise<string[]>;
}

/** The audit trail's entry and recorder; `transaction` is TaskTransaction.handle, so a record commits with its change. */
export type { AuditEntry as AuditEntryInput, AuditRecorder } from '@conveyor/audit';

/** Wakes the waiting approval step (the runtime's SignalService fits this). */
export interface RunSignaler {
  signal(runId: string, signal: string, payload: unknown, actor: { id: string }): Promise<{ resumed: boolean } | void>;
}

/** Tells people about tasks (email comes later). Called after commit; a failure never undoes the change. */
export interface TaskNotifier {
  /** The task has (new) people to act: its assignees or delegate, or the uploader it was sent back to. */
  assigned(task: Task): Promise<void>;
  remind(task: Task): Promise<void>;
  escalated(task: Task): Promise<void>;
}

/** The port the approval step opens its task through (ApprovalService implements it). */
export interface ApprovalTaskGateway {
  /** Idempotent per request.idempotencyKey; reopenCancelled asks a task cancelled with its run again (a run retry). */
  openTask(request: OpenTaskRequest, options?: { reopenCancelled?: boolean }): Promise<OpenedTask>;
}

/** The signal an approval step waits on. */
export function taskSignal(taskId: string): string {
  return `task:${taskId}`;
}
