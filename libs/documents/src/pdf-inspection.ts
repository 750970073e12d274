import { isDomainError } from '@conveyor/kernel';
import { sharedPdfWorkerPool, type PdfWorkerPool } from '@conveyor/pdf-reader';
import type { DocumentRejection } from './document.model';

export type PdfFacts = { pages: number } | { rejection: DocumentRejection };

/** The PDF specification lets readers look for %%EOF in the last 1024 bytes (writers may pad after it). */
const EOF_WINDOW = 1024;
const EOF_MARKER = Buffer.from('%%EOF', 'latin1');
/** Counting pages reads the page tree only: seconds at most for honest files, however long. */
const DEADLINE_MS = 30_000;

/** What the reader pool's failures mean for an upload; anything else (a closed pool) is not the file's fault. */
const REJECTED_AS: Readonly<Record<string, DocumentRejection['code']>> = {
  DOCUMENT_ENCRYPTED: 'DOCUMENT_ENCRYPTED',
  DOCUMENT_CORRUPT: 'DOCUMENT_CORRUPT',
  DOCUMENT_TOO_COMPLEX: 'DOCUMENT_CORRUPT',
  DOCUMENT_READER_CRASHED: 'DOCUMENT_CORRUPT',
};

/**
 * Counts a PDF's pages without rendering them, on the process's shared PDF reader pool (the threads that also
 * read text layers and render pages, so an upload does not pay for loading pdf.js on a thread of its own). A
 * file without its final %%EOF was cut short in transit; a password-protected one cannot be read by any later
 * step; anything pdf.js cannot open in time and within the pool's memory cap is corrupt.
 */
export async function inspectPdf(bytes: Buffer, pool: PdfWorkerPool = sharedPdfWorkerPool()): Promise<PdfFacts> {
  if (bytes.subarray(Math.max(0, bytes.length - EOF_WINDOW)).indexOf(EOF_MARKER) < 0) {
    return { rejection: { code: 'DOCUMENT_TRUNCATED', message: 'The PDF has no end-of-file marker: it was cut short (truncated upload?)' } };
  }
  try {
    const { pages } = await pool.run(bytes, { kind: 'pageCount' }, { timeoutMs: DEADLINE_MS });
    if (!Number.isInteger(pages) || pages < 1) return { rejection: { code: 'DOCUMENT_CORRUPT', message: 'The PDF has no pages' } };
    return { pages };
  } catch (error) {
    const code = isDomainError(error) && !error.retryable ? REJECTED_AS[error.code] : undefined;
    if (!code) throw error;
    if (code === 'DOCUMENT_ENCRYPTED') return { rejection: { code, message: 'The PDF is protected by a password and cannot be read' } };
    return { rejection: { code, message: error instanceof Error && error.message.startsWith('The PDF') ? error.message : `The PDF cannot be read: ${(error as Error).message}` } };
  }
}
