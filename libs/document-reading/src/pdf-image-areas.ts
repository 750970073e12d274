import type { BoundingBox } from '@conveyor/documents';
import { imageCoverage } from './page-coverage';
import { assertLooksLikeCompletePdf } from '@conveyor/pdf-reader';
import { sharedPdfWorkerPool, type PdfWorkerPool } from '@conveyor/pdf-reader';

export interface PageImageAreas {
  /** 1-based. */
  number: number;
  /** Every image painted on the page (pdf.js operator list), as a box in page fractions. */
  images: BoundingBox[];
  /** Share of the page they cover together, 0..1. */
  imageShare: number;
  /** Share of text-showing operations drawn invisibly (render mode 3: OCR layers over scans). */
  invisibleTextShare: number;
}

/** Where images are painted on each page of a PDF, and how much of the page they cover. */
export async function readPdfImageAreas(bytes: Uint8Array, options: { pool?: PdfWorkerPool } = {}): Promise<PageImageAreas[]> {
  assertLooksLikeCompletePdf(bytes);
  const read = await (options.pool ?? sharedPdfWorkerPool()).run(bytes, { kind: 'imageAreas' });
  return read.pages.map((page) => ({ number: page.number, images: page.images, imageShare: imageCoverage(page.images), invisibleTextShare: page.invisibleTextShare }));
}
