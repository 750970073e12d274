import { labelKey } from '../layout/fold-text';
import { tokensText, type DocumentText, type TextLine, type Token } from '../layout/text-lines';
import { DOCUMENT_TITLES } from '../lexicon/field-labels';
import type { LabelHit } from '../lexicon/label-finder';
import type { Candidate } from './field-candidates';
import { ocrFactor } from './field-candidates';
import { labelsByLine, valueWindows } from './value-windows';

/** Legal forms, as label keys (dots and spaces dropped). Short ones count only when printed in capitals. */
const LEGAL_FORMS = new Set([
  'gmbh', 'ag', 'kg', 'ohg', 'ug', 'gbr', 'ek', 'se', 'bv', 'nv', 'vof', 'bvba', 'sprl', 'sa', 'sas', 'sasu', 'sarl', 'eurl', 'sl', 'slu', 'srl', 'spa', 'snc',
  'ltd', 'limited', 'llc', 'inc', 'incorporated', 'plc', 'llp', 'corp', 'corporation', 'spzoo', 'zoo', 'spj', 'sc', 'oy', 'ab', 'aps', 'kft', 'sro', 'zrt', 'gmbhcokg',
  'og', 'kgaa', 'commv', 'cvba', 'scrl', 'srls', 'sapa', 'sagl', 'scoop', 'oyj', 'spolkaakcyjna', 'spolkajawna', 'spolkakomandytowa',
  // The other registers of Europe: Nordic (AS, ASA, A/S, I/S, P/S, HB, KB, Ky, Ay), Baltic (OÜ, MTÜ, SIA, UAB, MB),
  // Central and South-East (a.s., spol. s r.o., v.o.s., k.s., Nyrt., Bt., d.o.o., d.d., j.d.o.o., s.p., sp.k.),
  // Portuguese (Lda), French and Luxembourgish (SCI, SARL-S, SCS, SNC), German (gGmbH, e.U., UG), Irish and British
  // (DAC, CLG, UC, CIC), American (L.P., Corp.).
  'as', 'asa', 'is', 'ps', 'hb', 'kb', 'ky', 'ay', 'ou', 'mtu', 'sia', 'uab', 'mb', 'vos', 'ks', 'spolsro', 'nyrt', 'bt', 'doo', 'dd', 'jdoo',
  'sp', 'spk', 'lda', 'sci', 'sarls', 'scs', 'ggmbh', 'eu', 'dac', 'clg', 'uc', 'cic', 'lp',
]);
/** Short forms printed in mixed case by their registers ("Oy", "Ky", "Bt."): they count although not in capitals. */
const MIXED_CASE_FORMS = new Set(['Oy', 'Ky', 'Ay', 'Bt', 'Bt.']);
/** Forms the Baltic registers print before the name ("UAB Nemuno", "SIA Daugava", "AS Merevaade"). */
const LEADING_FORMS = new Set(['uab', 'sia', 'as', 'ou', 'mtu', 'mb']);
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
  candidates.push(...wrappedLegalNames(context.text, customerBlock));
  const labelled = new Set(context.hits.map((hit) => `${hit.line}:${hit.start}`));
  const letterhead = letterheadName(context.text, customerBlock, labelled);
  const head = letterhead ? withWrappedForm(context.text, letterhead) : undefined;
  if (head) candidates.push({ field: 'vendorName', value: cleanName(tokensText(head)), score: 0.45 * ocrFactor(head), tokens: head, evidence: 'letterhead' });
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
      const whole = withWrappedForm(context.text, segment);
      candidates.push({ field, value: cleanName(tokensText(whole)), score: hit.weight * window.geometry * (hit.colon ? 0.9 : 0.8) * ocrFactor(whole), tokens: whole, evidence: `${window.relation} of "${hit.phrase}"` });
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

/**
 * The party a printed identifier belongs to: the legal name heading its block (the nearest line above it, in
 * its column, without a wide vertical gap in between), else a legal name on its own line ("Acme GmbH | USt-IdNr.
 * DE…" in a footer). A VAT id under the buyer's address is the buyer's, whatever its label says.
 */
export function blockOwner(text: DocumentText, tokens: readonly Token[]): Token[] | undefined {
  const first = tokens[0];
  if (!first) return undefined;
  const pageLines = text.byPage.get(first.page) ?? [];
  const position = pageLines.findIndex((line) => line.index === first.line);
  // The identifier's whole cell ("N° TVA : FR…" starts where its label does) gives the column.
  const cell = text.lines[first.line].segments.find((segment) => segment.includes(first)) ?? tokens;
  const from = Math.min(cell[0].bbox.x, first.bbox.x) - 0.02;
  const to = Math.max(...tokens.map((token) => token.bbox.x + token.bbox.width)) + 0.02;
  let below = pageLines[position];
  for (let step = 1; step <= 7 && position - step >= 0; step += 1) {
    const line = pageLines[position - step];
    if (below.bbox.y - (line.bbox.y + line.bbox.height) > 2.5 * Math.max(line.bbox.height, 0.008)) break;
    below = line;
    const column = line.segments.filter((segment) => segment.some((token) => token.bbox.x < to && token.bbox.x + token.bbox.width > from));
    if (column.length === 0) continue;
    for (const segment of column) {
      const name = legalName(segment);
      if (name) return name;
    }
  }
  for (const segment of pageLines[position].segments) {
    if (segment.includes(first)) continue;
    const name = legalName(segment);
    if (name) return name;
  }
  return undefined;
}

/**
 * A name wrapped onto a second line in a narrow block ("Informatyka Wiśniewski Spółka" / "Akcyjna"): a segment
 * without a legal form whose words, followed by the segment right under it, end in one. Same scoring as a
 * one-line legal name at the top of page one, less elsewhere.
 */
function wrappedLegalNames(text: DocumentText, customerBlock: ReadonlySet<number>): Candidate[] {
  const found: Candidate[] = [];
  for (const lines of text.byPage.values()) {
    for (let position = 0; position + 1 < lines.length; position += 1) {
      const [line, next] = [lines[position], lines[position + 1]];
      if (next.bbox.y - (line.bbox.y + line.bbox.height) > 0.6 * line.bbox.height) continue;
      for (const segment of line.segments) {
        const own = legalName(segment);
        if (own && !endsOpen(own)) continue;
        const name = wrappedTail(next, segment);
        if (!name) continue;
        let score = line.page === 1 && line.bbox.y < 0.2 ? 0.7 : 0.5;
        if (customerBlock.has(line.index)) score -= 0.4;
        found.push({ field: 'vendorName', value: cleanName(tokensText(name)), score: score * ocrFactor(name), tokens: name, evidence: 'legal form on the next line' });
      }
    }
  }
  return found;
}

/**
 * A name cell completed by the short cell right under it when together they end in a legal form
 * ("Wiśniewski Transport Spółka" / "Akcyjna", "Schneider Maschinenbau" / "GmbH & Co. KG", "… GmbH & Co." / "KG").
 */
function wrappedTail(next: TextLine, segment: readonly Token[]): Token[] | undefined {
  // The tail is the rest of a legal form, not a name of its own ("Rechnungsanschrift" over "Brunner GmbH").
  const tail = next.segments.find((candidate) => candidate.length <= 4 && overlapsX(candidate[0], segment) && !legalName(candidate));
  const name = tail ? legalName([...segment, ...tail]) : undefined;
  return name && name.length > segment.length ? name : undefined;
}

/** The name with its legal form's wrapped rest from the next line, when the line under it is close. */
function withWrappedForm(text: DocumentText, tokens: readonly Token[]): Token[] {
  const own = legalName(tokens);
  if (own && !endsOpen(own)) return [...tokens];
  const first = tokens[0];
  const lines = text.byPage.get(first.page) ?? [];
  const position = lines.findIndex((line) => line.index === first.line);
  const [line, next] = [lines[position], lines[position + 1]];
  if (!line || !next || next.bbox.y - (line.bbox.y + line.bbox.height) > 0.6 * line.bbox.height) return [...tokens];
  return wrappedTail(next, tokens) ?? [...tokens];
}

/** "… GmbH & Co." waits for its "KG" on the next line. */
function endsOpen(name: readonly Token[]): boolean {
  return /^co\.?$/i.test(name[name.length - 1]?.text ?? '');
}

/** The words of a segment up to and including its legal form ("Free SAS au capital de …" → "Free SAS"). */
function legalName(segment: readonly Token[]): Token[] | undefined {
  return trailingFormName(segment) ?? leadingFormName(segment);
}

/**
 * "UAB Nemuno Statyba": a Baltic form in capitals heading its cell, then name words up to the first one with a
 * digit or a separator ("UAB Nemuno Statyba, Gedimino pr. 12" → "UAB Nemuno Statyba").
 */
function leadingFormName(segment: readonly Token[]): Token[] | undefined {
  const [form] = segment;
  if (!form || !LEADING_FORMS.has(form.key) || form.text.replace(/[.\s]/g, '') !== form.text.replace(/[.\s]/g, '').toUpperCase()) return undefined;
  let end = 1;
  while (end < segment.length && /^\p{Lu}[\p{L}&'’.-]*,?$/u.test(segment[end].text)) {
    end += 1;
    if (segment[end - 1].text.endsWith(',')) break;
  }
  return end >= 2 ? segment.slice(0, end) : undefined;
}

function trailingFormName(segment: readonly Token[]): Token[] | undefined {
  for (let index = 1; index < segment.length; index += 1) {
    for (const width of [3, 2, 1]) {
      const parts = segment.slice(index, index + width);
      // A form ends on a word ("GmbH & Co. KG" is not "GmbH &"): its own tail is read below.
      if (parts.length < width || parts[parts.length - 1].key === '') continue;
      const key = parts.map((token) => token.key).join('');
      if (!LEGAL_FORMS.has(key)) continue;
      const joined = parts.map((token) => token.text).join('');
      const printed = joined.replace(/[.\s&]/g, '');
      // Short forms count in capitals ("AG", "SA") or as dotted abbreviations ("e.K.", "S.a.s."), not as words ("ag", "se").
      if (key.length <= 2 && printed !== printed.toUpperCase() && !/^(\p{L}\.){2,}$/u.test(joined) && !MIXED_CASE_FORMS.has(joined)) continue;
      let end = index + width;
      // "… GmbH & Co. KG", "… GmbH & Co."
      if (/^(&|und|and)$/i.test(segment[end]?.text ?? '') && /^co\.?$/i.test(segment[end + 1]?.text ?? '')) end += /^(kg|ohg|kgaa)$/i.test(segment[end + 2]?.text ?? '') ? 3 : 2;
      // "UG (haftungsbeschränkt)": the register's qualifier is part of the name.
      if (/^\(haftungsbeschr/i.test(segment[end]?.text ?? '')) end += 1;
      const name = segment.slice(0, end);
      if (name.slice(0, index).some((token) => /\p{L}{2,}/u.test(token.text) && !LEGAL_FORMS.has(token.key) && token.key !== 'co')) return name;
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

