import { isDuration, parseDuration } from '@conveyor/kernel';
import { z } from 'zod';
import { authorityTableProblems } from './authority-routing';
import { isValidTimeZone } from './business-calendar';
import { isDecimalAmount, toDecimalText } from './decimal-amount';
import { formSchemaProblem } from './form-validation';
import { OUTCOMES, userActorId, type Assignees } from './task.model';

const name = z.string({ error: 'must be a name' }).trim().min(1, { error: 'must not be empty' });

export const assigneesSchema = z
  .strictObject({
    roles: z.array(name).optional(),
    groups: z.array(name).optional(),
    users: z.array(name).optional(),
  })
  .refine((value) => (value.roles?.length ?? 0) + (value.groups?.length ?? 0) + (value.users?.length ?? 0) > 0, {
    error: 'name at least one role, group or user',
  })
  .transform(
    (value): Assignees => ({
      roles: [...new Set(value.roles ?? [])],
      groups: [...new Set(value.groups ?? [])],
      users: [...new Set((value.users ?? []).map(userActorId))],
    }),
  );

const decimalSchema = z
  .union([z.string(), z.number()], { error: 'must be a decimal amount like "1000.00"' })
  .refine((value) => isDecimalAmount(value), { error: 'must be a decimal amount like "1000.00"' })
  .transform((value) => toDecimalText(value));

const currencySchema = z.string().regex(/^[A-Z]{3}$/, { error: 'must be a three-letter currency code like EUR' });

const durationSchema = z
  .union([z.string(), z.number()], { error: 'must be a duration like 4h or 2d' })
  .refine((value) => isDuration(value) && parseDuration(value) > 0, { error: 'must be a positive duration like 30m, 4h or 2d' });

const outcomeSchema = z.enum(OUTCOMES, { error: `must be one of ${OUTCOMES.join(', ')}` });

const approvalCount = z.int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }).max(50, { error: 'must be at most 50' });

const authoritySchema = z
  .strictObject({
    amount: decimalSchema,
    currency: currencySchema.optional(),
    bands: z
      .array(z.strictObject({ upTo: decimalSchema.optional(), assignees: assigneesSchema, approvals: approvalCount.optional() }), {
        error: 'must be a list of bands',
      })
      .min(1, { error: 'needs at least one band' }),
  })
  .superRefine((table, context) => {
    for (const problem of authorityTableProblems(table.bands)) {
      context.addIssue({ code: 'custom', path: ['bands', problem.index, 'upTo'], message: problem.message });
    }
  });

const formSchema = z.record(z.string(), z.unknown(), { error: 'must be a JSON Schema object' }).superRefine((schema, context) => {
  const problem = formSchemaProblem(schema);
  if (problem) context.addIssue({ code: 'custom', message: `is not a usable JSON Schema: ${problem}` });
});

const approvalInputObject = z.strictObject({
  title: z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' }).max(500, { error: 'must be at most 500 characters' }),
  description: z.string({ error: 'must be text' }).max(10_000, { error: 'must be at most 10000 characters' }).optional(),
  assignees: assigneesSchema.optional(),
  authority: authoritySchema.optional(),
  /** Amount shown and filtered on in the inbox when the task is not routed by amount (null: none known, e.g. not extracted). */
  amount: decimalSchema.nullish(),
  currency: currencySchema.optional(),
  approvals: approvalCount.default(1),
  segregationOfDuties: z.boolean({ error: 'must be true or false' }).default(true),
  uploadedBy: name.transform(userActorId).optional(),
  form: formSchema.optional(),
  outcomes: z
    .array(outcomeSchema, { error: 'must be a list of outcomes' })
    .min(1, { error: 'needs at least one outcome' })
    .refine((list) => new Set(list).size === list.length, { error: 'must not repeat an outcome' })
    .default([...OUTCOMES]),
  remindAfter: durationSchema.optional(),
  escalateAfter: durationSchema.optional(),
  escalateTo: assigneesSchema.optional(),
  timeout: durationSchema.optional(),
  timeoutOutcome: outcomeSchema.optional(),
  dueAfter: durationSchema.optional(),
  businessDays: z.boolean({ error: 'must be true or false' }).default(true),
  holidays: z.array(z.iso.date({ error: 'must be a date like 2026-12-25' }), { error: 'must be a list of dates' }).default([]),
  timezone: z
    .string({ error: 'must be an IANA time zone' })
    .refine((zone) => isValidTimeZone(zone), { error: 'must be an IANA time zone like Europe/Berlin' })
    .default('UTC'),
  context: z.record(z.string(), z.unknown(), { error: 'must be an object' }).default({}),
});

/**
 * The approval step's `with`, checked as a whole. Zod runs this even when a field failed (its value then is
 * the raw input, not the normalised one), so every access here is guarded.
 */
export const approvalInputSchema = approvalInputObject.superRefine((input, context) => {
  const problem = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
  if ((input.assignees === undefined) === (input.authority === undefined)) {
    problem('assignees', 'give either assignees or authority (a delegation-of-authority table), exactly one');
  }
  if (input.authority && (input.amount !== undefined || input.currency !== undefined)) {
    problem('amount', 'with authority, the amount and currency belong inside authority');
  }
  if ((input.escalateAfter === undefined) !== (input.escalateTo === undefined)) {
    problem(input.escalateTo ? 'escalateAfter' : 'escalateTo', 'escalateAfter and escalateTo go together');
  }
  if (input.timeoutOutcome !== undefined && input.timeout === undefined) problem('timeoutOutcome', 'needs a timeout');
  const timeoutOutcome = input.timeoutOutcome ?? (input.timeout !== undefined ? 'reject' : undefined);
  if (timeoutOutcome !== undefined && Array.isArray(input.outcomes) && !input.outcomes.includes(timeoutOutcome)) {
    problem('timeoutOutcome', `"${timeoutOutcome}" is not one of the step's outcomes (${input.outcomes.join(', ')})`);
  }
  const assignees = input.assignees as Partial<Assignees> | undefined;
  const onlyUsers = Array.isArray(assignees?.users) && assignees.roles?.length === 0 && assignees.groups?.length === 0;
  if (onlyUsers && typeof input.approvals === 'number' && assignees!.users!.length < input.approvals) {
    problem('approvals', `${input.approvals} approvals need at least as many assigned users (${assignees!.users!.length} named)`);
  }
});

export type ApprovalStepInput = z.output<typeof approvalInputSchema>;
