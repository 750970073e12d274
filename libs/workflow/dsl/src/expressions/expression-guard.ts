import { CelNode, globalCall, receiverCall, stringLiteral, walkAst } from './cel-ast';

/**
 * CEL is not Turing complete, but cel-js has no run-time cost limit and uses JavaScript regular
 * expressions (which can backtrack exponentially). These static rules keep one expression from
 * tying up a worker: bounded nesting of list macros, bounded `cel.bind` chains, and only
 * fixed, non-nested-quantifier patterns for `matches`.
 */
export const MAX_MACRO_NESTING = 2;
export const MAX_BINDS = 8;

const LIST_MACROS = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);

/** Returns a reason the expression is refused, or null when it is acceptable. */
export function findGuardViolation(root: CelNode): string | null {
  let violation: string | null = null;
  let binds = 0;
  walkAst(root, (node, ancestors) => {
    if (violation) return;
    const call = receiverCall(node);
    if (call && LIST_MACROS.has(call.name)) {
      const nesting = ancestors.filter((ancestor) => isListMacro(ancestor)).length + 1;
      if (nesting > MAX_MACRO_NESTING) {
        violation = `list functions (map, filter, all, exists) may be nested at most ${MAX_MACRO_NESTING} deep`;
      }
    }
    if (call?.name === 'bind' && ++binds > MAX_BINDS) violation = `cel.bind may be used at most ${MAX_BINDS} times`;
    const matches = call?.name === 'matches' ? call.args[0] : matchesGlobalPattern(node);
    if (matches) violation = checkPattern(matches);
  });
  return violation;
}

function isListMacro(node: CelNode): boolean {
  const call = receiverCall(node);
  return call !== undefined && LIST_MACROS.has(call.name);
}

function matchesGlobalPattern(node: CelNode): CelNode | undefined {
  const call = globalCall(node);
  return call?.name === 'matches' ? call.args[1] : undefined;
}

function checkPattern(node: CelNode): string | null {
  const pattern = stringLiteral(node);
  if (pattern === undefined) return 'matches() needs a fixed pattern written in quotes';
  return hasNestedQuantifier(pattern)
    ? `the pattern "${pattern}" repeats a group that itself repeats (like (a+)+), which can take forever to run`
    : null;
}

/** True when a quantified group contains a quantifier or an alternation: the classic catastrophic shapes. */
export function hasNestedQuantifier(pattern: string): boolean {
  const groups: { risky: boolean }[] = [];
  let inClass = false;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') {
      index++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === '(') groups.push({ risky: false });
    else if (char === '|' && groups.length > 0) groups[groups.length - 1].risky = true;
    else if (isQuantifier(char)) markEnclosingRisky(groups);
    else if (char === ')') {
      const closed = groups.pop();
      if (closed && isQuantifier(pattern[index + 1] ?? '')) {
        if (closed.risky) return true;
        markEnclosingRisky(groups);
      } else if (closed?.risky) {
        markEnclosingRisky(groups);
      }
    }
  }
  return false;
}

function isQuantifier(char: string): boolean {
  return char === '*' || char === '+' || char === '{';
}

function markEnclosingRisky(groups: { risky: boolean }[]): void {
  if (groups.length > 0) groups[groups.length - 1].risky = true;
}
