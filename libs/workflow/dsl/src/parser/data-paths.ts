import { ProblemPath } from './yaml-source';

export function valueAt(data: unknown, path: ProblemPath): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/**
 * Names a place in the workflow the way an administrator thinks of it:
 * `Step "extract", field "retry.attempts"` rather than `steps[2].retry.attempts`.
 * `asField` gives the form that starts a sentence about the field (`Step "extract": field "x"`).
 */
export function describeLocation(data: unknown, path: ProblemPath, asField = false): string {
  const [head, second, ...rest] = path;
  let owner: string | undefined;
  let fieldPath: ProblemPath = path;
  if ((head === 'steps' || head === 'triggers') && typeof second === 'number') {
    const id = valueAt(data, [head, second, 'id']);
    const noun = head === 'steps' ? 'Step' : 'Trigger';
    owner = typeof id === 'string' && id !== '' ? `${noun} "${id}"` : `${noun} ${second + 1}`;
    fieldPath = rest;
  } else if (head === 'inputs' && second !== undefined) {
    owner = `Input "${String(second)}"`;
    fieldPath = rest;
  } else if (head === 'outputs' && second !== undefined) {
    owner = `Workflow output "${String(second)}"`;
    fieldPath = rest;
  }
  if (fieldPath.length === 0) return owner ?? 'The workflow';
  const field = `field "${formatFieldPath(fieldPath)}"`;
  if (!owner) return `F${field.slice(1)}`;
  return asField ? `${owner}: ${field}` : `${owner}, ${field}`;
}

export function formatFieldPath(path: ProblemPath): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    return text === '' ? segment : `${text}.${segment}`;
  }, '');
}

export function describeValueKind(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}
