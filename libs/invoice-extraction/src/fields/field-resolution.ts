import type { ExtractedField, FieldSource, InvoiceFieldName } from '@conveyor/documents';
import { unionBox, type DocumentText } from '../layout/text-lines';
import type { Candidate } from './field-candidates';

/** The candidates that agree on one value, their combined support and the best-placed one for the box. */
export interface ValueGroup {
  readonly field: InvoiceFieldName;
  readonly value: string;
  readonly support: number;
  readonly best: Candidate;
  readonly members: readonly Candidate[];
}

/** Candidates agreeing on a value support each other (noisy-OR of their scores), strongest group first. */
export function groupCandidates(candidates: readonly Candidate[]): ValueGroup[] {
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) groups.set(candidate.value, [...(groups.get(candidate.value) ?? []), candidate]);
  return [...groups]
    .map(([value, members]) => {
      const sorted = [...members].sort((a, b) => b.score - a.score);
      const support = 1 - members.reduce((rest, member) => rest * (1 - Math.min(0.98, member.score)), 1);
      return { field: sorted[0].field, value, support, best: sorted[0], members: sorted };
    })
    .sort((a, b) => b.support - a.support);
}

/** Confidence of the winning group, lowered when a different value had comparable support. */
export function confidenceOf(winner: ValueGroup, groups: readonly ValueGroup[]): number {
  const rival = groups.find((group) => group.value !== winner.value);
  const ratio = rival ? rival.support / winner.support : 0;
  return clampConfidence(winner.support * (1 - 0.35 * Math.min(1, ratio) ** 2));
}

export function clampConfidence(value: number): number {
  return Math.round(Math.min(0.99, Math.max(0, value)) * 1000) / 1000;
}

/** A field as the result carries it: value, confidence, the page's source, page and box. */
export function toExtractedField(text: DocumentText, group: ValueGroup, confidence: number, source?: FieldSource): ExtractedField {
  const tokens = group.best.tokens;
  const page = tokens[0]?.page ?? null;
  return {
    value: group.value,
    confidence: clampConfidence(confidence),
    source: source ?? (page !== null && text.sources.get(page) === 'ocr' ? 'ocr' : 'text'),
    page,
    bbox: tokens.length > 0 ? unionBox(tokens.map((token) => token.bbox)) : null,
  };
}
