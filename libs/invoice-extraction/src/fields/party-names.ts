import { labelKey } from '../layout/fold-text';
import { tokensText, type DocumentText, type Token } from '../layout/text-lines';
import { DOCUMENT_TITLES } from '../lexicon/field-labels';
import type { LabelHit } from '../lexicon/label-finder';
import type { Candidate } from './field-candidates';
import { ocrFactor } from './field-candidates';
import { labelsByLine, valueWindows } from './value-windows';

/** Legal forms, as label keys (dots and spaces dropped). Short ones count only when printed in capitals. */
const LEGAL_FORMS = new Set([
  'gmbh', 'ag', 'kg', 'ohg', 'ug', 'gbr', 'ek', 'se', 'bv', 'nv', 'vof', 'bvba', 'sprl', 'sa', 'sas', 'sasu', 'sarl', 'eurl', 'sl', 'slu', 'srl', 'spa', 'snc',
  'ltd', 'limited', 'llc', 'inc', 'incorporated', 'plc', 'llp', 'corp', 'corporation', 'spzoo', 'zoo', 'spj', 'sc', 'oy', 'ab', 'aps', 'kft', 'sro', 'zrt', 'gmbhcokg',
]);
const TITLE_KEYS = new Set(DOCUMENT_TITLES.map(labelKey));
/** Words right after a party label that make it an identifier label ("Customer number"), not a name label. */
const IDENTIFIER_WORDS = new Set(['number', 'no', 'nr', 'id', 'nummer', 'numero', 'ref', 'reference', 'code', 'nummern', 'numer']);
/** Field names a form uses for a party's name ("Name:", "Firma:", "Raison sociale :"). */
const NAME_KEYS = new Set(['name', 'firma', 'firmenname', 'nom', 'raisonsociale', 'naam', 'bedrijfsnaam', 'nombre', 'razonsocial', 'nome', 'ragionesociale', 'denominazione', 'nazwa', 'nazwafirmy', 'company', 'companyname']);
const CARE_OF = /^(attn|attention|z\s?hd|c\/o|a\/c|zu händen|à l'attention de)[.:]?\s*/iu;

export interface PartyContext {
  readonly text: DocumentText;
  readonly hits: readonly LabelHit[];
  /** Boxes of the vendor's VAT id and IBAN, when found: the vendor's name is usually in the same block. */
  readonly vendorAnchors: readonly Token[];
}

/** Lines a customer label governs (its line and the few under it): a legal name there is the buyer's. */
export function customerBlockLines(context: PartyContext): Set<number> {
  const block = new Set<number>();
  for (const hit of context.hits.filter((candidate) => candidate.target === 'customerName')) {
    for (let line = hit.line; line <= hit.line + 5 && line < context.text.lines.length; line += 1) {
      if (context.text.lines[line].page === hit.page) block.add(line);
    }
  }
  return block;
}

/** The buyer's name: the first words right of or under a customer label ("Bill to", "Rechnungsempfänger"). */
export function customerCandidates(context: PartyContext): Candidate[] {
  return labelledNames(context, 'customerName');
}

/**
 * The seller's name: from a seller label ("Lieferant", "From"), from lines with a legal form (more when at
 * the top of page one, in the footer, or next to the VAT id or IBAN; much less inside the customer's block),
 * and from the letterhead: the first line of page one, title words ("Invoice") removed.
 */
export function vendorCandidates(context: PartyContext): Candidate[] {
  const candidates = labelledNames(context, 'vendorName');
  const customerBlock = customerBlockLines(context);
  for (const line of context.text.lines) {
    for (const segment of line.segments) {
      const name = legalName(segment);
      if (!name) continue;
      let score = 0.5;
      if (line.page === 1 && line.bbox.y < 0.2) score += 0.25;
      if (line.bbox.y > 0.85) score += 0.1;
      if (context.vendorAnchors.some((anchor) => anchor.page === line.page && Math.abs(anchor.line - line.index) <= 8 && overlapsX(anchor, name))) score += 0.15;
      if (customerBlock.has(line.index)) score -= 0.4;
      candidates.push({ field: 'vendorName', value: cleanName(tokensText(name)), score: score * ocrFactor(name), tokens: name, evidence: 'legal form' });
    }
  }
  const labelled = new Set(context.hits.map((hit) => `${hit.line}:${hit.start}`));
  const letterhead = letterheadName(context.text, customerBlock, labelled);
  if (letterhead) candidates.push({ field: 'vendorName', value: cleanName(tokensText(letterhead)), score: 0.45 * ocrFactor(letterhead), tokens: letterhead, evidence: 'letterhead' });
  return candidates.filter((candidate) => candidate.value.length >= 2);
}

function labelledNames(context: PartyContext, field: 'vendorName' | 'customerName'): Candidate[] {
  const byLine = labelsByLine(context.hits);
  const candidates: Candidate[] = [];
  for (const hit of context.hits.filter((candidate) => candidate.target === field)) {
    const line = context.text.lines[hit.line];
    const next = line.tokens[hit.end];
    if (next && IDENTIFIER_WORDS.has(next.key)) continue;
    // "Lieferant GmbH" is a company called Lieferant, not a label.
    if (next && next.segment === line.tokens[hit.end - 1].segment && LEGAL_FORMS.has(next.key)) continue;
    const sectionName = nameUnderSection(context.text, hit);
    if (sectionName) {
      candidates.push({ field, value: cleanName(tokensText(sectionName)), score: 0.85 * hit.weight * ocrFactor(sectionName), tokens: sectionName, evidence: `"name" under "${hit.phrase}"` });
      continue;
    }
    // A party label heads its cell ("Seller:", "Bill to"); "sold by" inside a sentence is prose.
    const startsSegment = hit.start === 0 || line.tokens[hit.start - 1].segment !== line.tokens[hit.start].segment;
    if (!startsSegment && !hit.colon) continue;
    const notAside = (tokens: readonly Token[]) => !/^\(/.test(tokens[0]?.text ?? '');
    for (const window of valueWindows(context.text, hit, byLine, notAside)) {
      const segment = window.tokens.filter((token) => token.segment === window.tokens[0].segment && token.line === window.tokens[0].line);
      const name = cleanName(tokensText(segment));
      // "Lieferant GmbH" is a name, not the label "Lieferant" and a name "GmbH"; "Nummer:" is another label.
      if (!isNameLike(name) || LEGAL_FORMS.has(labelKey(name)) || /:$/.test(segment[0].text)) continue;
      candidates.push({ field, value: name, score: hit.weight * window.geometry * (hit.colon ? 0.9 : 0.8) * ocrFactor(segment), tokens: segment, evidence: `${window.relation} of "${hit.phrase}"` });
      break;
    }
  }
  return candidates;
}

/**
 * Forms print a party as a section ("Verkäufer", then "Name: Lieferant GmbH" a few lines down): the value of
 * the first name field in the six lines under a section header that has nothing to its right.
 */
function nameUnderSection(text: DocumentText, hit: LabelHit): Token[] | undefined {
  const line = text.lines[hit.line];
  if (hit.colon || line.tokens.slice(hit.end).some((token) => token.segment === line.tokens[hit.end - 1].segment)) return undefined;
  const pageLines = text.byPage.get(hit.page) ?? [];
  const position = pageLines.findIndex((candidate) => candidate.index === hit.line);
  for (const below of pageLines.slice(position + 1, position + 7)) {
    const at = below.tokens.findIndex((token) => NAME_KEYS.has(token.key) && /:$/.test(token.text));
    if (at < 0) continue;
    const rest = below.tokens.slice(at + 1);
    const value = rest.filter((token) => token.segment === rest[0]?.segment);
    return value.length > 0 ? value : undefined;
  }
  return undefined;
}

/** The words of a segment up to and including its legal form ("Free SAS au capital de …" → "Free SAS"). */
function legalName(segment: readonly Token[]): Token[] | undefined {
  for (let index = 1; index < segment.length; index += 1) {
    for (const width of [3, 2, 1]) {
      const parts = segment.slice(index, index + width);
      if (parts.length < width) continue;
      const key = parts.map((token) => token.key).join('');
      if (!LEGAL_FORMS.has(key)) continue;
      const printed = parts.map((token) => token.text).join('').replace(/[.\s&]/g, '');
      if (key.length <= 2 && printed !== printed.toUpperCase()) continue;
      let end = index + width;
      // "… GmbH & Co. KG", "… GmbH & Co."
      if (/^(&|und|and)$/i.test(segment[end]?.text ?? '') && /^co\.?$/i.test(segment[end + 1]?.text ?? '')) end += /^(kg|ohg|kgaa)$/i.test(segment[end + 2]?.text ?? '') ? 3 : 2;
      const name = segment.slice(0, end);
      if (name.slice(0, index).some((token) => /\p{L}{2,}/u.test(token.text))) return name;
    }
  }
  return undefined;
}

function letterheadName(text: DocumentText, customerBlock: Set<number>, labelled: Set<string>): Token[] | undefined {
  const firstPage = text.byPage.get(1) ?? [];
  for (const line of firstPage.slice(0, 4)) {
    if (line.bbox.y > 0.2 || customerBlock.has(line.index)) continue;
    for (const segment of line.segments) {
      if (segment.some((token) => labelled.has(`${token.line}:${token.index}`))) continue;
      const words = trimTitles(segment);
      const name = cleanName(tokensText(words));
      if (isNameLike(name) && !words.some((token) => /\d/.test(token.text))) return words;
    }
  }
  return undefined;
}

function trimTitles(segment: readonly Token[]): Token[] {
  let words = [...segment];
  while (words.length > 0 && TITLE_KEYS.has(words[words.length - 1].key)) words = words.slice(0, -1);
  while (words.length > 0 && TITLE_KEYS.has(words[0].key)) words = words.slice(1);
  return words;
}

function isNameLike(name: string): boolean {
  const letters = name.match(/\p{L}/gu)?.length ?? 0;
  return letters >= 2 && letters >= name.replace(/\s/g, '').length * 0.5 && !TITLE_KEYS.has(labelKey(name)) && !/@|www\.|https?:/i.test(name);
}

export function cleanName(name: string): string {
  return name.replace(CARE_OF, '').replace(/[\s,;:&\-–—]+$/, '').replace(/^[\s,;:\-–—]+/, '').trim();
}

function overlapsX(anchor: Token, tokens: readonly Token[]): boolean {
  const left = Math.min(...tokens.map((token) => token.bbox.x));
  const right = Math.max(...tokens.map((token) => token.bbox.x + token.bbox.width));
  return anchor.bbox.x < right + 0.1 && anchor.bbox.x + anchor.bbox.width > left - 0.1;
}

