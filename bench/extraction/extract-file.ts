import { readFileSync } from 'node:fs';
import type { ExtractionResult } from '@conveyor/documents';
import { readDocument, sharedPdfWorkerPool } from '@conveyor/document-reading';
import { extractDocument, type ExtractDocumentDeps } from '@conveyor/invoice-extraction';
import { createOcrEngine, type OcrEngine } from '@conveyor/ocr';

/**
 * The one door the benchmark extracts through: `extractDocument` of @conveyor/invoice-extraction (e-invoices
 * from their XML, other PDFs and images from their page layout), with the page reader of
 * @conveyor/document-reading and the tesseract engine of @conveyor/ocr, as the product wires them. No vendor
 * profiles or templates: the benchmark measures template-free extraction on documents no rule was written for.
 */
let ocr: OcrEngine | undefined;

/** One OCR worker: documents are read one after the other, so latency is per page on one core. */
function ocrEngine(): OcrEngine {
  ocr ??= createOcrEngine({ workers: 1 });
  return ocr;
}

const dependencies: ExtractDocumentDeps = {
  readLayout: (bytes, mediaType) => readDocument(bytes, mediaType, { ocr: ocrEngine() }),
};

export function extractionMode(): string {
  return '@conveyor/invoice-extraction extractDocument (document-reading + tesseract OCR, no vendor profiles)';
}

export async function extractFile(path: string): Promise<ExtractionResult> {
  return extractDocument(readFileSync(path), path, dependencies);
}

/** Ends what the extraction started: OCR workers and the PDF reader pool. */
export async function closeExtraction(): Promise<void> {
  await ocr?.close();
  ocr = undefined;
  await sharedPdfWorkerPool().close();
}
