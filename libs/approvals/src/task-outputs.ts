import { withoutUndefined } from './task-change';
import { currentRoundDecisions, SYSTEM_ACTOR, type ApprovalOutputs, type Outcome, type Task } from './task.model';

/**
 * The step's outputs once the task is final. For approve, `data` merges the round's approvals in decision
 * order and `decidedBy` lists every approver; for reject it is the rejecting decision's; on a timeout the
 * system decided with no data.
 */
export function outputsOf(task: Task, outcome: Outcome, decidedAt: Date, timedOut: boolean, comment?: string): ApprovalOutputs {
  const round = currentRoundDecisions(task);
  const deciding = timedOut ? [] : outcome === 'approve' ? round.filter((decision) => decision.outcome === 'approve') : round.slice(-1);
  const data = Object.assign({}, ...deciding.map((decision) => decision.data)) as Record<string, unknown>;
  const corrections = Object.assign({}, ...task.changeRequests.map((request) => request.data ?? {})) as Record<string, unknown>;
  return withoutUndefined({
    taskId: task.id,
    outcome,
    data,
    comment: timedOut ? comment : (deciding[deciding.length - 1]?.comment ?? comment),
    decidedBy: timedOut ? [SYSTEM_ACTOR] : deciding.map((decision) => decision.actor),
    decidedAt: decidedAt.toISOString(),
    timedOut,
    decisions: round.map((decision) =>
      withoutUndefined({ actor: decision.actor, outcome: decision.outcome, data: decision.data, comment: decision.comment, at: decision.at.toISOString() }),
    ),
    changeRequests: task.changeRequests,
    corrections,
  });
}
