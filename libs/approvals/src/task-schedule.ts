import { addBusinessDuration } from './business-calendar';
import type { Task, TaskPolicy } from './task.model';

/** When the task reminds, escalates, times out and is due, all counted from one moment (its creation). */
export interface TaskSchedule {
  remindAt?: Date;
  escalateAt?: Date;
  timeoutAt?: Date;
  dueAt?: Date;
}

export function scheduleFrom(createdAt: Date, policy: TaskPolicy): TaskSchedule {
  const at = (duration: string | number | undefined) => (duration === undefined ? undefined : addBusinessDuration(createdAt, duration, policy));
  const timeoutAt = at(policy.timeout);
  return {
    remindAt: at(policy.remindAfter),
    escalateAt: policy.escalateTo ? at(policy.escalateAfter) : undefined,
    timeoutAt,
    dueAt: at(policy.dueAfter) ?? timeoutAt,
  };
}

/**
 * The next moment the scheduler has timer work for the task: a reminder not yet sent, an escalation not yet
 * done (both only while approvers have it), or the final timeout (also while it is back with the uploader).
 */
export function nextTimerAt(task: Pick<Task, 'status' | 'remindAt' | 'remindedAt' | 'escalateAt' | 'escalationLevel' | 'timeoutAt'>): Date | undefined {
  const candidates: (Date | undefined)[] = [];
  if (task.status === 'open') {
    if (!task.remindedAt) candidates.push(task.remindAt);
    if (task.escalationLevel === 0) candidates.push(task.escalateAt);
  }
  if (task.status === 'open' || task.status === 'changes-requested') candidates.push(task.timeoutAt);
  const times = candidates.filter((date): date is Date => date !== undefined).map((date) => date.getTime());
  return times.length > 0 ? new Date(Math.min(...times)) : undefined;
}
