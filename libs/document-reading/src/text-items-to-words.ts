import type { BoundingBox } from '@conveyor/documents';
import type { LayoutWord } from './document-layout';
import type { RawTextItem } from '@conveyor/pdf-reader';

const WHITESPACE = /\s+/u;

/**
 * Splits pdf.js text runs into words with boxes in page fractions. A run is laid along its baseline (any angle);
 * each character gets an equal share of the run's advance, so a word's box spans its characters' shares, from
 * the font's descent to its ascent. Boxes are clipped to the page; words entirely off the page are dropped.
 */
export function textItemsToWords(items: readonly RawTextItem[], pageWidth: number, pageHeight: number): LayoutWord[] {
  const words: LayoutWord[] = [];
  for (const item of items) {
    const characters = Array.from(item.str);
    if (characters.length === 0) continue;
    const [a, b, c, d, e, f] = item.transform;
    const fontSize = Math.hypot(c, d) || Math.abs(item.height) || 1;
    const runLength = item.width > 0 ? item.width : fontSize * 0.5 * characters.length;
    const along = normalised(a, b);
    // "Up" on the text in a y-down page: the baseline direction turned a quarter to the left.
    const up = { x: along.y, y: -along.x };
    const top = Math.max(item.ascent, 0.5) * fontSize;
    const bottom = Math.min(item.descent, 0) * fontSize;
    const share = runLength / characters.length;
    let index = 0;
    for (const token of item.str.split(WHITESPACE)) {
      const start = item.str.indexOf(token, index);
      index = start + token.length;
      if (token === '') continue;
      const from = Array.from(item.str.slice(0, start)).length * share;
      const to = from + Array.from(token).length * share;
      const corners = [from, to].flatMap((distance) =>
        [bottom, top].map((height) => ({ x: e + along.x * distance + up.x * height, y: f + along.y * distance + up.y * height })),
      );
      const bbox = pageBox(corners, pageWidth, pageHeight);
      if (bbox) words.push({ text: token, bbox, confidence: 1 });
    }
  }
  return words;
}

function normalised(x: number, y: number): { x: number; y: number } {
  const length = Math.hypot(x, y);
  return length === 0 ? { x: 1, y: 0 } : { x: x / length, y: y / length };
}

function pageBox(corners: { x: number; y: number }[], pageWidth: number, pageHeight: number): BoundingBox | null {
  const xs = corners.map((corner) => corner.x / pageWidth);
  const ys = corners.map((corner) => corner.y / pageHeight);
  const x0 = clamp(Math.min(...xs));
  const x1 = clamp(Math.max(...xs));
  const y0 = clamp(Math.min(...ys));
  const y1 = clamp(Math.max(...ys));
  if (x1 <= x0 || y1 <= y0) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
