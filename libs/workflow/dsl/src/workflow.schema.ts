import { z } from 'zod';
import { durationSchema, identifierSchema, valueOrExpressionSchema, WORKFLOW_ID_PATTERN } from './schema/common.schema';
import { inputsSchema } from './schema/input.schema';
import { stepsSchema } from './schema/step.schema';
import { triggersSchema } from './schema/trigger.schema';

/**
 * The YAML surface of a workflow (version 1), exactly as authors write it. Parsing normalises it into
 * the model (model.ts); the editor JSON Schema is generated from this same definition.
 */
export const workflowSchema = z
  .strictObject({
    version: z.literal(1, { error: 'must be 1 (the only version so far)' }).optional().describe('Version of the workflow file format. Only 1 exists.'),
    id: z
      .string()
      .regex(WORKFLOW_ID_PATTERN, {
        error: 'must be 2 to 63 characters: lowercase letters, digits and -, starting with a letter',
      })
      .describe('Unique id of the workflow, e.g. invoice-intake. Lowercase letters, digits and -.'),
    name: z.string().min(1).optional().describe('Human-friendly name (defaults to the id).'),
    description: z.string().optional().describe('What the workflow does.'),
    inputs: inputsSchema.optional(),
    triggers: triggersSchema.optional(),
    steps: stepsSchema,
    timeout: durationSchema
      .optional()
      .describe('Longest time a whole run may take, e.g. 1h or 2d; a run still going then fails with RUN_TIMEOUT. Time spent waiting for people counts.'),
    outputs: z
      .record(identifierSchema(), valueOrExpressionSchema)
      .optional()
      .describe('Outputs of the run, usually ${{ steps.<id>.outputs.<name> }}.'),
  })
  .describe('A Conveyor workflow (version 1).');

export type WorkflowSurface = z.infer<typeof workflowSchema>;
