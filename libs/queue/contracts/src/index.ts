export { STEP_QUEUE, EXECUTE_STEP_JOB, executeStepPayloadSchema, executeStepJobId } from './step-jobs';
export type { ExecuteStepPayload, StepJobRequest } from './step-jobs';
export { CHANGE_NOTICE_CHANNEL, changeNoticeSchema } from './change-notices';
export type { ChangeNotice } from './change-notices';
