import { SaxesParser } from 'saxes';
import { DomainError } from '@conveyor/kernel';
import { malformed, STATEMENT_ERRORS } from '../statement-error';

/** One element by local name (namespaces vary across camt versions and are checked on the root only). */
export interface XmlNode {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
  text: string;
}

/**
 * Parses untrusted XML in one streaming pass (saxes: strict well-formedness, no DTD processing). A DOCTYPE
 * or ENTITY declaration (XXE, billion laughs) is refused before parsing and again if the parser meets one;
 * only the predefined entities and character references are decoded, and an undeclared entity is an error,
 * so nothing is ever fetched or expanded.
 */
export function parseSafeXml(xml: string): { root: XmlNode; namespace: string | null } {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw forbidden();
  const parser = new SaxesParser({ position: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  parser.on('doctype', () => {
    throw forbidden();
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(tag.attributes)) attributes[name] = typeof value === 'string' ? value : value.value;
    const node: XmlNode = { name: localName(tag.name), attributes, children: [], text: '' };
    if (stack.length > 0) stack[stack.length - 1].children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('text', (text) => {
    // Indentation between elements is not content; skipping it spares the garbage collector on large files.
    if (stack.length > 0 && (stack[stack.length - 1].text !== '' || text.trim() !== '')) stack[stack.length - 1].text += text;
  });
  parser.on('cdata', (text) => {
    if (stack.length > 0) stack[stack.length - 1].text += text;
  });
  parser.on('closetag', () => {
    const node = stack.pop();
    if (node) node.text = node.text.trim();
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw malformed(`XML is not well-formed: ${error instanceof Error ? error.message : String(error)}`, { line: parser.line, column: parser.column });
  }
  if (root === null) throw malformed('XML has no root element');
  const found: XmlNode = root;
  return { root: found, namespace: found.attributes.xmlns ?? null };
}

function forbidden(): DomainError {
  return new DomainError(STATEMENT_ERRORS.unsafeXml, 'XML with a DOCTYPE or entity declarations is refused (entities are never resolved)');
}

function localName(qualifiedName: string): string {
  return qualifiedName.slice(qualifiedName.indexOf(':') + 1);
}

/** Every node along the path; a step may list alternatives ("Dt|DtTm"). */
export function nodesAt(node: XmlNode | undefined, ...path: string[]): XmlNode[] {
  let current: XmlNode[] = node ? [node] : [];
  for (const step of path) {
    const names = step.includes('|') ? step.split('|') : null;
    const next: XmlNode[] = [];
    for (const parent of current) for (const child of parent.children) if (names ? names.includes(child.name) : child.name === step) next.push(child);
    current = next;
  }
  return current;
}

/** First node along the path, depth first: the hot path of every camt field, so it allocates nothing. */
export function nodeAt(node: XmlNode | undefined, ...path: string[]): XmlNode | undefined {
  return node ? firstAlong(node, path, 0) : undefined;
}

function firstAlong(node: XmlNode, path: readonly string[], depth: number): XmlNode | undefined {
  if (depth === path.length) return node;
  const step = path[depth];
  const alternatives = step.includes('|');
  for (const child of node.children) {
    if (alternatives ? step.split('|').includes(child.name) : child.name === step) {
      const found = firstAlong(child, path, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** Trimmed text at the path, or null when missing or empty. */
export function textAt(node: XmlNode | undefined, ...path: string[]): string | null {
  const text = nodeAt(node, ...path)?.text;
  return text ? text : null;
}
