import type { BoundingBox } from '@conveyor/documents';
import type { DocumentLayout, PageSource } from '@conveyor/document-reading';
import { labelKey } from './fold-text';

/** A word as the extractor sees it: its label key, where it is, and which line and segment it belongs to. */
export interface Token {
  readonly text: string;
  readonly key: string;
  readonly bbox: BoundingBox;
  readonly confidence: number;
  readonly page: number;
  /** Index of its line in DocumentText.lines. */
  line: number;
  /** Index within its line. */
  index: number;
  /** Index of its segment within its line (words separated by a wide gap are different segments). */
  segment: number;
}

/** Words sharing a baseline, left to right; split into segments (cells, columns) at wide gaps. */
export interface TextLine {
  readonly index: number;
  readonly page: number;
  readonly source: PageSource;
  readonly tokens: Token[];
  readonly segments: Token[][];
  readonly bbox: BoundingBox;
}

export interface DocumentText {
  readonly lines: TextLine[];
  /** Lines of each page (1-based page number → lines), in reading order. */
  readonly byPage: Map<number, TextLine[]>;
  readonly sources: Map<number, PageSource>;
}

/**
 * Groups a layout's words into lines (vertical overlap), orders them left to right, splits glued label/value
 * pairs ("Nr.:123", "n°562044387") and cuts each line into segments where the gap is wider than a few
 * characters, so a label's value is looked for in the right place.
 */
export function buildDocumentText(layout: DocumentLayout): DocumentText {
  const lines: TextLine[] = [];
  const byPage = new Map<number, TextLine[]>();
  const sources = new Map<number, PageSource>();
  for (const page of layout.pages) {
    sources.set(page.number, page.source);
    const words = page.words
      .filter((word) => word.text.trim() !== '')
      .flatMap((word) => splitGluedWord(word.text.trim(), word.bbox).map((part) => ({ ...part, confidence: word.confidence })));
    const pageLines: TextLine[] = [];
    for (const group of groupIntoLines(words)) {
      const index = lines.length;
      const tokens: Token[] = group.map((word, position) => ({ ...word, key: labelKey(word.text), page: page.number, line: index, index: position, segment: 0 }));
      const line: TextLine = { index, page: page.number, source: page.source, tokens, segments: segmentTokens(tokens), bbox: unionBox(tokens.map((token) => token.bbox)) };
      lines.push(line);
      pageLines.push(line);
    }
    byPage.set(page.number, pageLines);
  }
  return { lines, byPage, sources };
}

interface PlacedWord {
  text: string;
  bbox: BoundingBox;
  confidence: number;
}

function groupIntoLines(words: PlacedWord[]): PlacedWord[][] {
  const sorted = [...words].sort((a, b) => centreY(a.bbox) - centreY(b.bbox) || a.bbox.x - b.bbox.x);
  // height: of the line's lettered words (undefined while it holds punctuation only).
  const groups: { words: PlacedWord[]; centre: number; height: number | undefined }[] = [];
  // Words share a line when their centres are within 40% of the smaller height: a big letterhead name and
  // the small e-mail line under it stay apart, a bold total and its amount on one baseline stay together.
  for (const word of sorted) {
    const current = groups[groups.length - 1];
    const centre = centreY(word.bbox);
    // OCR boxes a lone dash or dot as a sliver: it must not shrink the line's tolerance and split it ("CASH
    // CHANGE - 56.10" read as two lines). Only words with letters or digits set a line's height.
    const lettered = /[\p{L}\p{N}]/u.test(word.text);
    const lineHeight = current?.height ?? current?.words[0].bbox.height;
    const own = lettered || lineHeight === undefined ? word.bbox.height : lineHeight;
    if (current && Math.abs(centre - current.centre) <= 0.4 * Math.min(own, current.height ?? own)) {
      current.words.push(word);
      current.centre += (centre - current.centre) / current.words.length;
      if (lettered) current.height = Math.min(current.height ?? word.bbox.height, word.bbox.height);
    } else {
      groups.push({ words: [word], centre, height: lettered ? word.bbox.height : undefined });
    }
  }
  return groups.map((group) => group.words.sort((a, b) => a.bbox.x - b.bbox.x));
}

function segmentTokens(tokens: Token[]): Token[][] {
  const segments: Token[][] = [];
  let previous: Token | undefined;
  for (const token of tokens) {
    const gap = previous ? token.bbox.x - (previous.bbox.x + previous.bbox.width) : 0;
    const charWidth = previous ? Math.max(averageCharWidth(previous), averageCharWidth(token)) : 0;
    if (!previous || gap > 2.5 * charWidth) segments.push([]);
    token.segment = segments.length - 1;
    segments[segments.length - 1].push(token);
    previous = token;
  }
  return segments;
}

export function averageCharWidth(token: { text: string; bbox: BoundingBox }): number {
  return token.bbox.width / Math.max(1, [...token.text].length);
}

/** "Nr.:123" → "Nr.:" "123"; "n°562044387" → "n°" "562044387"; "#A-17" → "#" "A-17". Boxes apportioned by characters. */
function splitGluedWord(text: string, bbox: BoundingBox): { text: string; bbox: BoundingBox }[] {
  const glued =
    /^(\p{L}[\p{L}.\-/]*:)(\S+)$/u.exec(text) ?? /^(n[°º.]|nr\.|no\.|#)(\p{L}?\p{N}\S*)$/iu.exec(text) ?? /^(\p{L}{2,}\/)(\p{L}{2,}\S*)$/u.exec(text);
  if (!glued) return [{ text, bbox }];
  const total = [...text].length;
  const headWidth = (bbox.width * [...glued[1]].length) / total;
  return [
    { text: glued[1], bbox: { ...bbox, width: headWidth } },
    { text: glued[2], bbox: { ...bbox, x: bbox.x + headWidth, width: bbox.width - headWidth } },
  ];
}

export function centreY(box: BoundingBox): number {
  return box.y + box.height / 2;
}

export function unionBox(boxes: readonly BoundingBox[]): BoundingBox {
  const x0 = Math.min(...boxes.map((box) => box.x));
  const y0 = Math.min(...boxes.map((box) => box.y));
  const x1 = Math.max(...boxes.map((box) => box.x + box.width));
  const y1 = Math.max(...boxes.map((box) => box.y + box.height));
  return { x: clamp(x0), y: clamp(y0), width: clamp(x1 - x0), height: clamp(y1 - y0) };
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Text of tokens as printed, one space between words. */
export function tokensText(tokens: readonly Token[]): string {
  return tokens.map((token) => token.text).join(' ');
}
