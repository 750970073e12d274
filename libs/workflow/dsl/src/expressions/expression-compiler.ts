import { celEnvironment, MAX_EXPRESSION_LENGTH } from './cel-environment';
import { CelNode } from './cel-ast';
import { expressionError, toExpressionError } from './expression-error';
import { findGuardViolation } from './expression-guard';
import { DomainError } from '@conveyor/kernel';

/** A parsed CEL expression ready to run against a context of CEL-compatible values. */
export interface CompiledExpression {
  source: string;
  ast: CelNode;
  run(context: Record<string, unknown>): unknown;
}

type CacheEntry = { ok: true; compiled: CompiledExpression } | { ok: false; error: DomainError };

const CACHE_LIMIT = 2_000;
/** Insertion-ordered Map as a small LRU: a hit moves the entry to the end, overflow evicts the oldest. */
const cache = new Map<string, CacheEntry>();

/** Parses (or returns the cached parse of) a CEL source; throws EXPRESSION_ERROR when it is not usable. */
export function compileExpression(source: string): CompiledExpression {
  const entry = lookup(source);
  if (!entry.ok) throw entry.error;
  return entry.compiled;
}

function lookup(source: string): CacheEntry {
  const cached = cache.get(source);
  if (cached) {
    cache.delete(source);
    cache.set(source, cached);
    return cached;
  }
  const entry = compileUncached(source);
  cache.set(source, entry);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return entry;
}

function compileUncached(source: string): CacheEntry {
  if (typeof source !== 'string') {
    return { ok: false, error: expressionError(String(source), 'is not text') };
  }
  if (source.trim() === '') return { ok: false, error: expressionError(source, 'is empty') };
  if (source.length > MAX_EXPRESSION_LENGTH) {
    return {
      ok: false,
      error: expressionError(source, `is ${source.length} characters long; the limit is ${MAX_EXPRESSION_LENGTH}`),
    };
  }
  try {
    const parsed = celEnvironment.parse(source);
    const ast = parsed.ast as unknown as CelNode;
    const violation = findGuardViolation(ast);
    if (violation) return { ok: false, error: expressionError(source, `is not allowed: ${violation}`) };
    return { ok: true, compiled: { source, ast, run: (context) => parsed(context) } };
  } catch (error) {
    return { ok: false, error: toExpressionError(source, error, 'parse') };
  }
}

/** For tests and diagnostics. */
export function compiledExpressionCacheSize(): number {
  return cache.size;
}
