import { readPdfAttachments } from '@conveyor/document-reading';
import { DomainError, isDomainError } from '@conveyor/kernel';

/** A file embedded in a PDF (PDF/A-3 "associated file"). */
export interface PdfAttachment {
  readonly filename: string;
  readonly content: Uint8Array;
}

export interface PdfContents {
  readonly pages: number;
  readonly attachments: readonly PdfAttachment[];
  /** Text layer per page (index 0 = page 1); empty strings for pages without one. */
  readonly pageTexts: readonly string[];
}

/**
 * Opens a PDF with pdf.js on the shared PDF reader pool (libs/document-reading: long-lived threads with a
 * deadline and a memory cap) and returns its page count, embedded files and text layer. The reader's codes
 * are translated to the e-invoice codes callers already rely on.
 */
export async function readPdfContents(bytes: Uint8Array, options: { withText: boolean }): Promise<PdfContents> {
  try {
    return await readPdfAttachments(bytes, { withText: options.withText });
  } catch (error) {
    throw isDomainError(error) ? toPdfError(error) : error;
  }
}

function toPdfError(error: DomainError): DomainError {
  switch (error.code) {
    case 'DOCUMENT_ENCRYPTED':
      return new DomainError('PDF_ENCRYPTED', 'the PDF is password-protected');
    case 'PDF_LIBRARY_UNSUPPORTED':
      return new DomainError('PDF_LIBRARY_UNSUPPORTED', `${error.message}; embedded files cannot be read`);
    case 'DOCUMENT_TOO_COMPLEX':
      return new DomainError('PDF_TOO_COMPLEX', error.message, error.details);
    case 'DOCUMENT_READER_CLOSED':
      return error;
    default:
      return new DomainError('PDF_CORRUPT', error.message.replace(/^The PDF/, 'the PDF'), error.details);
  }
}
