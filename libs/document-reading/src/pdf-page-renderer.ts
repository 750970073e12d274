import { DomainError } from '@conveyor/kernel';
import type { RenderedPage } from '@conveyor/pdf-reader';
import { sharedPdfWorkerPool, type PdfWorkerPool } from '@conveyor/pdf-reader';

export interface RenderPdfPageOptions {
  /** Default 300, what OCR reads best. */
  dpi?: number;
  /** Pixel budget of one page image: a large page is rendered at a lower resolution to stay under it. */
  maxPixels?: number;
  pool?: PdfWorkerPool;
  timeoutMs?: number;
}

export const DEFAULT_RENDER_DPI = 300;
/** A3 at 300 dpi is about 17.4 million pixels; beyond that OCR gains nothing and memory suffers. */
export const DEFAULT_RENDER_MAX_PIXELS = 20_000_000;

/** Renders one page (1-based) of a PDF to a PNG, upright, on a white background, with pdf.js and @napi-rs/canvas. */
export function renderPdfPage(bytes: Uint8Array, page: number, options: RenderPdfPageOptions = {}): Promise<RenderedPage> {
  const dpi = options.dpi ?? DEFAULT_RENDER_DPI;
  const maxPixels = options.maxPixels ?? DEFAULT_RENDER_MAX_PIXELS;
  if (!(dpi > 0) || !(maxPixels > 0)) throw new DomainError('INVALID_ARGUMENT', `cannot render at ${dpi} dpi within ${maxPixels} pixels`);
  return (options.pool ?? sharedPdfWorkerPool()).run(bytes, { kind: 'renderPage', page, dpi, maxPixels }, { timeoutMs: options.timeoutMs });
}
