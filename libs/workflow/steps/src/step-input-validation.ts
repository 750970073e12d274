import { DomainError } from '@conveyor/kernel';
import type { z } from 'zod';

export interface WithProblem {
  path: (string | number)[];
  message: string;
}

/** `with` values holding `${{ ... }}` are only known at run time, so publish-time checks leave them alone. */
export function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${{');
}

/** Validates a step's resolved `with`; a mistake becomes BAD_STEP_INPUT naming the field, never a crash. */
export function parseStepInput<Schema extends z.ZodType>(stepType: string, schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = problemsFrom(result.error.issues);
  const text = problems.map((problem) => `${describePath(problem.path)}: ${problem.message}`).join('; ');
  throw new DomainError('BAD_STEP_INPUT', `The ${stepType} step's input is invalid: ${text}`, { stepType, problems }, false);
}

/** Publish-time check of literal `with` values; problems under an expression are dropped. */
export function checkStepWith(schema: z.ZodType, withValues: Record<string, unknown>): WithProblem[] {
  const result = schema.safeParse(withValues ?? {});
  if (result.success) return [];
  return problemsFrom(result.error.issues).filter((problem) => !passesThroughExpression(withValues, problem.path));
}

function problemsFrom(issues: z.core.$ZodIssue[]): WithProblem[] {
  const problems: WithProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ path: [...path, key], message: 'is not a known field' });
    } else {
      problems.push({ path, message: issue.message });
    }
  }
  return problems;
}

function passesThroughExpression(root: unknown, path: (string | number)[]): boolean {
  let current: unknown = root;
  for (const key of path) {
    if (isExpression(current)) return true;
    if (current === null || typeof current !== 'object') return false;
    current = (current as Record<string | number, unknown>)[key];
  }
  return isExpression(current);
}

function describePath(path: (string | number)[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${key}`), 'with');
}
