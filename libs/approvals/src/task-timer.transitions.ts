import { changed, event, withoutUndefined, type TaskChange } from './task-change';
import { outputsOf } from './task-outputs';
import { isFinal, mergeAssignees, SYSTEM_ACTOR, type Task } from './task.model';

/** How long an outcome is offered again to a step that is not (yet) waiting for it before giving up. */
export const SIGNAL_RETRY_WINDOW_MS = 15 * 60_000;
const MAX_SIGNAL_BACKOFF_MS = 5 * 60_000;

const due = (at: Date | undefined, now: Date) => at !== undefined && at.getTime() <= now.getTime();

/**
 * What the scheduler does for a task at `now`, or undefined when nothing is due. The final timeout wins over
 * a reminder or escalation that is due at the same time (after downtime, say): nobody needs reminding of a
 * task that is over. An escalation and a reminder due together both happen.
 */
export function dueTransition(task: Task, now: Date): TaskChange | undefined {
  if (isFinal(task.status)) {
    return task.signalledAt === undefined && due(task.nextDueAt, now) && task.status !== 'cancelled'
      ? { task, events: [], effects: ['signal'] }
      : undefined;
  }
  if (due(task.timeoutAt, now)) return expire(task, now);
  if (task.status !== 'open') return undefined;
  const escalate = task.escalationLevel === 0 && task.policy.escalateTo !== undefined && due(task.escalateAt, now);
  const remind = task.remindedAt === undefined && due(task.remindAt, now);
  if (!escalate && !remind) return undefined;
  const patch: Partial<Task> = {};
  const change: TaskChange = { task, events: [], effects: [] };
  if (escalate) {
    patch.assignees = mergeAssignees(task.assignees, task.policy.escalateTo!);
    patch.escalationLevel = task.escalationLevel + 1;
    change.events.push(event(task, 'escalated', SYSTEM_ACTOR, now, { added: task.policy.escalateTo, after: task.policy.escalateAfter }));
    change.effects.push('escalated');
  }
  if (remind) {
    patch.remindedAt = now;
    change.events.push(event(task, 'reminded', SYSTEM_ACTOR, now, { after: task.policy.remindAfter }));
    change.effects.push('remind');
  }
  return { ...change, task: changed(task, now, patch) };
}

function expire(task: Task, now: Date): TaskChange {
  const outcome = task.policy.timeoutOutcome ?? 'reject';
  const comment = `No decision within ${String(task.policy.timeout)}: the step's timeout outcome "${outcome}" was taken`;
  const outputs = outputsOf(task, outcome, now, true, comment);
  const next = changed(task, now, { status: 'expired', outcome, outputs, decidedAt: now, claimedBy: undefined, changesRequestedFrom: undefined });
  return { task: next, events: [event(task, 'expired', SYSTEM_ACTOR, now, { outcome, timeout: task.policy.timeout, previousStatus: task.status })], effects: ['signal'] };
}

/** The run is over (cancelled, failed, timed out): its open task is withdrawn and nobody is woken. */
export function cancelTask(task: Task, actor: string, reason: string, now: Date): TaskChange | undefined {
  if (isFinal(task.status)) return undefined;
  const next = changed(task, now, { status: 'cancelled', nextDueAt: undefined, claimedBy: undefined, changesRequestedFrom: undefined });
  return { task: next, events: [event(task, 'cancelled', actor, now, { reason, previousStatus: task.status })], effects: [] };
}

/**
 * What happened when the waiting step was told the outcome. resumed true (or unknown): done. resumed false
 * (the step was not waiting, e.g. it is still being parked): offered again with backoff for a while, then
 * given up and recorded. A thrown error: retried with backoff unless it says retrying cannot help.
 */
export function signalResult(task: Task, now: Date, result: { resumed?: boolean; error?: { code: string; message: string; retryable: boolean } }): TaskChange | undefined {
  if (task.signalledAt !== undefined || !isFinal(task.status) || task.status === 'cancelled') return undefined;
  const attempts = task.signalAttempts + 1;
  const stillTrying = (task.decidedAt?.getTime() ?? now.getTime()) + SIGNAL_RETRY_WINDOW_MS > now.getTime();
  if (result.error) {
    if (result.error.retryable || stillTrying) return retryLater(task, now, attempts);
    return giveUp(task, now, attempts, { error: { code: result.error.code, message: result.error.message } });
  }
  if (result.resumed === false) return stillTrying ? retryLater(task, now, attempts) : giveUp(task, now, attempts, { reason: 'the step was not waiting' });
  const next = changed(task, now, { signalledAt: now, signalAttempts: attempts, nextDueAt: undefined });
  return { task: next, events: [event(task, 'signalled', SYSTEM_ACTOR, now, { attempts })], effects: [] };
}

function retryLater(task: Task, now: Date, attempts: number): TaskChange {
  const backoff = Math.min(MAX_SIGNAL_BACKOFF_MS, 1000 * 2 ** Math.min(attempts, 20));
  return { task: changed(task, now, { signalAttempts: attempts, nextDueAt: new Date(now.getTime() + backoff) }), events: [], effects: [] };
}

function giveUp(task: Task, now: Date, attempts: number, details: Record<string, unknown>): TaskChange {
  const next = changed(task, now, { signalledAt: now, signalAttempts: attempts, nextDueAt: undefined });
  return { task: next, events: [event(task, 'signal-undelivered', SYSTEM_ACTOR, now, withoutUndefined({ attempts, ...details }))], effects: [] };
}
