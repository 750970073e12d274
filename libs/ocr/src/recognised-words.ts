import type { Page } from 'tesseract.js';
import type { OcrWord } from './ocr-engine';

/**
 * The words of a tesseract result in its reading order (blocks, paragraphs, lines), boxes as fractions of the
 * recognised image, confidence 0..1. Empty words are dropped.
 */
export function wordsOf(page: Page, width: number, height: number): OcrWord[] {
  const words: OcrWord[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        for (const word of line.words) {
          const text = word.text.trim();
          if (text.length === 0) continue;
          const x0 = clamp(word.bbox.x0 / width);
          const y0 = clamp(word.bbox.y0 / height);
          words.push({
            text,
            bbox: { x: x0, y: y0, width: clamp(word.bbox.x1 / width) - x0, height: clamp(word.bbox.y1 / height) - y0 },
            confidence: clamp(word.confidence / 100),
          });
        }
      }
    }
  }
  return words;
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
