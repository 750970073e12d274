import { XMLValidator } from 'fast-xml-parser';
import type { DocumentRejection } from './document.model';

/** Text decoded by its byte-order mark (UTF-8 without one); undefined when it is not text in that encoding. */
export function decodeXmlText(bytes: Buffer): string | undefined {
  const [first, second] = [bytes[0], bytes[1]];
  const encoding = first === 0xff && second === 0xfe ? 'utf-16le' : first === 0xfe && second === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Text whose first markup is an XML declaration, a comment, a processing instruction, a DOCTYPE or an element. */
export function looksLikeXml(text: string): boolean {
  return /^\s*<(?:\?xml[\s?]|!--|!DOCTYPE[\s>]|[A-Za-z_][\w.:-]*[\s/>])/.test(text);
}

/**
 * Well-formedness, and no entity declarations: e-invoices never need them, and they are how XML attacks
 * (external entities, entity expansion) are delivered. Nothing is resolved here or later.
 */
export function inspectXml(text: string): DocumentRejection | undefined {
  if (/<!ENTITY/i.test(text)) {
    return { code: 'DOCUMENT_XML_UNSAFE', message: 'The XML declares entities (a DTD with <!ENTITY>); they are refused for safety' };
  }
  const result = XMLValidator.validate(text);
  if (result === true) return undefined;
  const { msg, line, col } = result.err;
  return {
    code: closesItsRoot(text) ? 'DOCUMENT_CORRUPT' : 'DOCUMENT_TRUNCATED',
    message: `The XML is not well-formed at line ${line}, column ${col}: ${msg}${closesItsRoot(text) ? '' : ' (it ends before its root element is closed: truncated?)'}`,
  };
}

/** True when the text ends with the closing tag of its first element (trailing comments and spaces aside). */
function closesItsRoot(text: string): boolean {
  const root = /<([A-Za-z_][\w.:-]*)/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''))?.[1];
  if (!root) return false;
  const tail = text.replace(/(?:\s|<!--[\s\S]*?-->)*$/, '');
  return tail.endsWith('/>') || new RegExp(`</${root.replace(/[.]/g, '\\.')}\\s*>$`).test(tail);
}
