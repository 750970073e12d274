import { DomainError } from '@conveyor/kernel';

export const EXPRESSION_ERROR = 'EXPRESSION_ERROR';

/** Reason text of a cel-js error without its multi-line source highlight. */
export function describeCelError(error: unknown): { reason: string; column?: number; celCode?: string } {
  if (error instanceof Error) {
    const withSummary = error as Error & { summary?: unknown; code?: unknown; range?: { start?: number } };
    const reason = typeof withSummary.summary === 'string' ? withSummary.summary : error.message.split('\n')[0];
    const start = withSummary.range?.start;
    return {
      reason: reason || 'unknown error',
      column: typeof start === 'number' ? start + 1 : undefined,
      celCode: typeof withSummary.code === 'string' ? withSummary.code : undefined,
    };
  }
  return { reason: String(error) };
}

export function expressionError(expression: string, reason: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError(EXPRESSION_ERROR, `The expression \${{ ${abbreviate(expression)} }} ${reason}`, {
    expression,
    reason,
    ...details,
  });
}

/** Wraps anything cel-js (or the JS engine, e.g. a RangeError) throws into an EXPRESSION_ERROR. */
export function toExpressionError(expression: string, error: unknown, stage: 'parse' | 'evaluate'): DomainError {
  if (error instanceof DomainError && error.code === EXPRESSION_ERROR) return error;
  const { reason, column, celCode } = describeCelError(error);
  const where = column !== undefined ? ` (at character ${column})` : '';
  const prefix = stage === 'parse' ? 'is not valid' : 'could not be evaluated';
  return expressionError(expression, `${prefix}: ${reason}${where}`, { stage, column, celCode });
}

function abbreviate(expression: string): string {
  const oneLine = expression.replace(/\s+/g, ' ').trim();
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine;
}
