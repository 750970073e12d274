import { z } from 'zod';
import {
  conditionSchema,
  durationSchema,
  identifierSchema,
  inputValuesSchema,
  STEP_TYPE_PATTERN,
  valueOrExpressionSchema,
  WORKFLOW_ID_PATTERN,
} from './common.schema';

export const stepIdSchema = identifierSchema().describe(
  'Identifies the step; other steps refer to it in needs and as ${{ steps.<id>.outputs }}.',
);

const backoffObject = z
  .strictObject({
    type: z.enum(['fixed', 'exponential'], { error: 'must be fixed or exponential' }).optional().describe('fixed: the same delay each time; exponential (default): doubling delays.'),
    delay: durationSchema.optional().describe('The first delay (default 1s).'),
    maxDelay: durationSchema.optional().describe('Upper bound of one delay (default 5m).'),
    jitter: z.number().min(0).max(1).optional().describe('0..1: the share of each delay that is randomised (default 0.5).'),
  })
  .describe('How long to wait between attempts.');

const backoffSchema = z
  .union([z.enum(['fixed', 'exponential']), backoffObject], {
    error: 'must be fixed, exponential or an object with type, delay, maxDelay and jitter',
  })
  .describe('How long to wait between attempts: fixed, exponential, or {type, delay, maxDelay, jitter}.');

const retrySchema = z
  .strictObject({
    attempts: z
      .number()
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be at least 1 (1 means no retry)' })
      .max(100, { error: 'must be at most 100' })
      .optional()
      .describe('Total attempts including the first one (default 1 = no retry).'),
    backoff: backoffSchema.optional(),
    nonRetryable: z
      .array(z.string().min(1))
      .optional()
      .describe('Error codes that are never retried, e.g. [BAD_STEP_INPUT].'),
  })
  .describe('What to do when an attempt fails with an error that may go away.');

const onErrorSchema = z
  .union(
    [
      z.enum(['fail', 'continue']),
      z.strictObject({ goto: stepIdSchema.describe('The step to run instead (not this step or one it needs).') }),
      z.strictObject({
        workflow: z
          .string()
          .regex(WORKFLOW_ID_PATTERN, { error: 'must be a workflow id (lowercase letters, digits and -)' })
          .describe('Id of the workflow to start about the failure.'),
        inputs: inputValuesSchema.optional().describe('Inputs of that workflow; expressions may read this run and error.'),
      }),
    ],
    { error: 'must be fail, continue, {goto: <step id>} or {workflow: <workflow id>, inputs: {...}}' },
  )
  .describe('When the step finally fails: fail the run (default), continue, goto another step, or start a workflow.');

const foreachSchema = z
  .strictObject({
    items: z
      .union([z.string(), z.array(z.unknown())], { error: 'must be a list or an expression like ${{ steps.x.outputs.rows }}' })
      .describe('The list to run the step for: a ${{ expression }} giving a list, or a literal list. Each run sees item and index.'),
    concurrency: z
      .number()
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be at least 1' })
      .max(1000, { error: 'must be at most 1000' })
      .optional()
      .describe('How many items run at once (default 10).'),
  })
  .describe('Run the step once per item of a list.');

const needsSchema = z
  .union([stepIdSchema, z.array(stepIdSchema)], { error: 'must be a step id or a list of step ids' })
  .describe('Steps that must finish before this one starts (one id or a list).');

export const stepSchema = z
  .strictObject({
    id: stepIdSchema,
    type: z
      .string()
      .regex(STEP_TYPE_PATTERN, { error: 'must be a step type name like http.request' })
      .describe('What the step does, e.g. http.request, email.send.'),
    name: z.string().optional().describe('Human-friendly name shown in the UI.'),
    description: z.string().optional().describe('What the step is for.'),
    with: z
      .record(z.string(), valueOrExpressionSchema)
      .optional()
      .describe('Settings of the step type. Values may be ${{ expressions }} over inputs, steps, run and trigger.'),
    needs: needsSchema.optional(),
    if: conditionSchema.optional().describe('Run the step only when this is true; otherwise it is skipped.'),
    foreach: foreachSchema.optional(),
    retry: retrySchema.optional(),
    timeout: durationSchema.optional().describe('Longest time one attempt may take, e.g. 30s or 5m.'),
    onError: onErrorSchema.optional(),
    outputs: z
      .record(identifierSchema(), valueOrExpressionSchema)
      .optional()
      .describe('Named outputs computed from the step result, e.g. total: ${{ result.body.total }}.'),
  })
  .describe('One step of the workflow.');

export const stepsSchema = z.array(stepSchema).min(1, { error: 'must have at least one step' }).describe('The steps, run in order of their needs.');

export type StepSurface = z.infer<typeof stepSchema>;
