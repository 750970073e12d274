import type { BoundingBox } from '@conveyor/documents';

/**
 * What a page looks like to the field extractor, whatever read it: the PDF text layer or OCR. Words carry
 * boxes in page fractions (origin top-left, the same space as extraction results), so label-to-value geometry
 * works the same on born-digital and scanned pages.
 */
export interface LayoutWord {
  /** One word: no spaces inside (text-layer runs are split into words, their boxes apportioned by characters). */
  text: string;
  bbox: BoundingBox;
  /** 1 for a usable text layer; the OCR word confidence (0..1) otherwise. */
  confidence: number;
}

export type PageSource = 'text' | 'ocr';

export interface LayoutPage {
  /** 1-based. */
  number: number;
  /** Page size in PDF points (images: pixels at 72 dpi equivalent), for aspect ratio and reading order. */
  width: number;
  height: number;
  source: PageSource;
  /** Words in reading order (top to bottom, left to right within a line). */
  words: LayoutWord[];
  /** How usable the page's text layer was, 0..1 (1 for pages read by OCR that had no layer: not applicable). */
  textLayerScore: number;
  /** Degrees the page was turned to be read upright (0, 90, 180, 270, or a small deskew angle). */
  rotation: number;
  /**
   * Set when the text layer was missing, unusable, or left a large image unread, so the page needed OCR (done
   * when `source` is 'ocr' or its words carry OCR confidences; see `issues` when it could not be done).
   */
  needsOcr?: boolean;
}

/** Something the reader noticed that the caller should know: a page left unread, OCR that failed. */
export interface ReadingIssue {
  /** OCR_UNAVAILABLE (no OCR engine was given), OCR_FAILED (the engine refused the page). */
  code: string;
  /** 1-based page, or null for the whole document. */
  page: number | null;
  message: string;
}

export interface DocumentLayout {
  /** pdf-text: every page read from its text layer; pdf-scanned: at least one page needed OCR; image: a picture. */
  kind: 'pdf-text' | 'pdf-scanned' | 'image';
  pages: LayoutPage[];
  /** Plain text of every page in reading order (pages separated by form feed), for cross-checks and search. */
  text: string;
  /** Pages that needed OCR and could not get it, and similar; absent or empty when everything was read. */
  issues?: ReadingIssue[];
}
