/**
 * The content types intake accepts, as detected from the bytes (never from the file name). text/plain is
 * accepted only for bank statements in text formats (MT940/MT942, OFX 1.x: see statement-text.ts).
 */
export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff', 'application/xml', 'text/plain'] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

export function isDocumentMediaType(value: unknown): value is DocumentMediaType {
  return typeof value === 'string' && (DOCUMENT_MEDIA_TYPES as readonly string[]).includes(value);
}

/**
 * received: accepted and stored, `document.uploaded` not yet delivered (a re-upload delivers it);
 * stored: accepted, stored and announced; rejected: kept for inspection with the reason, never announced;
 * duplicate: a second upload of an accepted document's bytes, recorded for who sent it, pointing at the first.
 */
export const DOCUMENT_STATUSES = ['received', 'stored', 'rejected', 'duplicate'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export function isDocumentStatus(value: unknown): value is DocumentStatus {
  return typeof value === 'string' && (DOCUMENT_STATUSES as readonly string[]).includes(value);
}

/** Statuses of documents that count for duplicate detection (their bytes passed every check). */
export const ACCEPTED_STATUSES: readonly DocumentStatus[] = ['received', 'stored'];

/** Why a document was rejected; the code is stable, the message says it to a person. */
export type DocumentRejectionCode =
  | 'DOCUMENT_EMPTY'
  | 'DOCUMENT_TOO_LARGE'
  | 'DOCUMENT_TYPE_UNSUPPORTED'
  | 'DOCUMENT_TRUNCATED'
  | 'DOCUMENT_CORRUPT'
  | 'DOCUMENT_ENCRYPTED'
  | 'DOCUMENT_TOO_MANY_PAGES'
  | 'DOCUMENT_TOO_MANY_PIXELS'
  | 'DOCUMENT_XML_UNSAFE';

export interface DocumentRejection {
  code: DocumentRejectionCode;
  message: string;
}

/** One uploaded document as recorded. */
export interface DocumentRecord {
  id: string;
  /** Lower-case hex SHA-256 of the bytes. */
  sha256: string;
  /** The name the uploader gave (display only; nothing is decided from it). */
  fileName: string;
  /** Detected from the content; null when the content is of no accepted type (or empty). */
  mediaType: DocumentMediaType | null;
  sizeBytes: number;
  /** PDF: page count; images and XML: 1; null when unknown (rejected before counting). */
  pages: number | null;
  /** Images: width and height in pixels, when read. */
  widthPx: number | null;
  heightPx: number | null;
  status: DocumentStatus;
  errorCode: DocumentRejectionCode | null;
  errorMessage: string | null;
  /** Where the bytes are in the DocumentStore (rejected bytes are kept too). */
  storageKey: string;
  /** For status duplicate: the accepted document with the same bytes. */
  duplicateOf: string | null;
  /** The actor id of who uploaded it: 'user:<id>', 'api-key:<id>'. */
  uploadedBy: string;
  uploadedAt: Date;
  /** When `document.uploaded` was delivered (status stored). */
  announcedAt: Date | null;
}

/** The payload of the `document.uploaded` event (trigger inputs read it as `${{ event.documentId }}` etc.). */
export interface DocumentUploadedPayload {
  documentId: string;
  sha256: string;
  mediaType: DocumentMediaType;
  fileName: string;
  size: number;
  pages: number | null;
  uploadedBy: string;
  [key: string]: unknown;
}

export const DOCUMENT_UPLOADED_EVENT = 'document.uploaded';
