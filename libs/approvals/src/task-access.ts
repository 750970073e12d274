import { DomainError } from '@conveyor/kernel';
import { currentRoundDecisions, type Task, type TaskPrincipal } from './task.model';

/** Which roles see every task (read only) and which may also release or delegate tasks of others. */
export interface TaskAccessOptions {
  readAllRoles: readonly string[];
  superviseRoles: readonly string[];
}

export const DEFAULT_TASK_ACCESS: TaskAccessOptions = { readAllRoles: ['admin', 'auditor'], superviseRoles: ['admin'] };

export type BlockReason = 'not-assigned' | 'segregation-of-duties' | 'already-decided' | 'claimed-by-another' | 'not-open';

export interface TaskPermissions {
  canDecide: boolean;
  canClaim: boolean;
  canRelease: boolean;
  canDelegate: boolean;
  canResubmit: boolean;
  /** Why the principal may not decide (absent when they may). */
  blockedBy?: BlockReason;
}

const hasAny = (held: readonly string[], wanted: readonly string[]) => wanted.some((name) => held.includes(name));

/** Assigned by name, by one of their roles or by one of their groups (escalation and delegation add to these). */
export function isAssigned(task: Task, principal: TaskPrincipal): boolean {
  return task.assignees.users.includes(principal.id) || hasAny(principal.roles, task.assignees.roles) || hasAny(principal.groups, task.assignees.groups);
}

/** Segregation of duties: whoever started the run or uploaded the document may not decide it. */
export function isSegregated(task: Task, actorId: string): boolean {
  return task.policy.segregationOfDuties && (actorId === task.startedBy || actorId === task.uploadedBy);
}

/**
 * A task is visible to its assignees, to whoever must resubmit it, to whoever decided it, and (read only)
 * to the read-all roles. Everyone else is told it does not exist.
 */
export function canSee(task: Task, principal: TaskPrincipal, options: TaskAccessOptions = DEFAULT_TASK_ACCESS): boolean {
  return (
    isAssigned(task, principal) ||
    task.changesRequestedFrom === principal.id ||
    task.decisions.some((decision) => decision.actor === principal.id) ||
    hasAny(principal.roles, options.readAllRoles)
  );
}

/** Why the principal may not decide the task now, most fundamental reason first. */
export function decisionBlock(task: Task, principal: TaskPrincipal): BlockReason | undefined {
  if (task.status !== 'open') return 'not-open';
  if (!isAssigned(task, principal)) return 'not-assigned';
  if (isSegregated(task, principal.id)) return 'segregation-of-duties';
  if (currentRoundDecisions(task).some((decision) => decision.actor === principal.id)) return 'already-decided';
  if (task.claimedBy !== undefined && task.claimedBy !== principal.id) return 'claimed-by-another';
  return undefined;
}

export function isSupervisor(principal: TaskPrincipal, options: TaskAccessOptions): boolean {
  return hasAny(principal.roles, options.superviseRoles);
}

export function permissionsOf(task: Task, principal: TaskPrincipal, options: TaskAccessOptions = DEFAULT_TASK_ACCESS): TaskPermissions {
  const blockedBy = decisionBlock(task, principal);
  const supervisor = isSupervisor(principal, options) && task.status === 'open';
  return {
    canDecide: blockedBy === undefined,
    canClaim: blockedBy === undefined && task.claimedBy === undefined,
    canRelease: task.status === 'open' && task.claimedBy !== undefined && (task.claimedBy === principal.id || supervisor),
    canDelegate: blockedBy === undefined || supervisor,
    canResubmit: task.status === 'changes-requested' && task.changesRequestedFrom === principal.id,
    ...(blockedBy ? { blockedBy } : {}),
  };
}

/** The error for a principal who may not act on a task: not found when they cannot see it, else why not. */
export function refusal(task: Task, principal: TaskPrincipal, reason: BlockReason, options: TaskAccessOptions): DomainError {
  if (!canSee(task, principal, options)) return taskNotFound(task.id);
  const details = { taskId: task.id, reason, status: task.status };
  switch (reason) {
    case 'not-open':
      return new DomainError('TASK_CONFLICT', `Task ${task.id} is ${task.status}, not open`, details);
    case 'not-assigned':
      return new DomainError('FORBIDDEN', `Task ${task.id} is not assigned to you`, details);
    case 'segregation-of-duties':
      return new DomainError('FORBIDDEN', `You started this run or uploaded its document, so you may not decide task ${task.id} (segregation of duties)`, details);
    case 'already-decided':
      return new DomainError('TASK_CONFLICT', `You have already decided task ${task.id}; another approver must decide now`, details);
    case 'claimed-by-another':
      return new DomainError('TASK_CONFLICT', `Task ${task.id} is claimed by ${task.claimedBy}`, { ...details, claimedBy: task.claimedBy });
  }
}

export function taskNotFound(taskId: string): DomainError {
  return new DomainError('TASK_NOT_FOUND', `There is no task "${taskId}"`, { taskId });
}
