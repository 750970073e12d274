import type { LabelHit } from '../lexicon/label-finder';
import type { DocumentText, Token } from '../layout/text-lines';

/** Where a label's value may be: the words right of it on its line, or the block under it. */
export interface ValueWindow {
  readonly tokens: readonly Token[];
  readonly relation: 'right' | 'below';
  /** 0..1: how typical this place is for a value (next to the label: 1; far right or lines below: less). */
  readonly geometry: number;
}

const FILLER = /^[:\-–—.#=|]+$/;

export function labelsByLine(hits: readonly LabelHit[]): Map<number, LabelHit[]> {
  const byLine = new Map<number, LabelHit[]>();
  for (const hit of hits) byLine.set(hit.line, [...(byLine.get(hit.line) ?? []), hit]);
  for (const list of byLine.values()) list.sort((a, b) => a.start - b.start);
  return byLine;
}

/**
 * The places a label's value is looked for. Right: the words after the label up to the next label on the line
 * (a wide gap costs a little). Below: the first of the next three lines with words under the label's span,
 * unless those words are themselves a label (a stack of labels whose values sit to their right).
 */
export function valueWindows(text: DocumentText, hit: LabelHit, byLine: Map<number, LabelHit[]>, acceptBelow: (tokens: readonly Token[]) => boolean = () => true): ValueWindow[] {
  const windows: ValueWindow[] = [];
  const line = text.lines[hit.line];
  const nextLabel = (byLine.get(hit.line) ?? []).find((other) => other.start >= hit.end);
  const right = line.tokens.slice(hit.end, nextLabel ? nextLabel.start : line.tokens.length).filter((token) => !FILLER.test(token.text));
  if (right.length > 0) {
    const gap = right[0].bbox.x - (hit.bbox.x + hit.bbox.width);
    const sameSegment = right[0].segment === line.tokens[hit.end - 1].segment;
    windows.push({ tokens: right, relation: 'right', geometry: sameSegment ? 1 : Math.max(0.6, (hit.colon ? 0.95 : 0.88) - 0.25 * gap) });
  }
  const pageLines = text.byPage.get(hit.page) ?? [];
  const position = pageLines.findIndex((candidate) => candidate.index === hit.line);
  const span = { from: hit.bbox.x - 0.02, to: hit.bbox.x + Math.max(hit.bbox.width, 0.08) + 0.02 };
  let previousBottom = line.bbox.y + line.bbox.height;
  for (let step = 1; step <= 3 && position + step < pageLines.length; step += 1) {
    const below = pageLines[position + step];
    if (below.bbox.y - previousBottom > 2.5 * Math.max(line.bbox.height, 0.008)) break;
    previousBottom = below.bbox.y + below.bbox.height;
    const under = below.tokens.filter((token) => token.bbox.x < span.to && token.bbox.x + token.bbox.width > span.from && !FILLER.test(token.text));
    if (under.length === 0) continue;
    const labelsThere = byLine.get(below.index) ?? [];
    // A stack of labels (the words under this one start with a label, or hold one of the same field) has its
    // values to the right. Another field's label later under the span ("RE-2025/781 Currency: SEK", a wrapped
    // value beside the next row) only ends the window.
    const inSpan = (other: LabelHit) => under.some((token) => token.index >= other.start && token.index < other.end);
    if (labelsThere.some((other) => other.target !== 'other' && ((under[0].index >= other.start && under[0].index < other.end) || (other.target === hit.target && inSpan(other))))) break;
    const nextThere = labelsThere.find((other) => other.start > under[0].index && (other.colon || other.weight >= 1));
    const segments = new Set(under.map((token) => token.segment));
    const tokens = below.tokens.filter((token) => segments.has(token.segment) && !FILLER.test(token.text) && (!nextThere || token.index < nextThere.start));
    if (!acceptBelow(tokens)) continue;
    windows.push({ tokens, relation: 'below', geometry: [0.85, 0.7, 0.55][step - 1] });
    break;
  }
  return windows;
}
