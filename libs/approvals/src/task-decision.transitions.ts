import { DomainError } from '@conveyor/kernel';
import { assertFormData } from './form-validation';
import { canSee, decisionBlock, refusal, taskNotFound, type TaskAccessOptions } from './task-access';
import { changed, event, withoutUndefined, type TaskChange } from './task-change';
import { outputsOf } from './task-outputs';
import { currentRoundDecisions, OUTCOMES, type Decision, type Outcome, type Task, type TaskPrincipal } from './task.model';

export interface DecisionInput {
  outcome: string;
  /** The form's data (validated against the step's JSON Schema). */
  data?: Record<string, unknown>;
  /** Required for reject and request-changes: the reason. */
  comment?: string;
  /** The version the person saw; a task changed since then is a TASK_CONFLICT instead of a blind decision. */
  expectedVersion?: number;
}

export interface ResubmitInput {
  /** The corrected data (document fields, a new document id, ...). */
  data?: Record<string, unknown>;
  comment?: string;
}

const REASON_REQUIRED: readonly Outcome[] = ['reject', 'request-changes'];

/**
 * One person's decision. Approve counts towards the N distinct approvals the task needs (the N-th makes it
 * final); reject is final at once; request-changes sends the task back to whoever started the run or
 * uploaded the document. Reject and request-changes need a reason; the form is validated on every decision
 * (for reject and request-changes only when data is sent).
 */
export function decideTask(task: Task, principal: TaskPrincipal, input: DecisionInput, now: Date, options: TaskAccessOptions): TaskChange {
  const blocked = decisionBlock(task, principal);
  if (blocked) throw refusal(task, principal, blocked, options);
  if (input.expectedVersion !== undefined && input.expectedVersion !== task.version) {
    throw new DomainError('TASK_CONFLICT', `Task ${task.id} changed since you loaded it (version ${input.expectedVersion}, now ${task.version})`, {
      taskId: task.id,
      reason: 'stale',
      version: task.version,
    });
  }
  const outcome = allowedOutcome(task, input.outcome);
  const comment = input.comment?.trim() || undefined;
  if (REASON_REQUIRED.includes(outcome) && !comment) {
    throw new DomainError('DECISION_INVALID', `A ${outcome} needs a reason: write it in the comment`, { taskId: task.id, reason: 'comment-required', outcome });
  }
  const data = input.data ?? {};
  if (outcome === 'approve' || Object.keys(data).length > 0) assertFormData(task.formSchema, data);

  const decision: Decision = withoutUndefined({ taskId: task.id, round: task.round, actor: principal.id, outcome, data, comment, at: now });
  const decided: Task = { ...task, decisions: [...task.decisions, decision] };
  const recorded = event(task, 'approval-recorded', principal.id, now, withoutUndefined({ outcome, round: task.round, comment, data }));

  if (outcome === 'request-changes') return requestChanges(decided, decision, now);
  const approvals = currentRoundDecisions(decided).filter((each) => each.outcome === 'approve').length;
  if (outcome === 'approve' && approvals < task.requiredApprovals) {
    const next = changed(decided, now, { claimedBy: undefined });
    const details = { ...recorded.details, approvals, requiredApprovals: task.requiredApprovals };
    return { task: next, events: [{ ...recorded, details }], decision, effects: [] };
  }
  const outputs = outputsOf(decided, outcome, now, false);
  const next = changed(decided, now, { status: 'decided', outcome, outputs, decidedAt: now, claimedBy: undefined });
  const final = event(task, 'decided', principal.id, now, withoutUndefined({ outcome, round: task.round, comment, data, decidedBy: outputs.decidedBy }));
  return { task: next, events: [final], decision, effects: ['signal'] };
}

function requestChanges(task: Task, decision: Decision, now: Date): TaskChange {
  const sendTo = task.uploadedBy ?? task.startedBy;
  if (!sendTo?.startsWith('user:')) {
    throw new DomainError('DECISION_INVALID', 'Changes cannot be requested: neither an uploader nor a person who started the run is known to send them to', {
      taskId: task.id,
      reason: 'nobody-to-resubmit',
    });
  }
  const reason = decision.comment as string;
  const changeRequests = [...task.changeRequests, { round: task.round, requestedBy: decision.actor, reason, requestedAt: now.toISOString() }];
  const next = changed(task, now, { status: 'changes-requested', changesRequestedFrom: sendTo, changeRequests, claimedBy: undefined });
  const details = withoutUndefined({ round: task.round, reason, sentTo: sendTo, data: Object.keys(decision.data).length > 0 ? decision.data : undefined });
  return { task: next, events: [event(task, 'changes-requested', decision.actor, now, details)], decision, effects: ['assigned'] };
}

/**
 * The starter/uploader sends corrected data back: the task opens again in a new round (earlier approvals no
 * longer count) and the history keeps every round.
 */
export function resubmitTask(task: Task, principal: TaskPrincipal, input: ResubmitInput, now: Date, options: TaskAccessOptions): TaskChange {
  if (!canSee(task, principal, options)) throw taskNotFound(task.id);
  if (task.status !== 'changes-requested') {
    throw new DomainError('TASK_CONFLICT', `Task ${task.id} is ${task.status}; only a task sent back for changes can be resubmitted`, {
      taskId: task.id,
      status: task.status,
    });
  }
  if (task.changesRequestedFrom !== principal.id) {
    throw new DomainError('FORBIDDEN', `Task ${task.id} was sent back to ${task.changesRequestedFrom}, not to you`, { taskId: task.id });
  }
  const comment = input.comment?.trim() || undefined;
  const changeRequests = task.changeRequests.map((request, index) =>
    index === task.changeRequests.length - 1
      ? withoutUndefined({ ...request, resubmittedBy: principal.id, resubmittedAt: now.toISOString(), data: input.data, comment })
      : request,
  );
  const next = changed(task, now, { status: 'open', round: task.round + 1, changesRequestedFrom: undefined, changeRequests });
  const details = withoutUndefined({ round: next.round, data: input.data, comment });
  return { task: next, events: [event(task, 'resubmitted', principal.id, now, details)], effects: ['assigned'] };
}

function allowedOutcome(task: Task, outcome: string): Outcome {
  const known = (OUTCOMES as readonly string[]).includes(outcome);
  if (!known || !task.policy.outcomes.includes(outcome as Outcome)) {
    throw new DomainError('DECISION_INVALID', `"${outcome}" is not an outcome of task ${task.id}; choose one of ${task.policy.outcomes.join(', ')}`, {
      taskId: task.id,
      reason: 'unknown-outcome',
      outcomes: task.policy.outcomes,
    });
  }
  return outcome as Outcome;
}
