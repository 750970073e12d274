/** The parts of a cel-js AST node we inspect (the published type is a wide union; we only read). */
export interface CelNode {
  op: string;
  args: unknown;
  range?: { start: number; end: number };
}

export function isCelNode(value: unknown): value is CelNode {
  return typeof value === 'object' && value !== null && typeof (value as { op?: unknown }).op === 'string' && 'args' in value;
}

/** Child nodes in source order, whatever the operator's argument layout is. */
export function childNodes(node: CelNode): CelNode[] {
  const children: CelNode[] = [];
  const collect = (value: unknown): void => {
    if (isCelNode(value)) children.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
  };
  collect(node.args);
  return children;
}

/** Visits every node depth-first; `ancestors` lists the path from the root (excluding the node). */
export function walkAst(root: CelNode, visit: (node: CelNode, ancestors: readonly CelNode[]) => void): void {
  const ancestors: CelNode[] = [];
  const step = (node: CelNode): void => {
    visit(node, ancestors);
    ancestors.push(node);
    for (const child of childNodes(node)) step(child);
    ancestors.pop();
  };
  step(root);
}

/** `receiver.name(...)` calls: [name, receiver, args]. */
export function receiverCall(node: CelNode): { name: string; receiver: CelNode; args: CelNode[] } | undefined {
  if (node.op !== 'rcall' || !Array.isArray(node.args)) return undefined;
  const [name, receiver, args] = node.args as [unknown, unknown, unknown];
  if (typeof name !== 'string' || !isCelNode(receiver) || !Array.isArray(args)) return undefined;
  return { name, receiver, args: args.filter(isCelNode) };
}

/** `name(...)` calls: [name, args]. */
export function globalCall(node: CelNode): { name: string; args: CelNode[] } | undefined {
  if (node.op !== 'call' || !Array.isArray(node.args)) return undefined;
  const [name, args] = node.args as [unknown, unknown];
  if (typeof name !== 'string' || !Array.isArray(args)) return undefined;
  return { name, args: args.filter(isCelNode) };
}

export function identifierName(node: CelNode): string | undefined {
  return node.op === 'id' && typeof node.args === 'string' ? node.args : undefined;
}

export function stringLiteral(node: CelNode): string | undefined {
  return node.op === 'value' && typeof node.args === 'string' ? node.args : undefined;
}
