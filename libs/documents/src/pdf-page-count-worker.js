'use strict';
// Counts a PDF's pages with pdf-parse (pdf.js) on a thread of its own (started by pdf-inspection.ts).
// Why a thread: a hostile PDF can keep pdf.js busy or make it grow without bound; on a thread it can be
// stopped at a deadline and capped in memory without harming the process. And here Node's own module
// loader runs, so pdf.js can import() its worker code, which Jest's module sandbox refuses.
// Plain JavaScript because a worker does not inherit the TypeScript loader of the main thread.
const { parentPort, workerData } = require('node:worker_threads');
const { PDFParse } = require('pdf-parse');

/** pdf.js' "errors only": a damaged file is reported by the caller, not printed to the console. */
const ERRORS_ONLY = 0;

/** @type {{ bytes: Uint8Array }} */
const { bytes } = workerData;

async function main() {
  const parser = new PDFParse({ data: bytes, verbosity: ERRORS_ONLY });
  try {
    const info = await parser.getInfo();
    parentPort.postMessage({ pages: info.total });
  } catch (error) {
    const name = error && typeof error === 'object' && typeof error.name === 'string' ? error.name : 'Error';
    parentPort.postMessage({ error: { name, message: error instanceof Error ? error.message : String(error) } });
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

void main();
