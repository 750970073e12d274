import { z } from 'zod';
import { ProblemCollector } from './problem-collector';
import { ProblemPath } from './yaml-source';
import { describeLocation, describeValueKind, valueAt } from './data-paths';
import { knownFieldsAt } from './schema-introspection';

type Issue = z.core.$ZodIssue;

/** Records every zod issue as a SCHEMA problem, in words an administrator understands. */
export function reportSchemaIssues(issues: readonly Issue[], data: unknown, problems: ProblemCollector): void {
  for (const issue of issues) reportIssue(issue, [], data, problems);
}

function reportIssue(issue: Issue, prefix: ProblemPath, data: unknown, problems: ProblemCollector): void {
  const path = [...prefix, ...(issue.path as ProblemPath)];
  switch (issue.code) {
    case 'unrecognized_keys':
      for (const key of issue.keys) {
        const known = knownFieldsAt(data, path);
        const hint = known.length > 0 ? ` Known fields here: ${known.join(', ')}.` : '';
        problems.add('SCHEMA', [...path, key], `${describeLocation(data, path)}: unknown field "${key}".${hint}`, 'key');
      }
      return;
    case 'invalid_union': {
      const branch = bestBranch(issue.errors);
      if (branch) {
        for (const inner of branch) reportIssue(inner, path, data, problems);
        return;
      }
      problems.add('SCHEMA', path, sentence(`${describeField(data, path)} ${customOr(issue.message, 'has the wrong form')}`));
      return;
    }
    case 'invalid_key': {
      const reason = customOr(issue.issues[0]?.message ?? '', 'is not allowed');
      const name = String(path[path.length - 1]);
      problems.add('SCHEMA', path, sentence(`${describeLocation(data, path.slice(0, -1))}: the name "${name}" ${reason}`), 'key');
      return;
    }
    default:
      problems.add('SCHEMA', path, sentence(`${describeField(data, path)} ${explain(issue, valueAt(data, path))}`));
  }
}

/** The union branch the value was clearly meant for (its root type matched), if one is evident. */
function bestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const plausible = branches.filter(
    (issues) => !issues.some((issue) => issue.path.length === 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_value')),
  );
  if (plausible.length === 0) return undefined;
  return plausible.reduce((best, issues) => (issues.length < best.length ? issues : best));
}

function explain(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'is missing';
      return customOr(issue.message, `must be ${expectedText(issue.expected)}, but it is ${describeValueKind(value)}`);
    case 'invalid_value':
      return customOr(
        issue.message,
        issue.values.length === 1 ? `must be ${String(issue.values[0])}` : `must be one of: ${issue.values.map(String).join(', ')}`,
      );
    case 'too_small':
      return customOr(issue.message, sizeText('at least', issue.origin, issue.minimum));
    case 'too_big':
      return customOr(issue.message, sizeText('at most', issue.origin, issue.maximum));
    case 'invalid_format':
      return customOr(issue.message, 'has the wrong format');
    default:
      return customOr(issue.message, 'is not valid');
  }
}

/** zod's own messages start with these words; anything else is a message we wrote in the schema. */
const GENERIC_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized|Expected|Number must|String must)/;

function customOr(message: string, fallback: string): string {
  return message && !GENERIC_MESSAGE.test(message) ? message : fallback;
}

function expectedText(expected: string): string {
  const texts: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    object: 'a mapping of names to values',
    array: 'a list',
  };
  return texts[expected] ?? expected;
}

function sizeText(bound: string, origin: string, limit: unknown): string {
  if (origin === 'array') return `must have ${bound} ${String(limit)} item(s)`;
  if (origin === 'string') return Number(limit) === 1 && bound === 'at least' ? 'must not be empty' : `must be ${bound} ${String(limit)} characters long`;
  return `must be ${bound} ${String(limit)}`;
}

function describeField(data: unknown, path: ProblemPath): string {
  return describeLocation(data, path, true);
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
