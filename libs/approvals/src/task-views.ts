import { DomainError } from '@conveyor/kernel';
import { permissionsOf, type TaskAccessOptions, type TaskPermissions } from './task-access';
import { withoutUndefined } from './task-change';
import { currentRoundDecisions, type ApprovalOutputs, type Assignees, type ChangeRequest, type Outcome, type Task, type TaskEvent, type TaskStatus } from './task.model';

/** A task as the inbox shows it to one principal: what it is, where it stands, and what they may do. */
export interface TaskView {
  id: string;
  runId: string;
  workflowId: string;
  revision: number;
  stepId: string;
  itemIndex: number | null;
  title: string;
  description?: string;
  status: TaskStatus;
  assignees: Assignees;
  requiredApprovals: number;
  /** Approvals so far in the current round. */
  approvals: number;
  claimedBy?: string;
  outcomes: Outcome[];
  formSchema?: Record<string, unknown>;
  context: Record<string, unknown>;
  amount?: string;
  currency?: string;
  startedBy?: string;
  uploadedBy?: string;
  round: number;
  changesRequestedFrom?: string;
  changeRequests: ChangeRequest[];
  decisions: { round: number; actor: string; outcome: Outcome; data: Record<string, unknown>; comment?: string; at: string }[];
  dueAt?: string;
  remindAt?: string;
  escalateAt?: string;
  timeoutAt?: string;
  escalationLevel: number;
  outcome?: Outcome;
  outputs?: ApprovalOutputs;
  decidedAt?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  permissions: TaskPermissions;
}

export interface TaskEventView {
  type: TaskEvent['type'];
  actor: string;
  at: string;
  details: Record<string, unknown>;
}

export interface TaskDetailView extends TaskView {
  history: TaskEventView[];
}

const iso = (date: Date | undefined) => date?.toISOString();

export function toTaskView(task: Task, principal: { id: string; roles: readonly string[]; groups: readonly string[] }, options: TaskAccessOptions): TaskView {
  return withoutUndefined({
    id: task.id,
    runId: task.runId,
    workflowId: task.workflowId,
    revision: task.revision,
    stepId: task.stepId,
    itemIndex: task.itemIndex,
    title: task.title,
    description: task.description,
    status: task.status,
    assignees: task.assignees,
    requiredApprovals: task.requiredApprovals,
    approvals: currentRoundDecisions(task).filter((decision) => decision.outcome === 'approve').length,
    claimedBy: task.claimedBy,
    outcomes: task.policy.outcomes,
    formSchema: task.formSchema,
    context: task.context,
    amount: task.amount,
    currency: task.currency,
    startedBy: task.startedBy,
    uploadedBy: task.uploadedBy,
    round: task.round,
    changesRequestedFrom: task.changesRequestedFrom,
    changeRequests: task.changeRequests,
    decisions: task.decisions.map((decision) =>
      withoutUndefined({ round: decision.round, actor: decision.actor, outcome: decision.outcome, data: decision.data, comment: decision.comment, at: decision.at.toISOString() }),
    ),
    dueAt: iso(task.dueAt),
    remindAt: iso(task.remindAt),
    escalateAt: iso(task.escalateAt),
    timeoutAt: iso(task.timeoutAt),
    escalationLevel: task.escalationLevel,
    outcome: task.outcome,
    outputs: task.outputs,
    decidedAt: iso(task.decidedAt),
    version: task.version,
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
    permissions: permissionsOf(task, principal, options),
  });
}

export function toEventView(event: TaskEvent): TaskEventView {
  return { type: event.type, actor: event.actor, at: event.at.toISOString(), details: event.details };
}

/** The next-page cursor: the last task's place in (createdAt, id) order, opaque to clients. */
export function encodeCursor(task: Pick<Task, 'createdAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([task.createdAt.toISOString(), task.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const at = new Date(createdAt);
    if (typeof id !== 'string' || Number.isNaN(at.getTime())) throw new Error('malformed');
    return { createdAt: at, id };
  } catch {
    throw new DomainError('INVALID_CURSOR', 'The cursor is not one this API handed out', { cursor });
  }
}
