import { z } from 'zod';
import { isDuration } from '@conveyor/kernel';

/** Names read from expressions as `inputs.<name>`, `steps.<id>`, `outputs.<name>`: CEL identifiers. */
export const IDENTIFIER_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;
/** Workflow ids appear in URLs and file names. */
export const WORKFLOW_ID_PATTERN = /^[a-z][a-z0-9-]{1,62}$/;
/** Trigger ids name scheduler state; kebab or snake case. */
export const TRIGGER_ID_PATTERN = /^[a-z][a-z0-9_-]{0,62}$/;
/** Step types as registered by the platform, e.g. http.request, email.send. */
export const STEP_TYPE_PATTERN = /^[a-z][a-zA-Z0-9_.-]{0,99}$/;
/** Mirrors kernel parseDuration's text form; the refinement below is the real check. */
export const DURATION_PATTERN = /^\d+(\.\d+)?(ms|s|m|h|d)$/;

export const identifierSchema = () =>
  z.string().regex(IDENTIFIER_PATTERN, {
    error: `must start with a letter and contain only letters, digits and _ (at most 63 characters), because expressions refer to it by name`,
  });

export const durationSchema = z
  .union([
    z.string().regex(DURATION_PATTERN, { error: 'must be a duration like 500ms, 30s, 5m, 2h or 1d' }),
    z.number().int().nonnegative(),
  ])
  .refine((value) => isDuration(value), { error: 'must be a duration like 500ms, 30s, 5m, 2h or 1d' })
  .describe('A duration: 500ms, 30s, 5m, 2h or 1d (or a whole number of milliseconds).');

/** A `${{ ... }}` expression or a literal value; expressions are checked by the validator, not here. */
export const valueOrExpressionSchema = z.unknown();

/** Values given to a workflow or step: plain names mapped to literal values or `${{ }}` expressions. */
export const inputValuesSchema = z
  .record(z.string(), valueOrExpressionSchema)
  .describe('Values by input name. Each value is a literal or a ${{ expression }}.');

export const conditionSchema = z
  .string()
  .min(1)
  .describe('A condition that must give true or false, e.g. ${{ inputs.amount > 1000 }} (the ${{ }} may be left out).');
