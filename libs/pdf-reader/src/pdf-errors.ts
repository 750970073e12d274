import { DomainError } from '@conveyor/kernel';

/** The PDF specification lets readers look for %%EOF in the last 1024 bytes (writers may pad after it). */
const EOF_WINDOW = 1024;
const EOF_MARKER = Buffer.from('%%EOF', 'latin1');
const PDF_HEADER = Buffer.from('%PDF-', 'latin1');
/** Writers may put a few bytes of junk before the header; readers look in the first kilobyte. */
const HEADER_WINDOW = 1024;

/**
 * Refuses, before any thread is bothered, what cannot be a complete PDF: nothing at all, no PDF header, or no
 * end-of-file marker (cut short in transit). The codes are those of document intake (libs/documents).
 */
export function assertLooksLikeCompletePdf(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new DomainError('DOCUMENT_EMPTY', 'The PDF is empty (0 bytes)');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.subarray(0, HEADER_WINDOW).indexOf(PDF_HEADER) < 0) {
    throw new DomainError('DOCUMENT_CORRUPT', 'The file has no PDF header: it is not a PDF');
  }
  if (buffer.subarray(Math.max(0, buffer.length - EOF_WINDOW)).indexOf(EOF_MARKER) < 0) {
    throw new DomainError('DOCUMENT_TRUNCATED', 'The PDF has no end-of-file marker: it was cut short (truncated upload?)');
  }
}

/** Turns what a reader thread reported (pdf.js' exception name and message) into a DomainError with a code. */
export function pdfReadError(error: { name: string; message: string }): DomainError {
  switch (error.name) {
    case 'PasswordException':
      return new DomainError('DOCUMENT_ENCRYPTED', 'The PDF is protected by a password and cannot be read');
    case 'PdfLibraryUnsupported':
      return new DomainError('PDF_LIBRARY_UNSUPPORTED', error.message);
    case 'TooManyPages':
      return new DomainError('DOCUMENT_TOO_MANY_PAGES', error.message);
    case 'PageOutOfRange':
      return new DomainError('DOCUMENT_PAGE_NOT_FOUND', error.message);
    case 'UnknownTask':
      return new DomainError('INTERNAL', error.message);
    default:
      return new DomainError('DOCUMENT_CORRUPT', `The PDF cannot be read: ${error.message}`, { reason: error.name });
  }
}
