import { z } from 'zod';
import { identifierSchema } from './common.schema';

export const INPUT_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'date', 'datetime', 'decimal'] as const;

export const inputSpecSchema = z
  .strictObject({
    type: z
      .enum(INPUT_TYPES, { error: `must be one of: ${INPUT_TYPES.join(', ')}` })
      .describe(
        'The kind of value: string, number, integer, boolean, object, array, date (YYYY-MM-DD), datetime (ISO 8601 with Z or an offset) or decimal (exact amounts written as text, e.g. "1234.50").',
      ),
    description: z.string().optional().describe('What the input is for; shown to people starting a run.'),
    required: z.boolean().optional().describe('Whether a run must be given this input (default false). An input with a default is never missing.'),
    default: z.unknown().optional().describe('Value used when a run is not given this input. Must match the type.'),
    enum: z.array(z.unknown()).min(1).optional().describe('The only values allowed. Each must match the type.'),
  })
  .describe('One input of the workflow.');

export const inputsSchema = z
  .record(identifierSchema(), inputSpecSchema)
  .describe('Inputs of each run, by name. Expressions read them as ${{ inputs.<name> }}.');

export type InputSpecSurface = z.infer<typeof inputSpecSchema>;
