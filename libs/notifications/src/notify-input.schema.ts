import { checkStepWith, parseStepInput } from '@conveyor/workflow-steps';
import { z } from 'zod';
import { htmlTemplateProblems } from './mail-template';

/** A list, or one entry on its own (what `${{ inputs.email }}` resolves to). */
const listOf = <Item extends z.ZodType>(item: Item) =>
  z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(item).max(200, 'has more than 200 entries')).default([]);
const names = (what: string) => listOf(z.string({ error: `must be ${what}` }).trim().min(1, `may not be empty`));

export const notifyInputSchema = z.strictObject({
  to: z
    .strictObject({
      emails: listOf(z.email({ error: 'must be an email address' })),
      users: names('user ids or email addresses'),
      roles: names('role names'),
      groups: names('group names'),
    })
    .refine((to) => to.emails.length + to.users.length + to.roles.length + to.groups.length > 0, 'needs at least one of emails, users, roles or groups'),
  subject: z.string({ error: 'must be text' }).min(1, 'may not be empty').max(900),
  text: z.string({ error: 'must be text' }).min(1, 'may not be empty').max(1_000_000),
  /**
   * An HTML alternative: a Mustache template over `data`, every value HTML-escaped. Without it the mail is
   * plain text only.
   */
  html: z
    .string({ error: 'must be text' })
    .max(1_000_000)
    .superRefine((template, context) => {
      for (const problem of htmlTemplateProblems(template)) context.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  /** Values for the html template ({{name}}); untrusted and escaped. */
  data: z.record(z.string(), z.unknown()).default({}),
  replyTo: z.email({ error: 'must be an email address' }).optional(),
});

export type NotifyStepInput = z.output<typeof notifyInputSchema>;

export interface InputProblem {
  path: (string | number)[];
  message: string;
}

/** The notify step's resolved `with`; a mistake becomes BAD_STEP_INPUT naming the field. */
export function parseNotifyInput(input: unknown): NotifyStepInput {
  return parseStepInput('notify', notifyInputSchema, input);
}

/**
 * Publish-time check of the literal `with`. Problems under a `${{ }}` expression wait for run time, except in
 * `html`: an expression there would put its result into the markup unescaped, so values go through `data`.
 */
export function checkNotifyWith(withValues: Record<string, unknown>): InputProblem[] {
  const values = withValues ?? {};
  const problems: InputProblem[] = [];
  if (typeof values.html === 'string' && values.html.includes('${{')) {
    problems.push({ path: ['html'], message: 'may not contain ${{ }} expressions (their results would not be escaped); put the values in `data` and write {{name}}' });
  }
  return [...problems, ...checkStepWith(notifyInputSchema, values)];
}
