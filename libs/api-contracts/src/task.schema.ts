import { z } from 'zod';

/** Requests of the approvals inbox (the task views themselves come from @conveyor/approvals). */
export const TASK_STATUS_NAMES = ['open', 'changes-requested', 'decided', 'expired', 'cancelled'] as const;
export const TASK_OUTCOME_NAMES = ['approve', 'reject', 'request-changes'] as const;

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal number such as 1000.00');

export const listTasksQuerySchema = z.strictObject({
  status: z.union([z.enum(TASK_STATUS_NAMES), z.array(z.enum(TASK_STATUS_NAMES))]).optional(),
  workflowId: z.string().min(1).optional(),
  runId: z.string().uuid().optional(),
  amountMin: decimal.optional(),
  amountMax: decimal.optional(),
  dueBefore: z.string().datetime({ offset: true }).optional(),
  all: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().min(1).optional(),
});
export type ListTasksQuery = z.infer<typeof listTasksQuerySchema>;

export const decideTaskBodySchema = z.strictObject({
  outcome: z.enum(TASK_OUTCOME_NAMES),
  data: z.record(z.string(), z.unknown()).optional(),
  comment: z.string().max(4000).optional(),
  /** The version the person saw; a task changed since then answers 409 instead of deciding on stale facts. */
  expectedVersion: z.number().int().min(0).optional(),
});
export type DecideTaskBody = z.infer<typeof decideTaskBodySchema>;

export const bulkDecideBodySchema = z.strictObject({
  items: z.array(decideTaskBodySchema.extend({ taskId: z.string().uuid() })).min(1).max(100),
});
export type BulkDecideBody = z.infer<typeof bulkDecideBodySchema>;

export const delegateTaskBodySchema = z.strictObject({ to: z.string().min(1), comment: z.string().max(4000).optional() });
export type DelegateTaskBody = z.infer<typeof delegateTaskBodySchema>;

export const resubmitTaskBodySchema = z.strictObject({
  data: z.record(z.string(), z.unknown()).optional(),
  comment: z.string().max(4000).optional(),
});
export type ResubmitTaskBody = z.infer<typeof resubmitTaskBodySchema>;
