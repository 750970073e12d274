import type { LayoutWord } from './document-layout';

/** Share of the smaller word's height two words must overlap vertically to sit on one line. */
const SAME_LINE_OVERLAP = 0.5;
/** Lines a word may still join after newer ones began (superscripts, baseline jitter). */
const OPEN_LINES = 3;

interface Line {
  top: number;
  bottom: number;
  words: LayoutWord[];
}

/**
 * Groups words into lines (vertical overlap) and orders them as a person reads a page of a left-to-right
 * script: lines from top to bottom, words from left to right within a line.
 */
export function toReadingLines(words: readonly LayoutWord[]): LayoutWord[][] {
  const byMiddle = [...words].sort((left, right) => middle(left) - middle(right) || left.bbox.x - right.bbox.x);
  const lines: Line[] = [];
  for (const word of byMiddle) {
    const line = findLine(lines, word);
    if (line) {
      line.words.push(word);
      line.top = Math.min(line.top, word.bbox.y);
      line.bottom = Math.max(line.bottom, word.bbox.y + word.bbox.height);
    } else {
      lines.push({ top: word.bbox.y, bottom: word.bbox.y + word.bbox.height, words: [word] });
    }
  }
  return lines
    .sort((left, right) => left.top + left.bottom - (right.top + right.bottom))
    .map((line) => line.words.sort((left, right) => left.bbox.x - right.bbox.x));
}

export function inReadingOrder(words: readonly LayoutWord[]): LayoutWord[] {
  return toReadingLines(words).flat();
}

/** Plain text of a page: words of a line joined by spaces, lines by newlines. */
export function readingText(words: readonly LayoutWord[]): string {
  return toReadingLines(words)
    .map((line) => line.map((word) => word.text).join(' '))
    .join('\n');
}

function findLine(lines: Line[], word: LayoutWord): Line | undefined {
  const top = word.bbox.y;
  const bottom = word.bbox.y + word.bbox.height;
  for (let index = lines.length - 1; index >= Math.max(0, lines.length - OPEN_LINES); index -= 1) {
    const line = lines[index];
    const overlap = Math.min(bottom, line.bottom) - Math.max(top, line.top);
    const smaller = Math.min(bottom - top, line.bottom - line.top);
    if (smaller > 0 && overlap >= SAME_LINE_OVERLAP * smaller) return line;
  }
  return undefined;
}

function middle(word: LayoutWord): number {
  return word.bbox.y + word.bbox.height / 2;
}
