import { DomainError } from '@conveyor/kernel';
import type { z } from 'zod';

export interface WithProblem {
  path: (string | number)[];
  message: string;
}

/** Validates the step's resolved `with`; a mistake becomes BAD_STEP_INPUT naming every field, never a crash. */
export function parseWith<Schema extends z.ZodType>(stepType: string, schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = problemsOf(result.error.issues);
  const text = problems.map((problem) => `${pathText(problem.path)}: ${problem.message}`).join('; ');
  throw new DomainError('BAD_STEP_INPUT', `The ${stepType} step's input is invalid: ${text}`, { stepType, problems }, false);
}

/** Publish-time check of literal `with` values: problems at or under an `${{ expression }}` are left for run time. */
export function checkWith(schema: z.ZodType, withValues: Record<string, unknown>): WithProblem[] {
  const result = schema.safeParse(withValues ?? {});
  if (result.success) return [];
  return problemsOf(result.error.issues).filter((problem) => !underExpression(withValues, problem.path));
}

function problemsOf(issues: z.core.$ZodIssue[]): WithProblem[] {
  return issues.flatMap((issue) => {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: [...path, key], message: 'is not a known field' }));
    return [{ path, message: issue.message }];
  });
}

function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${{');
}

function underExpression(root: unknown, path: (string | number)[]): boolean {
  let current: unknown = root;
  for (const key of path) {
    if (isExpression(current)) return true;
    if (current === null || typeof current !== 'object') return false;
    current = (current as Record<string | number, unknown>)[key];
  }
  return isExpression(current);
}

function pathText(path: (string | number)[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${key}`), 'with');
}
