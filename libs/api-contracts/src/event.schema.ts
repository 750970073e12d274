import { z } from 'zod';
import { runSummarySchema } from './run.schema';

/** Event names are dotted words, e.g. document.uploaded. */
export const eventNameSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/, 'an event name is dotted words, e.g. document.uploaded');

export const emitEventBodySchema = z.object({
  payload: z.record(z.string(), z.unknown()).default({}),
});
export type EmitEventBody = z.infer<typeof emitEventBodySchema>;

/**
 * The runs the event started (one per workflow whose event trigger matched), and the triggers that started
 * nothing because their condition or inputs could not be evaluated or their run was refused.
 */
export const emitEventResponseSchema = z.object({
  event: z.string(),
  runs: z.array(runSummarySchema),
  skipped: z.array(z.object({ workflowId: z.string(), triggerId: z.string(), code: z.string(), message: z.string() })),
});
export type EmitEventResponse = z.infer<typeof emitEventResponseSchema>;
