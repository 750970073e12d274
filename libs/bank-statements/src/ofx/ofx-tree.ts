import { DomainError } from '@conveyor/kernel';
import { malformed, STATEMENT_ERRORS } from '../statement-error';

/** An OFX aggregate (children) or element (value), the same shape for 1.x SGML and 2.x XML. */
export interface OfxNode {
  name: string;
  value: string | null;
  children: OfxNode[];
}

const TOKEN = /<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z0-9._]+)\s*\/?>|<[?!][^>]*>|([^<]+)/g;

/**
 * Builds the OFX tree without an XML parser, because OFX 1.x is SGML: elements have no end tags
 * ("<TRNAMT>-6.60<FITID>..."), aggregates do. An element is a tag followed by text; a tag followed by another
 * tag opens an aggregate, and an aggregate left open when its parent closes was in fact an empty element.
 * DOCTYPE and entity declarations are refused; only the predefined entities are decoded, never resolved.
 */
export function parseOfxTree(text: string): OfxNode {
  const bodyStart = text.search(/<OFX>/i);
  if (bodyStart < 0) throw malformed('no <OFX> element');
  const header = text.slice(0, bodyStart);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new DomainError(STATEMENT_ERRORS.unsafeXml, 'OFX with a DOCTYPE or entity declarations is refused');
  const root: OfxNode = { name: '#root', value: null, children: [] };
  const stack: OfxNode[] = [root];
  let pendingElement: OfxNode | null = null;
  for (const match of text.slice(bodyStart).matchAll(TOKEN)) {
    const [, cdata, closing, name, textPart] = match;
    if (cdata !== undefined || textPart !== undefined) {
      const value = cdata ?? decodeEntities(textPart);
      if (pendingElement && (cdata !== undefined || value.trim() !== '')) {
        pendingElement.value = (pendingElement.value ?? '') + (cdata ?? value.replace(/\s+$/, ''));
        stack.pop();
        pendingElement = null;
      }
      continue;
    }
    if (!name) continue;
    const tag = name.toUpperCase();
    if (closing) {
      closeTo(stack, tag);
      pendingElement = null;
      continue;
    }
    const node: OfxNode = { name: tag, value: null, children: [] };
    stack.at(-1)!.children.push(node);
    stack.push(node);
    pendingElement = node;
  }
  const ofx = root.children.find((node) => node.name === 'OFX');
  if (!ofx) throw malformed('no <OFX> element');
  if (header && !/OFXHEADER|<\?xml|<\?OFX/i.test(header) && header.trim() !== '') throw malformed('text before <OFX> is not an OFX header');
  return ofx;
}

/** "</X>": close X; whatever was opened inside it and never closed was an empty SGML element. */
function closeTo(stack: OfxNode[], tag: string): void {
  const index = stack.map((node) => node.name).lastIndexOf(tag);
  if (index <= 0) return;
  while (stack.length - 1 > index) {
    const unclosed = stack.pop()!;
    if (unclosed.value === null && unclosed.children.length > 0) {
      const parent = stack.at(-1)!;
      parent.children.push(...unclosed.children);
      unclosed.children = [];
    }
  }
  const closed = stack.pop()!;
  if (closed.value === null && closed.children.length === 0) closed.value = '';
}

const PREDEFINED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos|nbsp);/g, (whole, entity: string) => {
    if (!entity.startsWith('#')) return PREDEFINED_ENTITIES[entity];
    const codePoint = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
  });
}

export function find(node: OfxNode | undefined, ...path: string[]): OfxNode | undefined {
  return findAll(node, ...path)[0];
}

export function findAll(node: OfxNode | undefined, ...path: string[]): OfxNode[] {
  let current = node ? [node] : [];
  for (const step of path) {
    const names = step.split('|');
    current = current.flatMap((parent) => parent.children.filter((child) => names.includes(child.name)));
  }
  return current;
}

/** Every descendant with this name, at any depth. */
export function descendants(node: OfxNode, name: string): OfxNode[] {
  return node.children.flatMap((child) => (child.name === name ? [child] : descendants(child, name)));
}

export function valueAt(node: OfxNode | undefined, ...path: string[]): string | null {
  const value = find(node, ...path)?.value?.trim();
  return value ? value : null;
}
