import { ApprovalService, createApprovalStepType, type AuditRecorder, type RunSignaler, type TaskNotifier } from '@conveyor/approvals';
import { SqlTaskRepository } from '@conveyor/persistence';
import type { SchedulerDuty } from '@conveyor/workflow-runtime';
import type { WiringDeps } from './wiring-deps';

/**
 * Approvals (issue 3): the task service over its SQL store, the `approval` step type, and the scheduler duty
 * that sends reminders, escalates, times tasks out and re-delivers decisions to their runs.
 */
export function wireApprovals(deps: WiringDeps, ports: { audit: AuditRecorder; signaler: RunSignaler; notifier: TaskNotifier }) {
  const approvals = new ApprovalService({
    tasks: new SqlTaskRepository(deps.database.dataSource),
    audit: ports.audit,
    signaler: ports.signaler,
    notifier: ports.notifier,
    clock: deps.clock,
    onError: (error, context) => deps.logger.warn({ err: error, ...context }, 'approvals: a side effect failed (the change itself stands)'),
  });
  const approvalStepType = createApprovalStepType(approvals);
  const duty: SchedulerDuty = {
    name: 'approvals',
    async run() {
      const report = await approvals.runDueWork(deps.clock.now());
      for (const failure of report.failures) deps.logger.warn(failure, 'approvals: due work failed for a task');
      return report.reminded + report.escalated + report.expired + report.signalled;
    },
  };
  return { approvals, approvalStepType, duty };
}
