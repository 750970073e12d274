import { foldText } from '../layout/fold-text';
import { tokensText, type DocumentText, type Token } from '../layout/text-lines';
import type { LabelHit } from '../lexicon/label-finder';
import type { Candidate } from './field-candidates';
import type { ValueGroup } from './field-resolution';
import { blockOwner } from './party-names';

/** A party name nothing corroborates keeps at most this: below the default auto-accept threshold (0.7). */
export const UNCORROBORATED_NAME_CONFIDENCE = 0.6;
/** A rival seller name with this much support is a plausible seller too. */
const PLAUSIBLE_RIVAL_SUPPORT = 0.5;

export interface SellerEvidence {
  readonly text: DocumentText;
  /** Every vendor candidate (the buyer's name already removed), for the rivals. */
  readonly candidates: readonly Candidate[];
  readonly winner: ValueGroup;
  /** Where the IBAN and the VAT ids printed on the page sit: the party that owns one is the one being paid. */
  readonly identifiers: { readonly iban?: readonly Token[]; readonly vatIds: readonly (readonly Token[])[] };
}

const nameKey = (name: string): string => foldText(name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * A vendor name is confident only when something besides its own line speaks for it: a seller label governs it,
 * or its block carries the IBAN or a VAT id, or it is the only company line in the letterhead (top of page one)
 * or the footer. When another plausible seller is printed (a buyer's window above the letterhead, two legal names
 * at the top), only a seller label or the IBAN's block decides; otherwise a person picks.
 */
export function vendorNameCorroborated(evidence: SellerEvidence): boolean {
  const { text, winner } = evidence;
  const winnerKey = nameKey(winner.value);
  const owns = (tokens: readonly Token[] | undefined): string | undefined => {
    const owner = tokens && tokens.length > 0 ? blockOwner(text, tokens) : undefined;
    return owner ? nameKey(tokensText(owner)) : undefined;
  };
  const labelled = (group: readonly Candidate[]) => group.some((member) => / of "|^"name" under/.test(member.evidence));
  const ibanOwner = owns(evidence.identifiers.iban);
  const vatOwners = new Set(evidence.identifiers.vatIds.map(owns).filter((key): key is string => key !== undefined));
  const placed = (group: readonly Candidate[]) =>
    group.some((member) => member.evidence.startsWith('legal form') && member.tokens.some((token) => (token.page === 1 && text.lines[token.line].bbox.y < 0.2) || text.lines[token.line].bbox.y > 0.85));

  const byKey = new Map<string, Candidate[]>();
  for (const candidate of evidence.candidates) byKey.set(nameKey(candidate.value), [...(byKey.get(nameKey(candidate.value)) ?? []), candidate]);
  const own = byKey.get(winnerKey) ?? winner.members;
  const support = (group: readonly Candidate[]) => 1 - group.reduce((rest, member) => rest * (1 - Math.min(0.98, member.score)), 1);
  const rivals = [...byKey].filter(([key, group]) => key !== winnerKey && !winnerKey.includes(key) && !key.includes(winnerKey) && support(group) >= PLAUSIBLE_RIVAL_SUPPORT);

  if (labelled(own) && !rivals.some(([, group]) => labelled(group))) return true;
  if (ibanOwner !== undefined) return ibanOwner === winnerKey && !rivals.some(([key]) => key === ibanOwner);
  if (rivals.length > 0) return false;
  return vatOwners.has(winnerKey) || placed(own);
}

/**
 * A buyer's name read under a customer label is confident only when it looks like a name: not words of a label
 * (`/ Rechnungsanschrift` beside `Bill to`, `Nº de`, a column header such as `Description`).
 */
export function customerNameCorroborated(winner: ValueGroup, hits: readonly LabelHit[]): boolean {
  const tokens = winner.best.tokens;
  if (/^[\s/|\\:;,.\-–—(]/.test(winner.best.value) || /^[\s/|\\]/.test(tokens[0]?.text ?? '')) return false;
  return !tokens.some((token) => hits.some((hit) => hit.line === token.line && token.index >= hit.start && token.index < hit.end));
}
