import type { StepType } from '@conveyor/workflow-engine';
import { z } from 'zod';
import { checkStepWith, parseStepInput } from './step-input-validation';

const noopInputSchema = z.record(z.string(), z.unknown(), { error: 'must be an object' });

export type NoopStepInput = z.output<typeof noopInputSchema>;

/** Does nothing and hands its input on as outputs: the baseline for benchmarks and examples. */
export const noopStepType: StepType<NoopStepInput> = {
  type: 'noop',
  description: 'Does nothing; its outputs are its input.',
  parseInput: (input) => parseStepInput('noop', noopInputSchema, input),
  checkWith: (withValues) => checkStepWith(noopInputSchema, withValues),
  async execute(input) {
    return { status: 'succeeded', outputs: input };
  },
};
