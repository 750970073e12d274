import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';

/** The shared corpus (../shared/corpus next to the repository, present in CI). Read at test time, never copied. */
export const REPOSITORY_ROOT = resolve(__dirname, '../../..');
export const CORPUS_ROOT = resolve(REPOSITORY_ROOT, '../shared/corpus');
/** A synthetic 72-dpi invoice (595 × 841 px, one page of A4). */
export const FATURA_INVOICE = resolve(CORPUS_ROOT, 'invoices/fatura/images/Template1_Instance100.jpg');

/** Region of the fatura invoice in pixels, origin top-left. */
export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The heading block: INVOICE, Date: 17-Sep-2006, Due Date : 14-Aug-2009, PO Number :27. */
export const HEADING_BLOCK: Region = { left: 300, top: 0, width: 295, height: 110 };
/** The upper part of the page: heading, seller and buyer addresses. */
export const UPPER_PAGE: Region = { left: 0, top: 0, width: 595, height: 260 };

/**
 * Where the corpus annotation puts a field (PDF points, origin bottom-left, page 841 high), as fractions of a
 * region cut from the page image.
 */
export function annotatedBoxIn(region: Region, [[x0, y0], [x1, y1]]: [[number, number], [number, number]]) {
  const top = 841 - Math.max(y0, y1);
  return { x: (x0 - region.left) / region.width, y: (top - region.top) / region.height, width: (x1 - x0) / region.width, height: Math.abs(y1 - y0) / region.height };
}

export async function faturaCrop(region: Region, format: 'png' | 'jpeg' = 'png'): Promise<Buffer> {
  const cut = sharp(readFileSync(FATURA_INVOICE)).extract(region);
  return format === 'png' ? cut.png().toBuffer() : cut.jpeg({ quality: 90 }).toBuffer();
}
