export { validationProblemSchema, apiErrorSchema, HTTP_ERROR_CODES } from './error-response.schema';
export type { ValidationProblemBody, ApiErrorBody } from './error-response.schema';
export {
  workflowYamlBodySchema,
  revisionNumberSchema,
  rollbackBodySchema,
  diffQuerySchema,
  workflowSummarySchema,
  workflowListSchema,
  workflowRevisionSchema,
  workflowRevisionListSchema,
  publishWorkflowResponseSchema,
  validateWorkflowResponseSchema,
  revisionDiffSchema,
} from './workflow.schema';
export type {
  WorkflowYamlBody,
  RollbackBody,
  DiffQuery,
  WorkflowSummaryBody,
  WorkflowListBody,
  WorkflowRevisionBody,
  WorkflowRevisionListBody,
  PublishWorkflowResponse,
  ValidateWorkflowResponse,
  RevisionDiffBody,
} from './workflow.schema';
export {
  RUN_STATUSES,
  STEP_STATUSES,
  RUN_EVENT_TYPES,
  runStatusSchema,
  stepStatusSchema,
  runIdSchema,
  idempotencyKeySchema,
  startRunBodySchema,
  listRunsQuerySchema,
  runSummarySchema,
  stepExecutionSchema,
  runEventSchema,
  runDetailSchema,
  runPageSchema,
} from './run.schema';
export type {
  RunStatusName,
  StepStatusName,
  StartRunBody,
  ListRunsQuery,
  RunSummaryBody,
  StepExecutionBody,
  RunEventBody,
  RunDetailBody,
  RunPageBody,
} from './run.schema';
export { eventNameSchema, emitEventBodySchema, emitEventResponseSchema } from './event.schema';
export type { EmitEventBody, EmitEventResponse } from './event.schema';
export { healthResponseSchema, probeResponseSchema } from './health.schema';
export type { HealthResponse, ProbeResponse } from './health.schema';
export * from './audit.schema';
export * from './auth.schema';
export {
  TASK_STATUS_NAMES, TASK_OUTCOME_NAMES, listTasksQuerySchema, decideTaskBodySchema, bulkDecideBodySchema, delegateTaskBodySchema,
  resubmitTaskBodySchema,
} from './task.schema';
export type { ListTasksQuery, DecideTaskBody, BulkDecideBody, DelegateTaskBody, ResubmitTaskBody } from './task.schema';
export { processFiguresQuerySchema } from './figures.schema';
export type { ProcessFiguresQuery } from './figures.schema';
