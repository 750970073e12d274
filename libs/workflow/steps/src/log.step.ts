import type { StepType } from '@conveyor/workflow-engine';
import { z } from 'zod';
import { checkStepWith, parseStepInput } from './step-input-validation';

const logInputSchema = z.strictObject({
  message: z.string({ error: 'must be text' }),
  level: z.enum(['info', 'warn', 'error']).default('info'),
  fields: z.record(z.string(), z.unknown()).optional(),
});

export type LogStepInput = z.output<typeof logInputSchema>;

/** Writes one line to the run's log; handy for tracing and examples. */
export const logStepType: StepType<LogStepInput> = {
  type: 'log',
  description: 'Writes a message (and optional fields) to the run log at level info, warn or error.',
  parseInput: (input) => parseStepInput('log', logInputSchema, input),
  checkWith: (withValues) => checkStepWith(logInputSchema, withValues),
  async execute(input, context) {
    context.logger[input.level](input.message, input.fields);
    return { status: 'succeeded', outputs: { message: input.message } };
  },
};
