import { CelNode, childNodes, identifierName, isCelNode, receiverCall } from './cel-ast';
import { compileExpression } from './expression-compiler';

/** Macros whose first argument names a variable bound in the following arguments. */
const BINDING_MACROS = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);
/** Namespaces, not variables: `cel.bind(...)`, `optional.of(...)`. */
const NAMESPACES = new Set(['cel', 'optional']);

export interface VariableUse {
  /** Top-level name, e.g. "inputs". */
  name: string;
  /** The field read directly on it, when written as `name.field` or `name["field"]`. */
  field?: string;
}

/**
 * The context variables an expression reads (ignoring names bound by map/filter/... and cel.bind).
 * Unparseable sources give [] (checkExpression reports them).
 */
export function freeVariables(source: string): VariableUse[] {
  let root: CelNode;
  try {
    root = compileExpression(source).ast;
  } catch {
    return [];
  }
  const uses: VariableUse[] = [];
  collect(root, new Set(), uses, undefined);
  return uses;
}

function collect(node: CelNode, bound: ReadonlySet<string>, uses: VariableUse[], parent: CelNode | undefined): void {
  const name = identifierName(node);
  if (name !== undefined) {
    if (!bound.has(name) && !NAMESPACES.has(name)) uses.push({ name, field: fieldReadBy(parent, node) });
    return;
  }
  const call = receiverCall(node);
  const variable = call ? identifierName(call.args[0] ?? ({} as CelNode)) : undefined;
  if (call && variable !== undefined && BINDING_MACROS.has(call.name)) {
    collect(call.receiver, bound, uses, node);
    const inner = new Set(bound).add(variable);
    for (const argument of call.args.slice(1)) collect(argument, inner, uses, node);
    return;
  }
  if (call && variable !== undefined && call.name === 'bind' && identifierName(call.receiver) === 'cel') {
    if (call.args[1]) collect(call.args[1], bound, uses, node);
    const inner = new Set(bound).add(variable);
    for (const argument of call.args.slice(2)) collect(argument, inner, uses, node);
    return;
  }
  for (const childNode of childNodes(node)) collect(childNode, bound, uses, node);
}

function fieldReadBy(parent: CelNode | undefined, target: CelNode): string | undefined {
  if (!parent || !Array.isArray(parent.args) || parent.args[0] !== target) return undefined;
  const key = parent.args[1];
  if ((parent.op === '.' || parent.op === '.?') && typeof key === 'string') return key;
  if ((parent.op === '[]' || parent.op === '[?]') && isCelNode(key) && key.op === 'value' && typeof key.args === 'string') {
    return key.args;
  }
  return undefined;
}
