import { DomainError } from '@conveyor/kernel';
import { compileExpression } from './expression-compiler';
import { describeKind, fromCelValue, toCelContext } from './cel-values';
import { expressionError, toExpressionError, EXPRESSION_ERROR } from './expression-error';
import { scanTemplate, TemplateSegment, TEMPLATE_OPEN } from './template-scanner';

/** What an expression can read. Which names exist depends on where it is evaluated. */
export type ExpressionContext = {
  inputs?: Record<string, unknown>;
  steps?: Record<string, { outputs?: unknown; status?: string; error?: unknown }>;
  run?: Record<string, unknown>;
  trigger?: Record<string, unknown>;
  item?: unknown;
  index?: number;
  result?: unknown;
  event?: unknown;
  body?: unknown;
  headers?: Record<string, unknown>;
  query?: Record<string, unknown>;
  [name: string]: unknown;
};

/** A string containing `${{`. */
export function isTemplate(value: unknown): boolean {
  return typeof value === 'string' && value.includes(TEMPLATE_OPEN);
}

/** Evaluates CEL source (the text inside `${{ }}`) and returns plain JS data. */
export function evaluateExpression(source: string, context: ExpressionContext): unknown {
  const compiled = compileExpression(source);
  let raw: unknown;
  try {
    raw = compiled.run(toCelContext(context));
  } catch (error) {
    throw toExpressionError(source, error, 'evaluate');
  }
  if (raw instanceof Promise) {
    // No async functions are registered; a promise here would mean the environment changed.
    throw expressionError(source, 'produced an asynchronous result, which is not supported');
  }
  return fromCelValue(raw);
}

/**
 * Renders every template in a value (deep over objects and arrays). A string that is exactly one
 * `${{ x }}` yields x's typed value; a string mixing text and expressions yields text.
 */
export function renderTemplate(value: unknown, context: ExpressionContext): unknown {
  if (typeof value === 'string') return isTemplate(value) ? renderString(value, context) : value;
  if (Array.isArray(value)) return value.map((entry) => renderTemplate(entry, context));
  if (isPlainObject(value)) {
    const rendered: Record<string, unknown> = {};
    for (const key of Object.keys(value)) rendered[key] = renderTemplate(value[key], context);
    return rendered;
  }
  return value;
}

function renderString(text: string, context: ExpressionContext): unknown {
  const segments = scanTemplate(text);
  const single = onlyExpression(segments);
  if (single !== undefined) return evaluateExpression(single, context);
  return segments
    .map((segment) => (segment.kind === 'text' ? segment.text : interpolate(evaluateExpression(segment.source, context))))
    .join('');
}

/** The CEL source when the string (ignoring surrounding whitespace) is exactly one `${{ ... }}`. */
export function singleExpression(text: string): string | undefined {
  return onlyExpression(scanTemplate(text));
}

function onlyExpression(segments: TemplateSegment[]): string | undefined {
  const meaningful = segments.filter((segment) => segment.kind === 'expression' || segment.text.trim() !== '');
  return meaningful.length === 1 && meaningful[0].kind === 'expression' ? meaningful[0].source : undefined;
}

function interpolate(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Evaluates a condition (`${{ ... }}` or bare CEL); anything but true/false is an error. */
export function evaluateCondition(source: string, context: ExpressionContext): boolean {
  const cel = conditionSource(source);
  const result = evaluateExpression(cel, context);
  if (typeof result !== 'boolean') {
    throw expressionError(cel, `must give true or false, but gave ${describeKind(result)}`, { result });
  }
  return result;
}

function conditionSource(source: string): string {
  if (typeof source !== 'string') throw expressionError(String(source), 'is not text');
  if (!isTemplate(source)) return source;
  const single = singleExpression(source);
  if (single === undefined) {
    throw expressionError(source, 'a condition must be a single expression, like ${{ inputs.amount > 100 }}');
  }
  return single;
}

/** The parse/guard problem of CEL source, or null when it is usable. Nothing is evaluated. */
export function checkExpression(source: string): string | null {
  try {
    compileExpression(source);
    return null;
  } catch (error) {
    if (error instanceof DomainError && error.code === EXPRESSION_ERROR) return error.message;
    return toExpressionError(source, error, 'parse').message;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
