import type { DocumentLayout, LayoutPage } from '@conveyor/document-reading';

/** A line of text placed on a page for tests: x and y are page fractions (top-left origin). */
export interface PlacedText {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  /** OCR confidence of its words (default 1). */
  readonly confidence?: number;
}

const CHAR_WIDTH = 0.0075;
const LINE_HEIGHT = 0.011;

/**
 * Builds a page the way a reader would deliver it: words split on spaces, boxes from character positions (so
 * several spaces make a wide gap, like a column), in reading order.
 */
export function pageOf(lines: readonly PlacedText[], number = 1, source: 'text' | 'ocr' = 'text'): LayoutPage {
  const words = lines.flatMap((line) => {
    const found: LayoutPage['words'] = [];
    for (const match of line.text.matchAll(/\S+/g)) {
      const start = match.index ?? 0;
      found.push({
        text: match[0],
        bbox: { x: line.x + start * CHAR_WIDTH, y: line.y, width: match[0].length * CHAR_WIDTH, height: LINE_HEIGHT },
        confidence: line.confidence ?? 1,
      });
    }
    return found;
  });
  words.sort((a, b) => a.bbox.y - b.bbox.y || a.bbox.x - b.bbox.x);
  return { number, width: 595, height: 842, source, words, textLayerScore: 1, rotation: 0 };
}

export function layoutOf(...pages: (readonly PlacedText[])[]): DocumentLayout {
  const built = pages.map((lines, index) => pageOf(lines, index + 1));
  return { kind: 'pdf-text', pages: built, text: built.map((page) => page.words.map((word) => word.text).join(' ')).join('\f') };
}

export function ocrLayoutOf(lines: readonly PlacedText[]): DocumentLayout {
  const page = pageOf(lines, 1, 'ocr');
  return { kind: 'image', pages: [page], text: page.words.map((word) => word.text).join(' ') };
}

/** Lines stacked from `top` down, one line height and a half apart, all starting at x. */
export function stacked(x: number, top: number, texts: readonly string[]): PlacedText[] {
  return texts.map((text, index) => ({ text, x, y: top + index * LINE_HEIGHT * 1.6 }));
}
