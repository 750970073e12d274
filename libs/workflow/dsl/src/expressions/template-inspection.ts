import { DomainError } from '@conveyor/kernel';
import { freeVariables } from './free-variables';
import { scanTemplate, TEMPLATE_OPEN } from './template-scanner';

export interface FoundTemplate {
  /** Where the string sits inside the inspected value, e.g. ["with", "to", 0]. */
  path: (string | number)[];
  /** CEL source inside `${{ }}`. */
  source: string;
  /** Set when the template itself is malformed (e.g. no closing `}}`); source is then the remainder. */
  problem?: string;
}

/** Every `${{ ... }}` in a value (deep over objects and arrays), with its path. */
export function findTemplates(value: unknown, path: (string | number)[] = []): FoundTemplate[] {
  if (typeof value === 'string') return templatesInString(value, path);
  if (Array.isArray(value)) return value.flatMap((entry, index) => findTemplates(entry, [...path, index]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, entry]) => findTemplates(entry, [...path, key]));
  }
  return [];
}

function templatesInString(text: string, path: (string | number)[]): FoundTemplate[] {
  if (!text.includes(TEMPLATE_OPEN)) return [];
  try {
    return scanTemplate(text).flatMap((segment) => (segment.kind === 'expression' ? [{ path, source: segment.source }] : []));
  } catch (error) {
    const problem = error instanceof DomainError ? error.message : String(error);
    return [{ path, source: text.slice(text.indexOf(TEMPLATE_OPEN) + TEMPLATE_OPEN.length).trim(), problem }];
  }
}

/**
 * Step ids an expression reads through `steps.X`, `steps["X"]`, `steps.?X` or `has(steps.X...)`,
 * in first-seen order. Unparseable sources give [] (checkExpression reports them).
 */
export function referencedSteps(source: string): string[] {
  const ids = freeVariables(source)
    .filter((use) => use.name === 'steps' && use.field !== undefined)
    .map((use) => use.field as string);
  return [...new Set(ids)];
}
