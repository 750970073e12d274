import type { BoundingBox } from '@conveyor/documents';

/** One recognised word; the box is in fractions of the (upright) input image, origin top-left. */
export interface OcrWord {
  text: string;
  bbox: BoundingBox;
  /** 0..1 */
  confidence: number;
}

export interface OcrPage {
  /** Size of the image that was recognised, in pixels, after turning it upright. */
  width: number;
  height: number;
  /** Degrees the image was turned (clockwise) before recognition: `orientation + skew`. */
  rotation: number;
  /** The quarter turn (clockwise) that made the page upright: 0, 90, 180 or 270. */
  orientation?: number;
  /** The small deskew angle (degrees, clockwise) applied after the quarter turn. */
  skew?: number;
  /** In reading order. */
  words: OcrWord[];
  /** Mean word confidence, 0..1. */
  confidence: number;
}

export interface OcrOptions {
  /** ISO 639-2 codes of the tesseract data packages to use, e.g. ['eng', 'deu']; default: every installed one the engine was built with. */
  languages?: readonly string[];
  /** Resolution the image was rendered or scanned at, when known (drives upscaling of low-resolution scans). */
  dpi?: number;
  signal?: AbortSignal;
  /** 0-based page of a multi-page TIFF (default 0); `countImagePages` tells how many there are. */
  page?: number;
  /** Detect and correct 90/180/270-degree turns (default true; false for pages known to be upright). */
  detectOrientation?: boolean;
}

/**
 * Reads words from a raster image (PNG, JPEG, TIFF bytes). Implementations keep a pool of OCR workers
 * sized to the machine; `close` ends them. Never downloads anything at run time.
 */
export interface OcrEngine {
  recognize(image: Uint8Array, options?: OcrOptions): Promise<OcrPage>;
  close(): Promise<void>;
}
