import { DomainError } from '@conveyor/kernel';
import { changed, event, withoutUndefined, type TaskChange } from './task-change';
import { nextTimerAt, scheduleFrom } from './task-schedule';
import { userActorId, type ApprovalOutputs, type Assignees, type Task, type TaskPolicy, type TaskStatus } from './task.model';

/** What the approval step asks for when it runs the first time. */
export interface OpenTaskRequest {
  /** The step's idempotency key: opening twice with the same key returns the first task. */
  idempotencyKey: string;
  runId: string;
  workflowId: string;
  revision: number;
  stepId: string;
  itemIndex: number | null;
  startedBy?: string;
  uploadedBy?: string;
  title: string;
  description?: string;
  assignees: Assignees;
  requiredApprovals: number;
  formSchema?: Record<string, unknown>;
  context: Record<string, unknown>;
  amount?: string;
  currency?: string;
  policy: TaskPolicy;
}

/** What the step learns back: the task, and its outputs when it is already final (a repeated execution). */
export interface OpenedTask {
  taskId: string;
  status: TaskStatus;
  outputs?: ApprovalOutputs;
}

/** The new task with its schedule counted from `now`, and the history line saying who it went to. */
export function openNewTask(request: OpenTaskRequest, id: string, now: Date): TaskChange {
  const policy = request.policy;
  const segregated = [request.startedBy, request.uploadedBy].filter((actor): actor is string => actor !== undefined);
  const onlyUsers = request.assignees.roles.length === 0 && request.assignees.groups.length === 0;
  const eligible = request.assignees.users.filter((user) => !(policy.segregationOfDuties && segregated.includes(user)));
  if (onlyUsers && eligible.length < request.requiredApprovals) {
    throw new DomainError(
      'BAD_STEP_INPUT',
      `The approval needs ${request.requiredApprovals} approver(s), but only ${eligible.length} assigned user(s) may decide: whoever started the run or uploaded the document may not (segregation of duties)`,
      { required: request.requiredApprovals, eligible },
    );
  }
  const schedule = scheduleFrom(now, policy);
  const task: Task = withoutUndefined({
    id,
    runId: request.runId,
    stepExecutionId: request.idempotencyKey,
    workflowId: request.workflowId,
    revision: request.revision,
    stepId: request.stepId,
    itemIndex: request.itemIndex,
    title: request.title,
    description: request.description,
    status: 'open' as const,
    assignees: request.assignees,
    requiredApprovals: request.requiredApprovals,
    formSchema: request.formSchema,
    context: request.context,
    amount: request.amount,
    currency: request.currency,
    startedBy: request.startedBy,
    uploadedBy: request.uploadedBy === undefined ? undefined : userActorId(request.uploadedBy),
    policy,
    round: 1,
    changeRequests: [],
    decisions: [],
    ...schedule,
    escalationLevel: 0,
    signalAttempts: 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
  });
  const withTimers: Task = withoutUndefined({ ...task, nextDueAt: nextTimerAt(task) });
  const opened = event(
    withTimers,
    'opened',
    request.startedBy ?? 'system',
    now,
    withoutUndefined({
      assignees: request.assignees,
      requiredApprovals: request.requiredApprovals,
      amount: request.amount,
      currency: request.currency,
      authorityBand: policy.authorityBand,
      dueAt: schedule.dueAt?.toISOString(),
    }),
  );
  return { task: withTimers, events: [opened], effects: ['assigned'] };
}

/**
 * A retried run executes its approval step again with the same idempotency key. If the run's earlier end
 * cancelled the task, it is asked again: open in a new round, assigned and scheduled afresh from `now`.
 * Any other task is returned as it is (undefined: nothing to change).
 */
export function reopenCancelledTask(task: Task, request: OpenTaskRequest, now: Date): TaskChange | undefined {
  if (task.status !== 'cancelled') return undefined;
  const schedule = scheduleFrom(now, request.policy);
  const next = changed(task, now, {
    status: 'open',
    round: task.round + 1,
    assignees: request.assignees,
    requiredApprovals: request.requiredApprovals,
    policy: request.policy,
    context: request.context,
    escalationLevel: 0,
    remindedAt: undefined,
    remindAt: schedule.remindAt,
    escalateAt: schedule.escalateAt,
    timeoutAt: schedule.timeoutAt,
    dueAt: schedule.dueAt,
  });
  return { task: next, events: [event(task, 'reopened', request.startedBy ?? 'system', now, { round: next.round })], effects: ['assigned'] };
}
