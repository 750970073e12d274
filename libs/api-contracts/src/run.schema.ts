import { z } from 'zod';

export const RUN_STATUSES = ['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'] as const;
export const STEP_STATUSES = ['queued', 'running', 'waiting', 'succeeded', 'failed', 'skipped', 'cancelled'] as const;
export const RUN_EVENT_TYPES = [
  'run.queued', 'run.started', 'run.waiting', 'run.succeeded', 'run.failed', 'run.cancelled', 'run.retried',
  'step.queued', 'step.started', 'step.succeeded', 'step.failed', 'step.retrying', 'step.waiting',
  'step.resumed', 'step.skipped', 'step.cancelled', 'step.timed-out',
] as const;

export const runStatusSchema = z.enum(RUN_STATUSES);
export const stepStatusSchema = z.enum(STEP_STATUSES);
export type RunStatusName = z.infer<typeof runStatusSchema>;
export type StepStatusName = z.infer<typeof stepStatusSchema>;

/** Run ids are UUIDs; anything else cannot name a run. */
export const runIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'not a run id');

/** Sent as the Idempotency-Key header: a repeated request with the same key returns the first run. */
export const idempotencyKeySchema = z.string().min(1).max(200).regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

export const startRunBodySchema = z.object({
  inputs: z.record(z.string(), z.unknown()).default({}),
  /** Default: the latest revision. */
  revision: z.number().int().min(1).optional(),
});
export type StartRunBody = z.infer<typeof startRunBodySchema>;

export const listRunsQuerySchema = z.object({
  workflowId: z.string().min(1).optional(),
  status: runStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  /** Opaque cursor from a previous page's nextCursor. */
  cursor: z.string().min(1).optional(),
});
export type ListRunsQuery = z.infer<typeof listRunsQuerySchema>;

const errorInfoSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const runSummarySchema = z.object({
  id: z.string(),
  workflowId: z.string(),
  revision: z.number().int(),
  status: runStatusSchema,
  trigger: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  parentRunId: z.string().optional(),
  startedBy: z.string().optional(),
});
export type RunSummaryBody = z.infer<typeof runSummarySchema>;

export const stepExecutionSchema = z.object({
  id: z.string(),
  stepId: z.string(),
  itemIndex: z.number().int().nullable(),
  attempt: z.number().int(),
  status: stepStatusSchema,
  input: z.unknown().optional(),
  outputs: z.unknown().optional(),
  error: errorInfoSchema.optional(),
  queuedAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  skipReason: z.string().optional(),
});
export type StepExecutionBody = z.infer<typeof stepExecutionSchema>;

export const runEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  type: z.enum(RUN_EVENT_TYPES),
  stepId: z.string().optional(),
  itemIndex: z.number().int().nullable().optional(),
  attempt: z.number().int().optional(),
  actor: z.string(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type RunEventBody = z.infer<typeof runEventSchema>;

export const runDetailSchema = runSummarySchema.extend({
  inputs: z.record(z.string(), z.unknown()),
  outputs: z.record(z.string(), z.unknown()).optional(),
  error: errorInfoSchema.optional(),
  steps: z.array(stepExecutionSchema),
  events: z.array(runEventSchema),
});
export type RunDetailBody = z.infer<typeof runDetailSchema>;

export const runPageSchema = z.object({
  items: z.array(runSummarySchema),
  nextCursor: z.string().optional(),
});
export type RunPageBody = z.infer<typeof runPageSchema>;
