import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError } from '@conveyor/kernel';

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

type WorkerAnswer = PdfContents | { error: { name: string; message: string } };

/** An honest invoice PDF opens in well under a second; a hostile one must not hold a worker. */
const DEADLINE_MS = 30_000;
const HEAP_LIMIT_MB = 512;

/**
 * Opens a PDF with pdf-parse (pdf.js) in a worker thread and returns its page count, embedded files and text
 * layer. The thread bounds time and memory a malformed PDF can take, and keeps pdf.js' ES-module worker
 * loading out of the caller's module system.
 */
export function readPdfContents(bytes: Uint8Array, options: { withText: boolean }): Promise<PdfContents> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'pdf-contents-worker.js'), {
      // A copy: pdf.js detaches the buffer it is given.
      workerData: { bytes: new Uint8Array(bytes), withText: options.withText },
      resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB },
    });
    let settled = false;
    const settle = (answer: WorkerAnswer | DomainError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      void worker.terminate();
      if (answer instanceof DomainError) reject(answer);
      else if ('error' in answer) reject(toPdfError(answer.error));
      else resolve(answer);
    };
    const deadline = setTimeout(() => settle(new DomainError('PDF_TOO_COMPLEX', `the PDF could not be read within ${DEADLINE_MS / 1000} s`)), DEADLINE_MS);
    worker.once('message', (answer: WorkerAnswer) => settle(answer));
    worker.once('error', (error) => settle(new DomainError('PDF_CORRUPT', `the PDF cannot be read: ${error.message}`)));
    worker.once('exit', (code) => settle(new DomainError('PDF_CORRUPT', `the PDF reader stopped unexpectedly (exit ${code})`)));
  });
}

function toPdfError(error: { name: string; message: string }): DomainError {
  if (error.name === 'PasswordException') return new DomainError('PDF_ENCRYPTED', 'the PDF is password-protected');
  if (error.name === 'PdfLibraryUnsupported') return new DomainError('PDF_LIBRARY_UNSUPPORTED', `${error.message}; embedded files cannot be read`);
  return new DomainError('PDF_CORRUPT', `the PDF cannot be read: ${error.message}`);
}
