import { DomainError } from '@conveyor/kernel';
import { canSee, decisionBlock, isSegregated, isSupervisor, refusal, taskNotFound, type TaskAccessOptions } from './task-access';
import { changed, event, withoutUndefined, type TaskChange } from './task-change';
import { currentRoundDecisions, userActorId, type Task, type TaskPrincipal } from './task.model';

/**
 * Claiming marks "I am on it": while a task is claimed only the claimant decides it. Claiming a task one
 * already holds changes nothing (undefined).
 */
export function claimTask(task: Task, principal: TaskPrincipal, now: Date, options: TaskAccessOptions): TaskChange | undefined {
  if (task.status === 'open' && task.claimedBy === principal.id) return undefined;
  const blocked = decisionBlock(task, principal);
  if (blocked) throw refusal(task, principal, blocked, options);
  const next = changed(task, now, { claimedBy: principal.id });
  return { task: next, events: [event(task, 'claimed', principal.id, now)], effects: [] };
}

/** The claimant (or a supervisor, for someone who is away) gives the task back to all its assignees. */
export function releaseTask(task: Task, principal: TaskPrincipal, now: Date, options: TaskAccessOptions): TaskChange | undefined {
  if (!canSee(task, principal, options)) throw taskNotFound(task.id);
  if (task.status !== 'open') throw refusal(task, principal, 'not-open', options);
  if (task.claimedBy === undefined) return undefined;
  if (task.claimedBy !== principal.id && !isSupervisor(principal, options)) {
    throw new DomainError('FORBIDDEN', `Task ${task.id} is claimed by ${task.claimedBy}; only they or an admin may release it`, {
      taskId: task.id,
      claimedBy: task.claimedBy,
    });
  }
  const next = changed(task, now, { claimedBy: undefined });
  return { task: next, events: [event(task, 'released', principal.id, now, { claimedBy: task.claimedBy })], effects: [] };
}

/**
 * Hands the task to one named user: they are added to the assignees and hold the claim. Whoever may decide
 * it may delegate it, and so may a supervisor; never to someone segregation of duties keeps out.
 */
export function delegateTask(task: Task, principal: TaskPrincipal, toUser: string, now: Date, options: TaskAccessOptions, comment?: string): TaskChange {
  const blocked = decisionBlock(task, principal);
  const supervising = isSupervisor(principal, options) && task.status === 'open';
  if (blocked && !supervising) throw refusal(task, principal, blocked, options);
  const delegate = userActorId(toUser.trim());
  if (delegate === principal.id) throw new DomainError('DELEGATION_INVALID', 'You cannot delegate a task to yourself', { taskId: task.id });
  if (isSegregated(task, delegate)) {
    throw new DomainError('FORBIDDEN', `${delegate} started this run or uploaded its document and may not decide it (segregation of duties)`, {
      taskId: task.id,
      reason: 'segregation-of-duties',
      delegate,
    });
  }
  if (currentRoundDecisions(task).some((decision) => decision.actor === delegate)) {
    throw new DomainError('DELEGATION_INVALID', `${delegate} has already decided task ${task.id}`, { taskId: task.id, delegate });
  }
  const users = task.assignees.users.includes(delegate) ? task.assignees.users : [...task.assignees.users, delegate];
  const next = changed(task, now, { assignees: { ...task.assignees, users }, claimedBy: delegate });
  const details = withoutUndefined({ from: principal.id, to: delegate, comment: comment?.trim() || undefined });
  return { task: next, events: [event(task, 'delegated', principal.id, now, details)], effects: ['assigned'] };
}
