import { DomainError, isDuration, parseDuration } from '@conveyor/kernel';
import type { StepContext, StepResult, StepType } from '@conveyor/workflow-engine';
import { z } from 'zod';
import { checkStepWith, parseStepInput } from './step-input-validation';

const durationSchema = z.union([z.string(), z.number()]).refine((value) => isDuration(value), {
  error: 'must be a duration like 30s, 5m, 2h, 1d or a number of milliseconds',
});

const delayInputSchema = z
  .strictObject({
    duration: durationSchema.optional(),
    until: z.iso.datetime({ offset: true, error: 'must be an ISO date-time with a time zone, e.g. 2026-01-05T09:00:00+01:00' }).optional(),
  })
  .refine((input) => (input.duration === undefined) !== (input.until === undefined), {
    error: 'give either duration or until (exactly one)',
  });

export type DelayStepInput = z.output<typeof delayInputSchema>;

/** Saved with the waiting result so the resumed step knows what it waited for. */
const delayStateSchema = z.object({ until: z.iso.datetime({ offset: true }), startedAt: z.iso.datetime({ offset: true }).optional() });

/**
 * Waits without holding a worker: the first execution parks the step until a moment in time,
 * the scheduler resumes it, and the resumed execution finishes.
 */
export const delayStepType: StepType<DelayStepInput> = {
  type: 'delay',
  description: 'Waits for a duration or until a date-time, without occupying a worker.',
  parseInput: (input) => parseStepInput('delay', delayInputSchema, input),
  checkWith: (withValues) => checkStepWith(delayInputSchema, withValues),
  async execute(input, context) {
    if (context.resumeState !== undefined) return resume(context);
    const now = context.now();
    const until = input.until !== undefined ? new Date(input.until) : new Date(now.getTime() + parseDuration(input.duration!));
    if (until.getTime() <= now.getTime()) return { status: 'succeeded', outputs: { waitedMs: 0 } };
    return { status: 'waiting', until, state: { until: until.toISOString(), startedAt: now.toISOString() } };
  },
};

function resume(context: StepContext): StepResult {
  const parsed = delayStateSchema.safeParse(context.resumeState);
  if (!parsed.success) {
    throw new DomainError('BAD_RESUME_STATE', 'The delay step was resumed with a state it did not save', { state: context.resumeState }, false);
  }
  const until = new Date(parsed.data.until);
  const now = context.now();
  // Woken early (clock skew between scheduler and worker): park again for the rest of the time.
  if (now.getTime() < until.getTime()) return { status: 'waiting', until, state: parsed.data };
  const startedAt = parsed.data.startedAt ? new Date(parsed.data.startedAt) : until;
  return { status: 'succeeded', outputs: { waitedMs: now.getTime() - startedAt.getTime() } };
}
