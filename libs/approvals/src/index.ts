export { createApprovalStepType, openRequest } from './approval.step';
export { approvalInputSchema, assigneesSchema } from './approval-input.schema';
export type { ApprovalStepInput } from './approval-input.schema';
export { ApprovalService } from './approval.service';
export type { ApprovalServiceOptions, BulkDecisionItem, BulkDecisionResult, TaskFilter } from './approval.service';
export type { ApprovalDependencies } from './task-change-applier';
export type { DueWorkReport } from './approval-due-work';
export { taskSignal } from './approval-ports';
export type {
  ApprovalTaskGateway,
  AuditEntryInput,
  AuditRecorder,
  RunSignaler,
  TaskListQuery,
  TaskNotifier,
  TaskRepository,
  TaskTransaction,
} from './approval-ports';
export type { OpenedTask, OpenTaskRequest } from './task-opening';
export type { DecisionInput, ResubmitInput } from './task-decision.transitions';
export { DEFAULT_TASK_ACCESS, canSee, isAssigned, isSegregated, permissionsOf } from './task-access';
export type { BlockReason, TaskAccessOptions, TaskPermissions } from './task-access';
export { toTaskView } from './task-views';
export type { TaskDetailView, TaskEventView, TaskView } from './task-views';
export { routeByAmount, authorityTableProblems } from './authority-routing';
export type { AuthorityBand, AuthorityRoute, AuthorityTable } from './authority-routing';
export { compareAmounts, isDecimalAmount, toDecimalText } from './decimal-amount';
export { addBusinessDuration, isValidTimeZone } from './business-calendar';
export type { BusinessCalendar } from './business-calendar';
export { scheduleFrom, nextTimerAt } from './task-schedule';
export type { TaskSchedule } from './task-schedule';
export { formDataProblems, formSchemaProblem } from './form-validation';
export type { FormProblem } from './form-validation';
export {
  FINAL_TASK_STATUSES,
  OUTCOMES,
  SYSTEM_ACTOR,
  TASK_STATUSES,
  currentRoundDecisions,
  isFinal,
  userActorId,
} from './task.model';
export type {
  ApprovalOutputs,
  Assignees,
  ChangeRequest,
  Decision,
  Outcome,
  Task,
  TaskEvent,
  TaskEventType,
  TaskPolicy,
  TaskPrincipal,
  TaskStatus,
} from './task.model';
