import { z } from 'zod';

/**
 * Queue and job names, and their payloads. Payloads carry ids only: the database holds the state,
 * Redis only carries the news that there is work.
 */
export const STEP_QUEUE = 'steps';

export const EXECUTE_STEP_JOB = 'step.execute';

export const executeStepPayloadSchema = z.object({
  runId: z.string().uuid(),
  stepExecutionId: z.string().uuid(),
  /** Which delivery of this execution: 0 on first queueing, +1 each time it is resumed after waiting. */
  resumes: z.number().int().min(0),
});
export type ExecuteStepPayload = z.infer<typeof executeStepPayloadSchema>;

/**
 * Deterministic job id: the same step execution and delivery always maps to the same BullMQ job,
 * so enqueueing it again (outbox sweep after a crash) is harmless.
 */
export function executeStepJobId(payload: ExecuteStepPayload): string {
  return `${payload.stepExecutionId}.${payload.resumes}`;
}

export interface StepJobRequest {
  payload: ExecuteStepPayload;
  /** Earliest start, ms from now (retry backoff). */
  delayMs: number;
}
