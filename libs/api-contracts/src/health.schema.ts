import { z } from 'zod';

const dependencyCheckSchema = z.object({
  ok: z.boolean(),
  error: z.string().optional(),
  latencyMs: z.number().optional(),
});

export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.object({ database: dependencyCheckSchema, redis: dependencyCheckSchema }),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** Liveness and readiness probes answer with just a status. */
export const probeResponseSchema = z.object({ status: z.enum(['ok', 'unavailable']) });
export type ProbeResponse = z.infer<typeof probeResponseSchema>;
