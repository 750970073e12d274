import { DEFAULT_DOCUMENT_LIMITS, inspectDocument, type BoundingBox } from '@conveyor/documents';
import { DomainError, isDomainError } from '@conveyor/kernel';
import type { OcrEngine, OcrPage } from '@conveyor/ocr';
import type { DocumentLayout, LayoutPage, ReadingIssue } from './document-layout';
import { renderPdfPage, DEFAULT_RENDER_DPI, DEFAULT_RENDER_MAX_PIXELS } from './pdf-page-renderer';
import { readAssessedTextPages, type AssessedTextPage } from './pdf-text-layout.reader';
import type { PdfWorkerPool } from '@conveyor/pdf-reader';
import { toReadingLines } from './reading-order';
import { DEFAULT_TEXT_LAYER_THRESHOLD } from './text-layer-score';

export interface ReadDocumentOptions {
  /** Reads pages without a usable text layer, and images; without it such pages come back empty with an issue. */
  ocr?: OcrEngine;
  pool?: PdfWorkerPool;
  textLayerThreshold?: number;
  /** Resolution pages are rendered at for OCR; default 300. */
  dpi?: number;
  /** Pixel budget of one rendered page; default 20 million. */
  maxPixels?: number;
  /** Default: the intake limit (200). */
  maxPages?: number;
  /** Passed to the OCR engine. */
  languages?: readonly string[];
  signal?: AbortSignal;
}

export type ReadableMediaType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/tiff';

const IMAGE_TYPES = new Set<string>(['image/png', 'image/jpeg', 'image/tiff']);
/** Pages rendered and recognised at once: enough to keep both pools busy, few enough to bound memory. */
const OCR_CONCURRENCY = 4;
/** Images smaller than this share of the page (logos, signatures) are not worth reading into a text page. */
const READABLE_IMAGE_SHARE = 0.05;

/**
 * Reads a document into words with boxes. PDFs: every page from its text layer; pages whose layer is missing or
 * unusable are rendered and read by OCR, and so are large images a usable layer leaves unread (their words are
 * added to the page's). Images go to OCR directly. Throws DomainError for unreadable input.
 */
export async function readDocument(bytes: Uint8Array, mediaType: string, options: ReadDocumentOptions = {}): Promise<DocumentLayout> {
  if (mediaType === 'application/pdf') return readPdf(bytes, options);
  if (IMAGE_TYPES.has(mediaType)) return readImage(bytes, options);
  throw new DomainError('DOCUMENT_TYPE_UNSUPPORTED', `documents of type ${mediaType} are not read as page layouts (PDF, PNG, JPEG or TIFF are)`);
}

interface ReadPage {
  page: LayoutPage;
  text: string;
  issue?: ReadingIssue;
}

async function readPdf(bytes: Uint8Array, options: ReadDocumentOptions): Promise<DocumentLayout> {
  const threshold = options.textLayerThreshold ?? DEFAULT_TEXT_LAYER_THRESHOLD;
  const assessed = await readAssessedTextPages(bytes, { pool: options.pool, textLayerThreshold: threshold, maxPages: options.maxPages });
  const pages = await mapConcurrently(assessed, OCR_CONCURRENCY, async (page): Promise<ReadPage> => (page.assessment.needsOcr ? readByOcr(bytes, page, threshold, options) : asIs(page)));
  const issues = pages.flatMap((read) => (read.issue ? [read.issue] : []));
  return {
    kind: assessed.some((page) => page.assessment.needsOcr) ? 'pdf-scanned' : 'pdf-text',
    pages: pages.map((read) => read.page),
    text: pages.map((read) => read.text).join('\f'),
    ...(issues.length > 0 ? { issues } : {}),
  };
}

function asIs(assessed: AssessedTextPage): ReadPage {
  return { page: assessed.page, text: assessed.text };
}

async function readByOcr(bytes: Uint8Array, assessed: AssessedTextPage, threshold: number, options: ReadDocumentOptions): Promise<ReadPage> {
  const layerUsable = assessed.assessment.score >= threshold;
  const kept = layerUsable ? assessed.page.words : [];
  const number = assessed.page.number;
  if (!options.ocr) {
    const why = assessed.assessment.reasons.join(', ');
    return {
      ...laidOut({ ...assessed.page, words: [...kept] }),
      issue: { code: 'OCR_UNAVAILABLE', page: number, message: `page ${number} needs OCR (${why}) but no OCR engine was given: ${layerUsable ? 'only its text layer was read' : 'it was left unread'}` },
    };
  }
  const rendered = await renderPdfPage(bytes, number, { pool: options.pool, dpi: options.dpi ?? DEFAULT_RENDER_DPI, maxPixels: options.maxPixels ?? DEFAULT_RENDER_MAX_PIXELS });
  let recognised: OcrPage;
  try {
    recognised = await options.ocr.recognize(rendered.png, { dpi: rendered.dpi, languages: options.languages, signal: options.signal });
  } catch (error) {
    if (!isDomainError(error) || error.retryable) throw error;
    return { ...laidOut({ ...assessed.page, words: [...kept] }), issue: { code: 'OCR_FAILED', page: number, message: `page ${number} could not be read by OCR: ${error.message}` } };
  }
  const ocrWords = recognised.words.filter((word) => word.text.trim() !== '').map((word) => ({ text: word.text.trim(), bbox: word.bbox, confidence: word.confidence }));
  const turned = isQuarterTurn(recognised.rotation);
  if (layerUsable && recognised.rotation === 0) {
    const regions = assessed.images.filter((image) => image.width * image.height >= READABLE_IMAGE_SHARE);
    const added = ocrWords.filter((word) => regions.some((region) => centreInside(word.bbox, region)) && !kept.some((text) => overlaps(word.bbox, text.bbox)));
    return laidOut({ ...assessed.page, words: [...kept, ...added] });
  }
  return laidOut({
    ...assessed.page,
    width: turned ? rendered.pageHeight : rendered.pageWidth,
    height: turned ? rendered.pageWidth : rendered.pageHeight,
    source: 'ocr',
    words: ocrWords,
    textLayerScore: assessed.page.words.length === 0 ? 1 : assessed.assessment.score,
    rotation: normalisedDegrees(assessed.page.rotation + recognised.rotation),
  });
}

async function readImage(bytes: Uint8Array, options: ReadDocumentOptions): Promise<DocumentLayout> {
  const facts = await inspectDocument(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { ...DEFAULT_DOCUMENT_LIMITS, maxBytes: Number.MAX_SAFE_INTEGER });
  if (facts.rejection) throw new DomainError(facts.rejection.code, facts.rejection.message);
  if (!facts.mediaType || !IMAGE_TYPES.has(facts.mediaType)) throw new DomainError('DOCUMENT_TYPE_UNSUPPORTED', `the content is ${facts.mediaType ?? 'unknown'}, not an image`);
  const blank: LayoutPage = { number: 1, width: facts.widthPx ?? 0, height: facts.heightPx ?? 0, source: 'ocr', words: [], textLayerScore: 1, rotation: 0, needsOcr: true };
  if (!options.ocr) {
    return { kind: 'image', pages: [blank], text: '', issues: [{ code: 'OCR_UNAVAILABLE', page: 1, message: 'the image needs OCR but no OCR engine was given: it was left unread' }] };
  }
  const recognised = await options.ocr.recognize(bytes, { languages: options.languages, signal: options.signal });
  const read = laidOut({
    ...blank,
    width: recognised.width,
    height: recognised.height,
    rotation: normalisedDegrees(recognised.rotation),
    words: recognised.words.filter((word) => word.text.trim() !== '').map((word) => ({ text: word.text.trim(), bbox: word.bbox, confidence: word.confidence })),
  });
  return { kind: 'image', pages: [read.page], text: read.text };
}

/** Puts a page's words in reading order and derives its text. */
function laidOut(page: LayoutPage): ReadPage {
  const lines = toReadingLines(page.words);
  return { page: { ...page, words: lines.flat(), needsOcr: true }, text: lines.map((line) => line.map((word) => word.text).join(' ')).join('\n') };
}

function isQuarterTurn(degrees: number): boolean {
  const turned = normalisedDegrees(degrees);
  return Math.abs(turned - 90) < 1 || Math.abs(turned - 270) < 1;
}

function normalisedDegrees(degrees: number): number {
  return ((degrees % 360) + 360) % 360;
}

function centreInside(box: BoundingBox, region: BoundingBox): boolean {
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  return x >= region.x && x <= region.x + region.width && y >= region.y && y <= region.y + region.height;
}

/** A recognised word that mostly lies on a word of the text layer repeats it. */
function overlaps(box: BoundingBox, other: BoundingBox): boolean {
  const width = Math.min(box.x + box.width, other.x + other.width) - Math.max(box.x, other.x);
  const height = Math.min(box.y + box.height, other.y + other.height) - Math.max(box.y, other.y);
  return width > 0 && height > 0 && width * height > 0.3 * box.width * box.height;
}

async function mapConcurrently<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
