import type { Assignees, Decision, Task, TaskEvent } from '@conveyor/approvals';
import { json } from '../repositories/sql';

export const TASK_COLUMNS = `id, run_id, step_execution_id, workflow_id, revision, step_id, item_index, title, description, status,
  assignees, required_approvals, claimed_by, form_schema, context, amount::text AS amount, currency, started_by, uploaded_by, policy,
  round, changes_requested_from, change_requests, due_at, remind_at, escalate_at, timeout_at, reminded_at, escalation_level, outcome,
  outputs, signalled_at, signal_attempts, next_due_at, version, created_at, updated_at, decided_at`;

/** Columns that never change after insert. */
export const IMMUTABLE_TASK_COLUMNS: readonly string[] = ['id', 'run_id', 'step_execution_id', 'workflow_id', 'revision', 'step_id', 'item_index', 'created_at'];

/** The assignees as one searchable list: user actor ids as they are, roles and groups prefixed. */
export function audienceOf(assignees: Assignees): string[] {
  return [...assignees.users, ...assignees.roles.map((role) => `role:${role}`), ...assignees.groups.map((group) => `group:${group}`)];
}

/** What a principal is known as in `audience`. */
export function principalAudience(viewer: { id: string; roles: readonly string[]; groups: readonly string[] }): string[] {
  return [viewer.id, ...viewer.roles.map((role) => `role:${role}`), ...viewer.groups.map((group) => `group:${group}`)];
}

/** Every column of the task row with the value to write (jsonb as JSON text, absent values as NULL). */
export function taskColumns(task: Task): [column: string, value: unknown][] {
  return [
    ['id', task.id],
    ['run_id', task.runId],
    ['step_execution_id', task.stepExecutionId],
    ['workflow_id', task.workflowId],
    ['revision', task.revision],
    ['step_id', task.stepId],
    ['item_index', task.itemIndex],
    ['title', task.title],
    ['description', task.description ?? null],
    ['status', task.status],
    ['assignees', json(task.assignees)],
    ['audience', audienceOf(task.assignees)],
    ['required_approvals', task.requiredApprovals],
    ['claimed_by', task.claimedBy ?? null],
    ['form_schema', json(task.formSchema)],
    ['context', json(task.context)],
    ['amount', task.amount ?? null],
    ['currency', task.currency ?? null],
    ['started_by', task.startedBy ?? null],
    ['uploaded_by', task.uploadedBy ?? null],
    ['policy', json(task.policy)],
    ['round', task.round],
    ['changes_requested_from', task.changesRequestedFrom ?? null],
    ['change_requests', json(task.changeRequests)],
    ['due_at', task.dueAt ?? null],
    ['remind_at', task.remindAt ?? null],
    ['escalate_at', task.escalateAt ?? null],
    ['timeout_at', task.timeoutAt ?? null],
    ['reminded_at', task.remindedAt ?? null],
    ['escalation_level', task.escalationLevel],
    ['outcome', task.outcome ?? null],
    ['outputs', json(task.outputs)],
    ['signalled_at', task.signalledAt ?? null],
    ['signal_attempts', task.signalAttempts],
    ['next_due_at', task.nextDueAt ?? null],
    ['version', task.version],
    ['created_at', task.createdAt],
    ['updated_at', task.updatedAt],
    ['decided_at', task.decidedAt ?? null],
  ];
}

type Row = Record<string, unknown>;

const text = (value: unknown): string | undefined => (value === null || value === undefined ? undefined : String(value));
const date = (value: unknown): Date | undefined => (value === null || value === undefined ? undefined : value instanceof Date ? value : new Date(String(value)));

/** jsonb arrives parsed from PostgreSQL, and as text from some drivers: both are accepted. */
function parsed<T>(value: unknown): T | undefined {
  if (value === null || value === undefined) return undefined;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function toTask(row: Row, decisions: Decision[]): Task {
  const task: Task = {
    id: String(row.id),
    runId: String(row.run_id),
    stepExecutionId: String(row.step_execution_id),
    workflowId: String(row.workflow_id),
    revision: Number(row.revision),
    stepId: String(row.step_id),
    itemIndex: row.item_index === null || row.item_index === undefined ? null : Number(row.item_index),
    title: String(row.title),
    description: text(row.description),
    status: String(row.status) as Task['status'],
    assignees: parsed<Assignees>(row.assignees)!,
    requiredApprovals: Number(row.required_approvals),
    claimedBy: text(row.claimed_by),
    formSchema: parsed(row.form_schema),
    context: parsed<Record<string, unknown>>(row.context) ?? {},
    amount: text(row.amount),
    currency: text(row.currency),
    startedBy: text(row.started_by),
    uploadedBy: text(row.uploaded_by),
    policy: parsed<Task['policy']>(row.policy)!,
    round: Number(row.round),
    changesRequestedFrom: text(row.changes_requested_from),
    changeRequests: parsed<Task['changeRequests']>(row.change_requests) ?? [],
    decisions,
    dueAt: date(row.due_at),
    remindAt: date(row.remind_at),
    escalateAt: date(row.escalate_at),
    timeoutAt: date(row.timeout_at),
    remindedAt: date(row.reminded_at),
    escalationLevel: Number(row.escalation_level),
    outcome: text(row.outcome) as Task['outcome'],
    outputs: parsed(row.outputs),
    decidedAt: date(row.decided_at),
    signalledAt: date(row.signalled_at),
    signalAttempts: Number(row.signal_attempts),
    nextDueAt: date(row.next_due_at),
    version: Number(row.version),
    createdAt: date(row.created_at)!,
    updatedAt: date(row.updated_at)!,
  };
  return Object.fromEntries(Object.entries(task).filter(([, value]) => value !== undefined)) as unknown as Task;
}

export const DECISION_COLUMNS = 'task_id, round, actor, outcome, data, comment, at';

export function toDecision(row: Row): Decision {
  const decision: Decision = {
    taskId: String(row.task_id),
    round: Number(row.round),
    actor: String(row.actor),
    outcome: String(row.outcome) as Decision['outcome'],
    data: parsed<Record<string, unknown>>(row.data) ?? {},
    at: date(row.at)!,
  };
  if (row.comment !== null && row.comment !== undefined) decision.comment = String(row.comment);
  return decision;
}

export function toTaskEvent(row: Row): TaskEvent {
  return {
    taskId: String(row.task_id),
    type: String(row.type) as TaskEvent['type'],
    actor: String(row.actor),
    at: date(row.at)!,
    details: parsed<Record<string, unknown>>(row.details) ?? {},
  };
}
