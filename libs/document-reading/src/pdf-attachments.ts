import type { PdfTaskResults } from '@conveyor/pdf-reader';
import { sharedPdfWorkerPool, type PdfWorkerPool } from '@conveyor/pdf-reader';

/**
 * Files embedded in a PDF (PDF/A-3 associated files: Factur-X, ZUGFeRD XML), its page count and, when asked,
 * the plain text of each page, read through the PDF reader pool. Unreadable input fails with the pool's
 * DomainError codes (DOCUMENT_CORRUPT, DOCUMENT_ENCRYPTED, DOCUMENT_TOO_COMPLEX, ...).
 */
export function readPdfAttachments(bytes: Uint8Array, options: { withText: boolean; pool?: PdfWorkerPool }): Promise<PdfTaskResults['attachments']> {
  return (options.pool ?? sharedPdfWorkerPool()).run(bytes, { kind: 'attachments', withText: options.withText });
}
