import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DocumentRejection } from './document.model';

export type PdfFacts = { pages: number } | { rejection: DocumentRejection };

/** The PDF specification lets readers look for %%EOF in the last 1024 bytes (writers may pad after it). */
const EOF_WINDOW = 1024;
const EOF_MARKER = Buffer.from('%%EOF', 'latin1');
/** Counting pages reads the page tree only: seconds at most for honest files, however long. */
const DEADLINE_MS = 30_000;
const HEAP_LIMIT_MB = 512;

type CountAnswer = { pages: number } | { error: { name: string; message: string } };

/**
 * Counts a PDF's pages without rendering them. A file without its final %%EOF was cut short in transit;
 * a password-protected one cannot be read by any later step; anything pdf.js cannot open in time and
 * within its memory cap is corrupt.
 */
export async function inspectPdf(bytes: Buffer): Promise<PdfFacts> {
  if (bytes.subarray(Math.max(0, bytes.length - EOF_WINDOW)).indexOf(EOF_MARKER) < 0) {
    return { rejection: { code: 'DOCUMENT_TRUNCATED', message: 'The PDF has no end-of-file marker: it was cut short (truncated upload?)' } };
  }
  const answer = await countPages(bytes);
  if ('pages' in answer) {
    if (!Number.isInteger(answer.pages) || answer.pages < 1) return { rejection: { code: 'DOCUMENT_CORRUPT', message: 'The PDF has no pages' } };
    return { pages: answer.pages };
  }
  if (answer.error.name === 'PasswordException') {
    return { rejection: { code: 'DOCUMENT_ENCRYPTED', message: 'The PDF is protected by a password and cannot be read' } };
  }
  return { rejection: { code: 'DOCUMENT_CORRUPT', message: `The PDF cannot be read: ${answer.error.message}` } };
}

/** Runs pdf-page-count-worker.js on a copy of the bytes; a deadline or a crash of the thread is an answer too. */
function countPages(bytes: Buffer): Promise<CountAnswer> {
  return new Promise((resolve) => {
    const worker = new Worker(join(__dirname, 'pdf-page-count-worker.js'), {
      workerData: { bytes: new Uint8Array(bytes) },
      resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB },
    });
    let settled = false;
    const settle = (answer: CountAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      void worker.terminate();
      resolve(answer);
    };
    const deadline = setTimeout(() => settle({ error: { name: 'Timeout', message: `reading it took longer than ${DEADLINE_MS / 1000} s` } }), DEADLINE_MS);
    worker.once('message', (answer: CountAnswer) => settle(answer));
    worker.once('error', (error) => settle({ error: { name: error.name, message: error.message } }));
    worker.once('exit', (code) => settle({ error: { name: 'Exit', message: `the reader stopped (exit code ${code})` } }));
  });
}
