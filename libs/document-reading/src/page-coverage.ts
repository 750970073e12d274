import type { BoundingBox } from '@conveyor/documents';
import type { LayoutWord } from './document-layout';

/** Cells per side of the grid used to measure unions of boxes: 1% steps are plenty for "how much of the page". */
const GRID = 100;
/** Horizontal bands an image is cut into to see how much of it carries text. */
const BANDS = 40;

/** Share of the page covered by at least one of the boxes (overlaps counted once). */
export function imageCoverage(boxes: readonly BoundingBox[]): number {
  if (boxes.length === 0) return 0;
  const cells = new Uint8Array(GRID * GRID);
  for (const box of boxes) {
    const [x0, x1] = cellRange(box.x, box.width);
    const [y0, y1] = cellRange(box.y, box.height);
    for (let y = y0; y < y1; y += 1) cells.fill(1, y * GRID + x0, y * GRID + x1);
  }
  let covered = 0;
  for (const cell of cells) covered += cell;
  return covered / cells.length;
}

/**
 * Share of a region's horizontal bands in which some word (by its centre) lies: near 1 for a scan with a real
 * OCR layer (text on every line), near 0 when the only text over a scanned page is a footer or a stamp.
 */
export function textCoverageOfRegion(words: readonly LayoutWord[], region: BoundingBox): number {
  if (region.height <= 0) return 0;
  const bands = new Uint8Array(BANDS);
  for (const word of words) {
    const centreX = word.bbox.x + word.bbox.width / 2;
    const centreY = word.bbox.y + word.bbox.height / 2;
    if (centreX < region.x || centreX > region.x + region.width || centreY < region.y || centreY > region.y + region.height) continue;
    const from = Math.floor(((word.bbox.y - region.y) / region.height) * BANDS);
    const to = Math.ceil(((word.bbox.y + word.bbox.height - region.y) / region.height) * BANDS);
    bands.fill(1, Math.max(0, from), Math.min(BANDS, Math.max(from + 1, to)));
  }
  // Lines of text are separated by leading: count a band next to a text band as read too.
  let read = 0;
  for (let band = 0; band < BANDS; band += 1) {
    if (bands[band] || bands[band - 1] || bands[band + 1]) read += 1;
  }
  return read / BANDS;
}

function cellRange(start: number, length: number): [number, number] {
  const from = Math.max(0, Math.min(GRID, Math.round(start * GRID)));
  const to = Math.max(from, Math.min(GRID, Math.round((start + length) * GRID)));
  return [from, to];
}

