import { expressionError } from './expression-error';

export const TEMPLATE_OPEN = '${{';

export type TemplateSegment =
  | { kind: 'text'; text: string }
  | { kind: 'expression'; source: string; offset: number };

/**
 * Splits a string into literal text and `${{ ... }}` expressions. The closing `}}` is found by
 * reading the CEL text (quotes and braces), so `${{ {"a": {"b": 1}} }}` is one expression.
 * Throws EXPRESSION_ERROR when a `${{` is never closed.
 */
export function scanTemplate(text: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let cursor = 0;
  while (cursor < text.length) {
    const open = text.indexOf(TEMPLATE_OPEN, cursor);
    if (open < 0) break;
    if (open > cursor) segments.push({ kind: 'text', text: text.slice(cursor, open) });
    const bodyStart = open + TEMPLATE_OPEN.length;
    const close = findClose(text, bodyStart);
    if (close < 0) throw expressionError(text.slice(bodyStart).trim(), 'is missing its closing }}');
    segments.push({ kind: 'expression', source: text.slice(bodyStart, close).trim(), offset: bodyStart });
    cursor = close + 2;
  }
  if (cursor < text.length) segments.push({ kind: 'text', text: text.slice(cursor) });
  return segments;
}

/** Index of the `}}` that ends the expression starting at `from`, or -1. */
function findClose(text: string, from: number): number {
  let depth = 0;
  let index = from;
  while (index < text.length) {
    const char = text[index];
    if (char === '"' || char === "'") {
      index = skipString(text, index);
      continue;
    }
    if (char === '{') depth++;
    else if (char === '}') {
      if (depth === 0 && text[index + 1] === '}') return index;
      depth = Math.max(0, depth - 1);
    }
    index++;
  }
  return -1;
}

/** Index just after the string literal opening at `start` (single, double or triple quoted). */
function skipString(text: string, start: number): number {
  const quote = text[start];
  const triple = text.startsWith(quote.repeat(3), start);
  const terminator = triple ? quote.repeat(3) : quote;
  let index = start + terminator.length;
  while (index < text.length) {
    if (text[index] === '\\') {
      index += 2;
      continue;
    }
    if (text.startsWith(terminator, index)) return index + terminator.length;
    if (!triple && text[index] === '\n') return index;
    index++;
  }
  return index;
}
