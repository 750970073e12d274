import sharp, { type Metadata } from 'sharp';
import { flattenBackground } from './background-flattening';
import { OCR_ERROR_CODES, ocrError } from './ocr-errors';
import { estimateSkewDegrees, estimateTextLineHeight, inkPoints, lineStrength, turnPoints, type InkPoints } from './page-geometry';

const READABLE_FORMATS = new Set(['png', 'jpeg', 'tiff']);
/** Long side of the copy the geometry is measured on: enough to see lines, cheap to scan. */
const ANALYSIS_LONG_SIDE = 1400;
/** Text-line height (pixels) tesseract's LSTM models read best at; measured lines are scaled towards it. */
const TARGET_LINE_HEIGHT = 20;
const MAX_UPSCALE = 2.5;
/** Skews smaller than this are left alone (resampling costs more than it gains). */
const MIN_SKEW_DEGREES = 0.3;

export interface PreparationLimits {
  /** Decoded pixels accepted from the input (width × height); more is refused. */
  maxInputPixels: number;
  /** Pixels handed to tesseract after upscaling; the scale is reduced to stay within. */
  maxRecognitionPixels: number;
}

/** A decoded page: grayscale, contrast-normalised, paper flattened to white, EXIF-oriented, at its original resolution. */
export interface DecodedPage {
  gray: Buffer;
  width: number;
  height: number;
  /** Ink of a reduced copy, for geometry; `analysisScale` = reduced / original. */
  ink: InkPoints;
  analysisScale: number;
  /** Density from the file (pixels per inch), when it says. */
  density: number | undefined;
}

export interface PreparedImage {
  png: Buffer;
  width: number;
  height: number;
}

/** How many pages an image holds (multi-page TIFF; 1 for PNG and JPEG). */
export async function countImagePages(image: Uint8Array): Promise<number> {
  try {
    const metadata = await sharp(image, { failOn: 'truncated' }).metadata();
    return metadata.pages ?? 1;
  } catch (error) {
    throw unreadable(error);
  }
}

export async function decodePage(image: Uint8Array, page: number, limits: PreparationLimits): Promise<DecodedPage> {
  if (image.byteLength === 0) throw ocrError(OCR_ERROR_CODES.imageUnreadable, 'the image is empty');
  let metadata: Metadata;
  try {
    metadata = await sharp(image, { failOn: 'truncated', limitInputPixels: false }).metadata();
  } catch (error) {
    throw unreadable(error);
  }
  if (!metadata.format || !READABLE_FORMATS.has(metadata.format)) {
    throw ocrError(OCR_ERROR_CODES.imageUnreadable, `unsupported image format ${metadata.format ?? 'unknown'} (PNG, JPEG or TIFF expected)`, { format: metadata.format });
  }
  const pages = metadata.pages ?? 1;
  if (!Number.isInteger(page) || page < 0 || page >= pages) {
    throw ocrError(OCR_ERROR_CODES.pageOutOfRange, `page ${page} does not exist (the image has ${pages})`, { page, pages });
  }
  const pixels = (metadata.width ?? 0) * ((metadata.pageHeight ?? metadata.height) || 0);
  if (pixels > limits.maxInputPixels) {
    throw ocrError(OCR_ERROR_CODES.imageTooLarge, `the image has ${pixels} pixels, more than the ${limits.maxInputPixels} allowed`, { pixels, limit: limits.maxInputPixels });
  }
  try {
    const { data: decoded, info } = await sharp(image, { failOn: 'truncated', limitInputPixels: limits.maxInputPixels, page })
      .rotate()
      .flatten({ background: '#ffffff' })
      .grayscale()
      // Min–max stretch only: percentile clipping (sharp's default 1–99) whitens faint print when ink covers
      // less than 1% of a page, as on receipts.
      .normalise({ lower: 0, upper: 100 })
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const data = Buffer.from(flattenBackground({ data: decoded, width: info.width, height: info.height }).buffer);
    const analysisScale = Math.min(1, ANALYSIS_LONG_SIDE / Math.max(info.width, info.height));
    const small =
      analysisScale < 1
        ? await sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } })
            .resize({ width: Math.max(1, Math.round(info.width * analysisScale)), height: Math.max(1, Math.round(info.height * analysisScale)), fit: 'fill' })
            .toColourspace('b-w')
            .raw()
            .toBuffer({ resolveWithObject: true })
        : { data, info };
    const ink = inkPoints({ data: small.data, width: small.info.width, height: small.info.height });
    return { gray: data, width: info.width, height: info.height, ink, analysisScale: small.info.width / info.width, density: metadata.density };
  } catch (error) {
    throw unreadable(error);
  }
}

/**
 * How much to enlarge so text lines reach the height tesseract reads best: from the measured line height, else
 * from the stated resolution (towards 300 dpi). Never shrinks; stays within the recognition pixel budget.
 */
export function chooseUpscale(page: DecodedPage, lineHeight: number | null, dpi: number | undefined, limits: PreparationLimits): number {
  let scale = 1;
  if (lineHeight !== null) scale = TARGET_LINE_HEIGHT / (lineHeight / page.analysisScale);
  else if (dpi && dpi > 0) scale = 300 / dpi;
  scale = Math.min(MAX_UPSCALE, Math.max(1, scale));
  if (scale < 1.25) scale = 1;
  const budget = Math.sqrt(limits.maxRecognitionPixels / (page.width * page.height));
  return Math.max(Math.min(scale, budget), Math.min(1, budget));
}

/** Text-line height (analysis pixels) and skew of the page once turned by `quarterTurn`. */
export interface PageMeasure {
  skew: number;
  lineHeight: number | null;
  /** lineStrength at that turn: higher when the text lines run horizontally. */
  strength: number;
}

export function measurePage(page: DecodedPage, quarterTurn: number): PageMeasure {
  const turned = turnPoints(page.ink, quarterTurn);
  const skew = estimateSkewDegrees(turned);
  return {
    skew: Math.abs(skew) < MIN_SKEW_DEGREES ? 0 : skew,
    lineHeight: estimateTextLineHeight(turned, skew),
    strength: lineStrength(turned, skew),
  };
}

/** The page scaled, turned by the quarter turn and straightened by the skew, as PNG for tesseract. */
export async function renderForRecognition(page: DecodedPage, scale: number, quarterTurn: number, skew: number): Promise<PreparedImage> {
  let raw = { data: page.gray, width: page.width, height: page.height };
  if (scale !== 1) {
    // Resized on its own: sharp would turn before resizing within one pipeline.
    const resized = await sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 1 } })
      .resize({ width: Math.round(page.width * scale), height: Math.round(page.height * scale), fit: 'fill', kernel: 'lanczos3' })
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    raw = { data: resized.data, width: resized.info.width, height: resized.info.height };
  }
  let pipeline = sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 1 } });
  const angle = quarterTurn - skew;
  if (angle !== 0) pipeline = pipeline.rotate(angle, { background: '#ffffff' });
  // The stated density matches the scaling target, so tesseract's size heuristics see a 300 dpi page.
  const { data, info } = await pipeline.withDensity(300).png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}

function unreadable(error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(reason)) return ocrError(OCR_ERROR_CODES.imageTooLarge, `the image is too large: ${reason}`);
  return ocrError(OCR_ERROR_CODES.imageUnreadable, `the image cannot be read: ${reason}`, { reason });
}
