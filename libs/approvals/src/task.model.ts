/**
 * The approval task: what a person is asked to decide, who may decide it, and everything that happened
 * to it. Plain data; the rules that change it live in the *.transitions.ts files and never touch I/O.
 */

export const OUTCOMES = ['approve', 'reject', 'request-changes'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * open → decided | expired | cancelled; open → changes-requested (back to the starter/uploader) → open again
 * (a new round) when they resubmit.
 */
export const TASK_STATUSES = ['open', 'changes-requested', 'decided', 'expired', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const FINAL_TASK_STATUSES: readonly TaskStatus[] = ['decided', 'expired', 'cancelled'];

/** Who a task is assigned to. `users` holds actor ids ('user:<uuid>'); roles and groups are names. */
export interface Assignees {
  users: string[];
  roles: string[];
  groups: string[];
}

/** The declarations of the step that the task keeps for its whole life. */
export interface TaskPolicy {
  outcomes: Outcome[];
  /** The run's starter and the document's uploader may not decide. */
  segregationOfDuties: boolean;
  /** Durations as written in the step ("2d", "4h"); counted on the business calendar below. */
  remindAfter?: string | number;
  escalateAfter?: string | number;
  escalateTo?: Assignees;
  timeout?: string | number;
  timeoutOutcome?: Outcome;
  dueAfter?: string | number;
  businessDays: boolean;
  holidays: string[];
  timezone: string;
  /** The delegation-of-authority band the amount fell into (0-based), when routed by amount. */
  authorityBand?: number;
}

/** One person's decision in one round. A person decides at most once per round. */
export interface Decision {
  taskId: string;
  round: number;
  actor: string;
  outcome: Outcome;
  data: Record<string, unknown>;
  comment?: string;
  at: Date;
}

/** One trip back to the starter/uploader: why, and what they sent back. */
export interface ChangeRequest {
  round: number;
  requestedBy: string;
  reason: string;
  requestedAt: string;
  resubmittedBy?: string;
  resubmittedAt?: string;
  data?: Record<string, unknown>;
  comment?: string;
}

export interface Task {
  id: string;
  runId: string;
  /** The step's idempotency key (run + step + item): opening the task again for it returns this task. */
  stepExecutionId: string;
  workflowId: string;
  revision: number;
  stepId: string;
  itemIndex: number | null;
  title: string;
  description?: string;
  status: TaskStatus;
  assignees: Assignees;
  requiredApprovals: number;
  claimedBy?: string;
  formSchema?: Record<string, unknown>;
  context: Record<string, unknown>;
  /** Exact decimal text (never a float). */
  amount?: string;
  currency?: string;
  startedBy?: string;
  uploadedBy?: string;
  policy: TaskPolicy;
  /** 1 at first; +1 each time changes are resubmitted. Approvals count per round. */
  round: number;
  /** While changes are requested: who must resubmit. */
  changesRequestedFrom?: string;
  changeRequests: ChangeRequest[];
  /** Every decision of every round, oldest first. */
  decisions: Decision[];
  dueAt?: Date;
  remindAt?: Date;
  escalateAt?: Date;
  timeoutAt?: Date;
  remindedAt?: Date;
  escalationLevel: number;
  outcome?: Outcome;
  outputs?: ApprovalOutputs;
  decidedAt?: Date;
  /** When the waiting step was told the outcome; unset while that is still to do. */
  signalledAt?: Date;
  signalAttempts: number;
  /** The earliest moment the scheduler has something to do for this task (timer or undelivered outcome). */
  nextDueAt?: Date;
  /** +1 on every change; lets a client say "decide the task as I saw it" (expectedVersion). */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What the approval step outputs and what the decision's signal carries. */
export interface ApprovalOutputs {
  taskId: string;
  outcome: Outcome;
  /** The submitted form data (approvals of an N-of-M task merged in decision order). */
  data: Record<string, unknown>;
  comment?: string;
  decidedBy: string[];
  decidedAt: string;
  /** true when nobody decided in time and the step's timeoutOutcome was taken. */
  timedOut: boolean;
  /** The decisions of the final round. */
  decisions: { actor: string; outcome: Outcome; data: Record<string, unknown>; comment?: string; at: string }[];
  changeRequests: ChangeRequest[];
  /** Everything the starter/uploader resubmitted, merged (later corrections win). */
  corrections: Record<string, unknown>;
}

export type TaskEventType =
  | 'opened'
  | 'claimed'
  | 'released'
  | 'delegated'
  | 'approval-recorded'
  | 'decided'
  | 'changes-requested'
  | 'resubmitted'
  | 'reminded'
  | 'escalated'
  | 'expired'
  | 'cancelled'
  | 'reopened'
  | 'signalled'
  | 'signal-undelivered';

/** One line of a task's history: who did what, when. */
export interface TaskEvent {
  taskId: string;
  type: TaskEventType;
  actor: string;
  at: Date;
  details: Record<string, unknown>;
}

/** Who is asking: the actor id ('user:<uuid>') with the roles and groups they hold. */
export interface TaskPrincipal {
  id: string;
  roles: readonly string[];
  groups: readonly string[];
}

/** The actor id of the scheduler's automatic transitions (timeouts). */
export const SYSTEM_ACTOR = 'system';

export function isFinal(status: TaskStatus): boolean {
  return FINAL_TASK_STATUSES.includes(status);
}

/** The decisions of the task's current round. */
export function currentRoundDecisions(task: Task): Decision[] {
  return task.decisions.filter((decision) => decision.round === task.round);
}

export function emptyAssignees(): Assignees {
  return { users: [], roles: [], groups: [] };
}

/** The union of two assignments, without duplicates, in first-seen order. */
export function mergeAssignees(left: Assignees, right: Assignees): Assignees {
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
  return { users: union(left.users, right.users), roles: union(left.roles, right.roles), groups: union(left.groups, right.groups) };
}

/** Users are named by actor id; a bare id is taken to be a user's id. */
export function userActorId(user: string): string {
  return user.includes(':') ? user : `user:${user}`;
}
