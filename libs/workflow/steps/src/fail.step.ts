import { DomainError } from '@conveyor/kernel';
import type { StepType } from '@conveyor/workflow-engine';
import { z } from 'zod';
import { checkStepWith, parseStepInput } from './step-input-validation';

const failInputSchema = z.strictObject({
  message: z.string({ error: 'must be text' }).min(1, { error: 'must not be empty' }),
  code: z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, { error: 'must be a code like STEP_FAILED' }).default('STEP_FAILED'),
  retryable: z.boolean().default(true),
  failTimes: z.number().int().min(0, { error: 'must be 0 or more' }).optional(),
});

export type FailStepInput = z.output<typeof failInputSchema>;

/**
 * Fails on purpose: a guard in workflows, and the way tests exercise retries and onError.
 * With failTimes N it fails attempts 1..N and succeeds from attempt N+1 on.
 */
export const failStepType: StepType<FailStepInput> = {
  type: 'fail',
  description: 'Fails with the given message and code (always, or only on the first failTimes attempts).',
  parseInput: (input) => parseStepInput('fail', failInputSchema, input),
  checkWith: (withValues) => checkStepWith(failInputSchema, withValues),
  async execute(input, context) {
    if (input.failTimes !== undefined && context.attempt > input.failTimes) {
      return { status: 'succeeded', outputs: { attempt: context.attempt } };
    }
    throw new DomainError(input.code, input.message, { attempt: context.attempt, failTimes: input.failTimes }, input.retryable);
  },
};
