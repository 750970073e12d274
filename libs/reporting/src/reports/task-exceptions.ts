import type { Task } from '@conveyor/approvals';
import type { ExceptionRecord } from '../report-sources';

/**
 * An approval task seen as an exception: the work a person had to do because the machine could not.
 * The code is the task's `context.exceptionCode` (or `context.code`) when the workflow names one, else the
 * step that opened it; the owner is whoever claimed it, else its assignees; a final task is resolved,
 * with its outcome (or expired / cancelled) as the resolution.
 */
export function exceptionFromTask(task: Task): ExceptionRecord {
  const named = task.context['exceptionCode'] ?? task.context['code'];
  const code = typeof named === 'string' && named.trim() !== '' ? named.trim() : task.stepId;
  const assignees = [...task.assignees.users, ...task.assignees.roles.map((role) => `role:${role}`), ...task.assignees.groups.map((group) => `group:${group}`)];
  const resolved = task.status === 'decided' || task.status === 'expired' || task.status === 'cancelled';
  const lastDecision = task.decisions[task.decisions.length - 1];
  return {
    id: task.id,
    code,
    title: task.title,
    owner: task.claimedBy ?? (assignees.join(', ') || 'nobody'),
    status: resolved ? 'resolved' : 'open',
    openedAt: task.createdAt,
    resolvedAt: resolved ? (task.decidedAt ?? task.updatedAt) : null,
    resolution: !resolved ? null : task.status === 'decided' ? (task.outcome ?? 'decided') : task.status,
    resolvedBy: !resolved ? null : task.status === 'decided' ? (task.outputs?.decidedBy.join(', ') ?? lastDecision?.actor ?? null) : 'system',
    comment: resolved ? (task.outputs?.comment ?? lastDecision?.comment ?? null) : null,
    amount: task.amount ?? null,
    currency: task.currency ?? null,
    workflowId: task.workflowId,
    runId: task.runId,
  };
}
