import { fileTypeFromBuffer } from 'file-type/core';
import { isDocumentMediaType, type DocumentMediaType } from './document.model';
import { looksLikeStatementText } from './statement-text';
import { decodeXmlText, looksLikeXml } from './xml-inspection';

/** What the bytes are: one of the accepted types (XML with its decoded text), or what else they looked like. */
export type DetectedContent =
  | { mediaType: Exclude<DocumentMediaType, 'application/xml'> }
  | { mediaType: 'application/xml'; text: string }
  | { mediaType: null; detected?: string };

const TIFF_SIGNATURES = [Buffer.from([0x49, 0x49, 0x2a, 0x00]), Buffer.from([0x4d, 0x4d, 0x00, 0x2a])];

/**
 * The content type from the magic numbers (file-type), never from the name. XML has no magic number when
 * it starts without a declaration, so text that opens with markup counts as XML too; its well-formedness is
 * checked later.
 */
export async function detectContent(bytes: Buffer): Promise<DetectedContent> {
  const found = await fileTypeFromBuffer(bytes);
  if (found && found.mime !== 'application/xml') {
    return isDocumentMediaType(found.mime) ? { mediaType: found.mime as Exclude<DocumentMediaType, 'application/xml'> } : { mediaType: null, detected: found.mime };
  }
  // file-type reads a TIFF's first directory to tell camera raw formats apart, so a TIFF cut short inside it
  // goes unrecognised: its signature alone still says what it is (the inspection then finds it truncated).
  if (!found && TIFF_SIGNATURES.some((signature) => bytes.subarray(0, 4).equals(signature))) return { mediaType: 'image/tiff' };
  const text = decodeXmlText(bytes);
  if (text !== undefined && looksLikeXml(text)) return { mediaType: 'application/xml', text };
  if (!found && looksLikeStatementText(bytes)) return { mediaType: 'text/plain' };
  return { mediaType: null, ...(found ? { detected: found.mime } : {}) };
}
