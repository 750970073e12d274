import { DEFAULT_DOCUMENT_LIMITS } from '@conveyor/documents';
import type { DocumentLayout, LayoutPage } from './document-layout';
import { mayPaintReadableImage } from './image-xobject-scan';
import { assertLooksLikeCompletePdf } from '@conveyor/pdf-reader';
import type { RawTextPage } from '@conveyor/pdf-reader';
import { sharedPdfWorkerPool, type PdfWorkerPool } from '@conveyor/pdf-reader';
import { toReadingLines } from './reading-order';
import { assessTextLayer, DEFAULT_TEXT_LAYER_THRESHOLD, type TextLayerAssessment } from './text-layer-score';
import { textItemsToWords } from './text-items-to-words';

export interface PdfTextLayoutOptions {
  /** Default: the process-wide pool. */
  pool?: PdfWorkerPool;
  /** Text-layer score under which a page needs OCR; default 0.5. */
  textLayerThreshold?: number;
  /** Per-task deadline override (ms). */
  timeoutMs?: number;
  /**
   * Look for painted images (for scans whose text layer does not read them): 'auto' (default) only when the file
   * stores an image big enough to be read, true always, false never.
   */
  imageAnalysis?: 'auto' | boolean;
  /** A PDF with more pages is refused (DOCUMENT_TOO_MANY_PAGES) before any page is read; default 200. */
  maxPages?: number;
}

/** A page read from its text layer, with the verdict on that layer and the images painted on it. */
export interface AssessedTextPage {
  page: LayoutPage;
  /** Plain text, lines separated by newlines. */
  text: string;
  assessment: TextLayerAssessment;
  images: RawTextPage['images'];
}

/**
 * Reads every page's text layer through the PDF reader pool: words with boxes in page fractions (origin
 * top-left of the upright page), in reading order, each page scored. Pages are returned as read, whatever their
 * score: `kind` is 'pdf-text' here; readDocument decides about OCR. Throws DomainError (DOCUMENT_EMPTY,
 * DOCUMENT_CORRUPT, DOCUMENT_TRUNCATED, DOCUMENT_ENCRYPTED, DOCUMENT_TOO_COMPLEX, ...) for unreadable input.
 */
export async function readPdfTextLayout(bytes: Uint8Array, options: PdfTextLayoutOptions = {}): Promise<DocumentLayout> {
  const pages = await readAssessedTextPages(bytes, options);
  return {
    kind: 'pdf-text',
    pages: pages.map((assessed) => assessed.page),
    text: pages.map((assessed) => assessed.text).join('\f'),
  };
}

export async function readAssessedTextPages(bytes: Uint8Array, options: PdfTextLayoutOptions = {}): Promise<AssessedTextPage[]> {
  assertLooksLikeCompletePdf(bytes);
  const pool = options.pool ?? sharedPdfWorkerPool();
  const analysis = options.imageAnalysis ?? 'auto';
  const withImages = analysis === 'auto' ? mayPaintReadableImage(bytes) : analysis;
  const read = await pool.run(bytes, { kind: 'textLayout', withImages, maxPages: options.maxPages ?? DEFAULT_DOCUMENT_LIMITS.maxPages }, { timeoutMs: options.timeoutMs });
  const threshold = options.textLayerThreshold ?? DEFAULT_TEXT_LAYER_THRESHOLD;
  return read.pages.map((raw) => assessedPage(raw, threshold, withImages));
}

function assessedPage(raw: RawTextPage, threshold: number, imagesAnalysed: boolean): AssessedTextPage {
  const lines = toReadingLines(textItemsToWords(raw.items, raw.width, raw.height));
  const words = lines.flat();
  const assessment = assessTextLayer({ words, images: raw.images, invisibleTextShare: raw.invisibleTextShare, imagesAnalysed }, threshold);
  return {
    page: { number: raw.number, width: raw.width, height: raw.height, source: 'text', words, textLayerScore: assessment.score, rotation: raw.rotation, needsOcr: assessment.needsOcr },
    text: lines.map((line) => line.map((word) => word.text).join(' ')).join('\n'),
    assessment,
    images: raw.images,
  };
}
