import { nextTimerAt } from './task-schedule';
import { isFinal, type Decision, type Task, type TaskEvent, type TaskEventType } from './task.model';

/** Something to do once the change is committed: tell people, or wake the waiting step. */
export type TaskEffect = 'assigned' | 'escalated' | 'remind' | 'signal';

/** The result of one rule: the task's new state, the history lines to append, and what follows after commit. */
export interface TaskChange {
  task: Task;
  events: TaskEvent[];
  /** A decision to store (one per person and round). */
  decision?: Decision;
  effects: TaskEffect[];
}

/** After a final outcome, the step is woken right after commit; the scheduler retries from this much later. */
export const SIGNAL_GRACE_MS = 30_000;

/**
 * The task after a change at `now`: version + 1, timestamps, and the next moment the scheduler must look at
 * it (timers while it is open or back with the uploader; the undelivered outcome once it is final).
 * A field patched to undefined is removed.
 */
export function changed(task: Task, now: Date, patch: Partial<Task>): Task {
  const next: Task = withoutUndefined({ ...task, ...patch, version: task.version + 1, updatedAt: now });
  if (!isFinal(next.status)) return withoutUndefined({ ...next, nextDueAt: nextTimerAt(next) });
  if (!isFinal(task.status) && next.status !== 'cancelled') return { ...next, nextDueAt: new Date(now.getTime() + SIGNAL_GRACE_MS) };
  return next;
}

export function event(task: Task, type: TaskEventType, actor: string, at: Date, details: Record<string, unknown> = {}): TaskEvent {
  return { taskId: task.id, type, actor, at, details };
}

/** Removes undefined fields so that optional values really are absent (JSON and equality checks agree). */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
