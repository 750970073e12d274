import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DomainError } from '@conveyor/kernel';

/** One element with its namespace resolved; text is the element's own trimmed character data. */
export interface XmlElement {
  readonly name: string;
  readonly namespace: string | null;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

/** Larger than any real invoice XML (XRechnung with embedded attachments is a few MB). */
const MAX_XML_BYTES = 50 * 1024 * 1024;

/**
 * Parses untrusted XML without ever resolving entities or DTDs. A DOCTYPE (and with it every external entity,
 * parameter entity and "billion laughs" definition) is refused before parsing: invoice syntaxes never use one.
 * Entity processing in the parser is off too; only the five predefined entities and character references are
 * decoded, by us, once, so nothing can expand.
 */
export function parseXmlSafely(input: Uint8Array | string): XmlElement {
  const xml = typeof input === 'string' ? input : decodeXml(input);
  if (xml.length > MAX_XML_BYTES) throw new DomainError('XML_TOO_LARGE', `XML of ${xml.length} characters is larger than the ${MAX_XML_BYTES} allowed`);
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new DomainError('XML_DOCTYPE_FORBIDDEN', 'XML with a DOCTYPE or entity declarations is refused (external entities and entity expansion are never processed)');
  }
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { code, msg, line } = validation.err;
    throw new DomainError('XML_MALFORMED', `XML is not well-formed: ${msg} (line ${line})`, { parserCode: code, line });
  }
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    attributesGroupName: ATTRIBUTES,
    removeNSPrefix: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    alwaysCreateTextNode: true,
    cdataPropName: CDATA,
    trimValues: false,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  }).parse(xml) as RawNode;
  const roots = Object.entries(parsed).filter(([name]) => !name.startsWith('#') && name !== ATTRIBUTES);
  if (roots.length !== 1) throw new DomainError('XML_MALFORMED', 'XML must have exactly one root element');
  const [rootName, rootNodes] = roots[0];
  return toElement(rootName, (rootNodes as RawNode[])[0], new Map());
}

/** First element along the path; each step may list alternatives ("ExchangedDocument|HeaderExchangedDocument"). */
export function child(element: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  return children(element, ...path)[0];
}

/** Every element reached along the path (all matches at every step). */
export function children(element: XmlElement | undefined, ...path: string[]): XmlElement[] {
  let current: XmlElement[] = element ? [element] : [];
  for (const step of path) {
    const names = step.split('|');
    current = current.flatMap((node) => node.children.filter((candidate) => names.includes(candidate.name)));
  }
  return current;
}

/** Trimmed text at the path, or undefined when the element is missing or empty. */
export function textAt(element: XmlElement | undefined, ...path: string[]): string | undefined {
  const text = child(element, ...path)?.text.trim();
  return text ? text : undefined;
}

const ATTRIBUTES = '#attributes';
const CDATA = '#cdata';
type RawNode = Record<string, unknown>;

function toElement(qualifiedName: string, raw: RawNode, parentScope: ReadonlyMap<string, string>): XmlElement {
  const rawAttributes = (raw[ATTRIBUTES] ?? {}) as Record<string, string>;
  const scope = new Map(parentScope);
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawAttributes)) {
    if (name === 'xmlns') scope.set('', decodeEntities(value));
    else if (name.startsWith('xmlns:')) scope.set(name.slice(6), decodeEntities(value));
    else attributes[localName(name)] = decodeEntities(value);
  }
  const prefix = qualifiedName.includes(':') ? qualifiedName.slice(0, qualifiedName.indexOf(':')) : '';
  let text = '';
  const elementChildren: XmlElement[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (name === ATTRIBUTES) continue;
    if (name === '#text') text += decodeEntities(String(value));
    else if (name === CDATA) text += (value as RawNode[]).map((part) => String(part['#text'] ?? '')).join('');
    else for (const node of value as RawNode[]) elementChildren.push(toElement(name, node, scope));
  }
  return { name: localName(qualifiedName), namespace: scope.get(prefix) ?? null, attributes, children: elementChildren, text };
}

function localName(qualifiedName: string): string {
  return qualifiedName.slice(qualifiedName.indexOf(':') + 1);
}

const PREDEFINED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Single pass, so "&amp;lt;" stays "&lt;"; unknown references are left as written, never looked up. */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, entity: string) => {
    if (!entity.startsWith('#')) return PREDEFINED_ENTITIES[entity];
    const codePoint = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
  });
}

/** UTF-8 (with or without BOM), UTF-16 by BOM, or the encoding the declaration names (e.g. ISO-8859-1). */
function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(declared.toLowerCase(), { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new DomainError('XML_MALFORMED', `XML is not valid ${declared}`);
  }
}
