import { DomainError } from '@conveyor/kernel';
import type { StepContext, StepResult, StepType } from '@conveyor/workflow-engine';
import { z } from 'zod';
import { checkStepWith, parseStepInput } from './step-input-validation';

const subworkflowInputSchema = z.strictObject({
  workflow: z.string({ error: 'must be the id of a workflow' }).min(1, { error: 'must not be empty' }),
  inputs: z.record(z.string(), z.unknown(), { error: 'must be an object' }).default({}),
});

export type SubworkflowStepInput = z.output<typeof subworkflowInputSchema>;

const childStateSchema = z.object({ childRunId: z.string().min(1) });
const childOutcomeSchema = z.object({
  status: z.enum(['succeeded', 'failed', 'cancelled']),
  outputs: z.unknown().optional(),
  error: z.unknown().optional(),
});

/** The signal a child run sends its parent step when it ends. */
export function childRunSignal(childRunId: string): string {
  return `run:${childRunId}`;
}

/**
 * Runs another workflow as a child and waits for it without holding a worker:
 * the step parks on the child's signal and is resumed with the child's outcome.
 */
export const subworkflowStepType: StepType<SubworkflowStepInput> = {
  type: 'subworkflow',
  description: 'Starts another workflow with the given inputs and waits for it to finish; its outputs are the child run outputs.',
  parseInput: (input) => parseStepInput('subworkflow', subworkflowInputSchema, input),
  checkWith: (withValues) => checkStepWith(subworkflowInputSchema, withValues),
  async execute(input, context) {
    if (context.resumeState !== undefined) return resume(context);
    const childRunId = await context.services.startChildRun(input.workflow, input.inputs);
    return { status: 'waiting', signal: childRunSignal(childRunId), state: { childRunId } };
  },
};

function resume(context: StepContext): StepResult {
  const state = childStateSchema.safeParse(context.resumeState);
  if (!state.success) {
    throw new DomainError('BAD_RESUME_STATE', 'The subworkflow step was resumed with a state it did not save', { state: context.resumeState }, false);
  }
  const { childRunId } = state.data;
  // Resumed without the child's outcome (e.g. a redelivered job): keep waiting for the child.
  if (context.resumePayload === undefined) return { status: 'waiting', signal: childRunSignal(childRunId), state: { childRunId } };
  const outcome = childOutcomeSchema.safeParse(context.resumePayload);
  if (!outcome.success) {
    throw new DomainError('BAD_RESUME_PAYLOAD', `Child run ${childRunId} reported an outcome that cannot be read`, { childRunId }, false);
  }
  if (outcome.data.status === 'succeeded') {
    return { status: 'succeeded', outputs: { runId: childRunId, outputs: outcome.data.outputs ?? {} } };
  }
  throw new DomainError(
    'SUBWORKFLOW_FAILED',
    `Child run ${childRunId} ${outcome.data.status === 'cancelled' ? 'was cancelled' : 'failed'}${describeError(outcome.data.error)}`,
    { childRunId, status: outcome.data.status, error: outcome.data.error },
    false,
  );
}

function describeError(error: unknown): string {
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return `: ${(error as { message: string }).message}`;
  }
  return '';
}
