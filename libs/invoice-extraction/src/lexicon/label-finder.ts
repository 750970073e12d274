import type { BoundingBox } from '@conveyor/documents';
import { boundedEditDistance, labelKey } from '../layout/fold-text';
import { unionBox, type DocumentText, type TextLine } from '../layout/text-lines';
import {
  BARE_NUMBER_LABELS, BARE_REFERENCE_LABELS, CITING_WORDS, DATE_CONNECTORS, DOCUMENT_TITLES, DOCUMENT_WORDS, FIELD_LABELS, LABEL_TARGETS, LANGUAGES, NUMBER_LABEL_FILLERS, NUMBER_WORDS,
  OTHER_LABELS, type LabelTarget, type Language,
} from './field-labels';
import { type Token } from '../layout/text-lines';

export interface LabelHit {
  readonly target: LabelTarget | 'other';
  readonly languages: readonly Language[];
  readonly phrase: string;
  /** 1 for a specific label, lower for a generic one or an OCR-tolerant match. */
  readonly weight: number;
  readonly line: number;
  /** Token range [start, end) within the line. */
  readonly start: number;
  readonly end: number;
  readonly page: number;
  readonly bbox: BoundingBox;
  /** The label ends with ":" (a strong sign that a value follows). */
  readonly colon: boolean;
}

interface LexiconEntry {
  target: LabelTarget | 'other';
  language: Language | undefined;
  phrase: string;
  weight: number;
}

const MAX_LABEL_WORDS = 6;
let lexiconIndex: Map<string, LexiconEntry[]> | undefined;

function index(): Map<string, LexiconEntry[]> {
  if (lexiconIndex) return lexiconIndex;
  const built = new Map<string, LexiconEntry[]>();
  const add = (entry: LexiconEntry) => {
    const key = labelKey(entry.phrase);
    if (key === '') return;
    built.set(key, [...(built.get(key) ?? []), entry]);
  };
  for (const target of LABEL_TARGETS) {
    for (const language of LANGUAGES) {
      for (const written of FIELD_LABELS[target][language]) {
        const generic = written.startsWith('~');
        add({ target, language, phrase: generic ? written.slice(1) : written, weight: generic ? 0.6 : 1 });
      }
    }
  }
  for (const phrase of OTHER_LABELS) add({ target: 'other', language: undefined, phrase, weight: 1 });
  lexiconIndex = built;
  return built;
}

/**
 * Finds every label of the lexicon on every line: the longest phrase starting at each word wins (so "Total
 * amount due" is one label, not "Total" plus more), words are joined before comparing (so "Rechnungs-Nr." and
 * "Rechnungsnr" match alike), and on OCR pages a one- or two-letter slip is tolerated at a lower weight.
 */
export function findLabels(text: DocumentText): LabelHit[] {
  const hits: LabelHit[] = [];
  for (const line of text.lines) hits.push(...findLabelsOnLine(line));
  return hits;
}

const TITLE_KEYS = new Set(DOCUMENT_TITLES.map(labelKey));
const NUMBER_KEYS = new Set(NUMBER_WORDS.map(labelKey));
const CONNECTOR_KEYS = new Set(DATE_CONNECTORS.map(labelKey));
const BARE_NUMBER_KEYS = new Set(BARE_NUMBER_LABELS.map(labelKey));

function findLabelsOnLine(line: TextLine): LabelHit[] {
  const lexicon = index();
  const keys = line.tokens.map((token) => token.key);
  const hits: LabelHit[] = [];
  let start = 0;
  while (start < keys.length) {
    if (keys[start] === '') {
      start += 1;
      continue;
    }
    // A label does not run across a wide gap: "Klant      Nummer:" are two cells, not "Klantnummer".
    const cell = line.tokens.findIndex((token, index) => index > start && token.segment !== line.tokens[start].segment);
    const lexical = longestMatch(lexicon, cell < 0 ? keys : keys.slice(0, cell), start, line.source === 'ocr');
    const built = numberLabel(line.tokens, start, cell < 0 ? keys.length : cell);
    // A built label longer than the lexicon's phrase ("Réf. facture initiale" past "Réf. facture"), or one the
    // lexicon lacks, is taken; otherwise the lexicon's phrase (with its own target and weight) stands.
    if (built && (!lexical || built.end > lexical.end || (built.end === lexical.end && built.cited && lexical.entries.every((entry) => entry.target === 'invoiceNumber')))) {
      hits.push(...toHits(line, start, built.end, [{ target: 'invoiceNumber', language: undefined, phrase: built.cited ? CITED_NUMBER : BUILT_NUMBER, weight: built.cited ? 0.35 : 0.9 }], false));
      start = built.end;
      continue;
    }
    const found = lexical;
    const titled = found ? undefined : titledNumber(keys, start);
    if (titled) {
      hits.push(...toHits(line, start, titled, [{ target: 'invoiceNumber', language: undefined, phrase: 'title + number', weight: 0.95 }], false));
      start = titled;
      continue;
    }
    // A title phrase outruns a generic label inside it ("VAT INVOICE IN2021…" is a title, not the VAT).
    const phraseEnd = titlePhraseBesideNumber(line, start);
    if (phraseEnd && (!found || phraseEnd > found.end)) {
      hits.push(...toHits(line, start, phraseEnd, [{ target: 'invoiceNumber', language: undefined, phrase: TITLE_BESIDE_NUMBER, weight: 0.8 }], false));
      start = phraseEnd;
      continue;
    }
    const led = found ? undefined : titleLedNumber(line, start);
    if (led) {
      hits.push(...toHits(line, start, start + 1, [{ target: 'invoiceNumber', language: undefined, phrase: led, weight: led === TITLE_BESIDE_NUMBER ? 0.8 : 0.6 }], false));
      start += 1;
      continue;
    }
    const heading = found ? undefined : titleHeadingCell(line, keys, start, lexicon);
    if (heading) {
      hits.push(...toHits(line, start, heading.end, [{ target: 'invoiceNumber', language: undefined, phrase: heading.phrase, weight: heading.phrase === TITLE_BESIDE_NUMBER ? 0.75 : 0.6 }], false));
      start = heading.end;
      continue;
    }
    if (!found && bareReference(line, start)) {
      hits.push(...toHits(line, start, start + 1, [{ target: 'invoiceNumber', language: undefined, phrase: line.tokens[start].key, weight: 0.5 }], false));
      start += 1;
      continue;
    }
    if (!found && bareNumber(line, start)) {
      hits.push(...toHits(line, start, start + 1, [{ target: 'invoiceNumber', language: undefined, phrase: line.tokens[start].key, weight: 0.6 }], false));
      start += 1;
      continue;
    }
    if (!found) {
      start += 1;
      continue;
    }
    const end = withQualifier(line, found.end);
    hits.push(...toHits(line, start, end, found.entries, found.fuzzy));
    start = end;
  }
  return weighConnectors(hits);
}

/** Phrases of the labels a document title makes: "Factuur 2024-0117" (beside) and "Factuur" heading a cell (alone). */
export const TITLE_BESIDE_NUMBER = 'title beside number';
export const TITLE_ALONE = 'title alone';

/**
 * A title names the invoice number without any number word when the number follows it in its cell ("Factuur
 * 2024-0117", "Rechnungskorrektur SI-374691"), or when it heads a cell of its own (a column header over the
 * number, a sidebar label). The value must then be the first word after it and alone in its cell (see
 * field-candidates), so a title over an address or beside a street is not read as a number.
 */
function titleLedNumber(line: TextLine, start: number): string | undefined {
  const token = line.tokens[start];
  if (!isTitleKey(token.key) || token.key === 'proforma' || token.key === 'nota' || (start > 0 && line.tokens[start - 1].segment === token.segment)) return undefined;
  const cell = line.tokens.filter((other) => other.segment === token.segment);
  if (cell.length === 1) return TITLE_ALONE;
  const next = line.tokens[start + 1];
  if (cell.length <= 5 && next?.segment === token.segment && /\d/.test(next.text) && !/^\d{1,2}[./-]/.test(next.text)) return TITLE_BESIDE_NUMBER;
  return undefined;
}

/** Phrases of number labels built from their parts (see DOCUMENT_WORDS): the document's own number, or one it cites. */
export const BUILT_NUMBER = 'number word + document word';
export const CITED_NUMBER = 'cited document number';

const DOCUMENT_KEYS = new Set(DOCUMENT_WORDS.map(labelKey));
const FILLER_KEYS = new Set(NUMBER_LABEL_FILLERS.map(labelKey));
const CITING_KEYS = new Set(CITING_WORDS.map(labelKey));
/** Citing words strong enough to make a document word a citation without any number word ("Ursprungsrechnung:", "Betreft factuur"). */
const STRONG_CITING = new Set(['ref', 'reference', 'rif', 'riferimento', 'bezug', 'betreft', 'dotyczy', 'original', 'originale', 'origine', 'initiale', 'ursprung', 'ursprungs', 'oorspronkelijk', 'oorspronkelijke', 'oorspr', 'rectificada', 'rettificata', 'korygowana', 'pierwotna']);
/** Citing words that name another document wherever they stand ("Factura rectificada", "Fattura di riferimento"); the others only before the document word ("Ref. invoice" cites, "Invoice ref." is ours). */
const CITING_ANYWHERE = new Set(['riferimento', 'original', 'originale', 'origine', 'initiale', 'ursprung', 'ursprungs', 'ursprungliche', 'ursprunglichen', 'oorspronkelijk', 'oorspronkelijke', 'oorspr', 'rectificada', 'rettificata', 'korygowana', 'korygowanej', 'pierwotna', 'pierwotnej', 'corrected', 'korrigierte', 'storniert']);
const BARE_REFERENCE_KEYS = new Set(BARE_REFERENCE_LABELS.map(labelKey));
const NUMBER_SUFFIX = /(nummer|number|numer|numero|nr|no|n)$/;

type Part = 'number' | 'document' | 'both' | 'filler' | 'citing' | 'cited document';

/** What one word contributes to a number label: "Nr." a number word, "Rechnungs-Nr." both, "Ursprungsrechnung" a cited document. */
function partOf(token: Token): Part | undefined {
  const key = token.key;
  if (NUMBER_KEYS.has(key) || key === 'nro' || key === 'nbr') return 'number';
  // French and Italian elision: "d'avoir", "l'avoir", "dell'ordine".
  const elided = /['’]/.test(token.text) ? key.replace(/^(dell|d|l)/, '') : key;
  if (DOCUMENT_KEYS.has(key) || (elided !== key && DOCUMENT_KEYS.has(elided))) return 'document';
  if (CITING_KEYS.has(key)) return 'citing';
  if (FILLER_KEYS.has(key)) return 'filler';
  const suffix = NUMBER_SUFFIX.exec(key);
  const head = suffix ? key.slice(0, -suffix[1].length) : key;
  if (suffix && DOCUMENT_KEYS.has(head)) return 'both';
  for (const citing of STRONG_CITING) if (head.startsWith(citing) && DOCUMENT_KEYS.has(head.slice(citing.length))) return 'cited document';
  return undefined;
}

/**
 * A number label made of a number word and a document word, in either order, with linking words between
 * ("N° de pièce", "Pièce n°", "Num. documento", "Nr dok.", "Korrektur-Nr.", "Creditnotanr."), within one cell.
 * With a citing word ("Rif. fattura n.", "Bezug Rechnung Nr.", "Faktura korygowana nr") it names a document the
 * page refers to, not this one.
 */
function numberLabel(tokens: readonly Token[], start: number, cellEnd: number): { end: number; cited: boolean } | undefined {
  const parts: Part[] = [];
  for (let index = start; index < Math.min(cellEnd, start + 6); index += 1) {
    const part = partOf(tokens[index]);
    if (!part) break;
    parts.push(part);
  }
  // A label does not start or end with a linking word; an upper-case abbreviation right before a number in its
  // cell is the number's prefix ("Rechnung Nr. RG 2024 6860"), not part of the label.
  const last = tokens[start + parts.length - 1];
  const after = tokens[start + parts.length];
  if (parts.length > 1 && parts[parts.length - 1] === 'document' && /^[A-Z]{2,3}$/.test(last.text) && after?.segment === last.segment && /\d/.test(after.text)) parts.pop();
  while (parts.length > 0 && parts[parts.length - 1] === 'filler') parts.pop();
  if (parts.length === 0 || parts[0] === 'filler') return undefined;
  const hasNumber = parts.some((part) => part === 'number' || part === 'both');
  const hasDocument = parts.some((part) => part === 'document' || part === 'both' || part === 'cited document');
  const firstDocument = parts.findIndex((part) => part === 'document' || part === 'both' || part === 'cited document');
  const cites = (part: Part, index: number): boolean => part === 'cited document' || (part === 'citing' && (index < firstDocument || CITING_ANYWHERE.has(tokens[start + index].key)));
  const citing = parts.some(cites);
  const strongCiting = parts.some((part, index) => part === 'cited document' || (cites(part, index) && STRONG_CITING.has(tokens[start + index].key)));
  if (!hasDocument) return undefined;
  if (!hasNumber && !strongCiting) return undefined;
  // A lone compound or a lone number word is the lexicon's business ("Belegnummer", "Nr."): built labels have two parts.
  if (parts.length === 1 && parts[0] !== 'cited document' && parts[0] !== 'both') return undefined;
  return { end: start + parts.length, cited: citing };
}

/** "Referentie:" heading its own cell with nothing else in it but the value: the document's reference, named weakly. */
function bareReference(line: TextLine, start: number): boolean {
  const token = line.tokens[start];
  if (!BARE_REFERENCE_KEYS.has(token.key)) return false;
  return start === 0 || line.tokens[start - 1].segment !== token.segment;
}

/**
 * A title of several words followed in its cell by the number ("FAKTURA VAT 436253", "VAT INVOICE IN2024017",
 * "Credit Note 2026-0042", "Pro Forma Invoice PF-12"): the words are title and document words or qualifiers,
 * one of them (or all joined) a title; the number is the next word, as after a one-word title.
 */
function titlePhraseBesideNumber(line: TextLine, start: number): number | undefined {
  const tokens = line.tokens;
  const segment = tokens[start].segment;
  if (start > 0 && tokens[start - 1].segment === segment) return undefined;
  const cell = tokens.filter((token) => token.segment === segment);
  if (cell.length > 6) return undefined;
  let end = start;
  while (end < Math.min(tokens.length, start + 4) && tokens[end].segment === segment && (isTitleKey(tokens[end].key) || DOCUMENT_KEYS.has(tokens[end].key) || FILLER_KEYS.has(tokens[end].key))) end += 1;
  if (end - start < 2) return undefined;
  const words = tokens.slice(start, end).map((token) => token.key);
  const titled = words.some((key) => isTitleKey(key) && key !== 'proforma' && key !== 'nota') || isTitleKey(words.join(''));
  const next = tokens[end];
  if (!titled || next?.segment !== segment || !/\d/.test(next.text) || /^\d{1,2}[./-]/.test(next.text)) return undefined;
  return end;
}

/** "Our", "unsere", "notre"…: a title with one names an invoice the page refers to, not the page itself. */
const POSSESSIVE_KEYS = new Set(['our', 'unsere', 'unserer', 'unseren', 'notre', 'nos', 'onze', 'ons', 'nuestra', 'nuestro', 'nostra', 'nostro', 'nasza', 'naszej', 'naszego', 'this', 'diese', 'dieser', 'cette', 'deze', 'esta', 'questa', 'ta']);

/**
 * A title of several words heading its cell ("Final Invoice", "Facture de solde", "Invoice / Delivery Note No.",
 * "FACTURE PROFORMA"): up to six words without digits or colons, one of them a title word, nothing in them another
 * field's label. The number is then the word right after it in its cell (beside) or the cell right under it (alone);
 * field-candidates checks that value as for a one-word title, so a title over an address names nothing.
 */
function titleHeadingCell(line: TextLine, keys: string[], start: number, lexicon: Map<string, LexiconEntry[]>): { end: number; phrase: string } | undefined {
  const tokens = line.tokens;
  const segment = tokens[start].segment;
  if (start > 0 && tokens[start - 1].segment === segment) return undefined;
  let end = start;
  while (end < tokens.length && tokens[end].segment === segment && !/\d/.test(tokens[end].text) && !/:$/.test(tokens[end].text)) end += 1;
  const words = tokens.slice(start, end).filter((token) => token.key !== '');
  const titleAt = words.findIndex((token) => isTitleKey(token.key) && token.key !== 'nota');
  // A heading starts with its title or nearly so; a sentence citing another invoice ("Korrektur zu unserer Rechnung
  // …", "Credit against our invoice …", "Abono de nuestra factura …") is not one.
  if (words.length < 2 || words.length > 6 || titleAt < 0 || titleAt > 2) return undefined;
  if (words.some((token) => CITING_KEYS.has(token.key) || POSSESSIVE_KEYS.has(token.key))) return undefined;
  // "Invoice Date", "Invoice Address", "Facture client" are other fields' labels, not a title; a document named
  // after a slash is part of a compound title ("Invoice / Delivery Note", "Rechnung / Lieferschein").
  for (let at = start; at < end; at += 1) {
    const match = keys[at] === '' ? undefined : longestMatch(lexicon, keys.slice(0, end), at, false);
    if (!match || match.entries.every((entry) => entry.target === 'invoiceNumber')) continue;
    const compound = tokens.slice(start, at).some((token) => token.text === '/') && match.entries.every((entry) => entry.target === 'other');
    if (!compound) return undefined;
  }
  const next = tokens[end];
  if (next === undefined || next.segment !== segment) return { end, phrase: TITLE_ALONE };
  if (/\d/.test(next.text) && !/^\d{1,2}[./-]/.test(next.text)) return { end, phrase: TITLE_BESIDE_NUMBER };
  return undefined;
}

/** "Nummer:" heading its own cell, followed by a value on its line or nothing (the value under it). */
function bareNumber(line: TextLine, start: number): boolean {
  const token = line.tokens[start];
  if (!BARE_NUMBER_KEYS.has(token.key)) return false;
  return start === 0 || line.tokens[start - 1].segment !== token.segment;
}

/** A parenthesised qualifier belongs to its label: "Rechnungssumme Netto (excl. USt.)", "Tax (0%):". */
function withQualifier(line: TextLine, end: number): number {
  if (!line.tokens[end]?.text.startsWith('(')) return end;
  for (let close = end; close < Math.min(line.tokens.length, end + 5); close += 1) {
    if (/\)[:.]?$/.test(line.tokens[close].text)) return close + 1;
  }
  return end;
}

/** "Handelsrechnung (380) Nr.", "INVOICE No.", "Faktura korygująca nr": a title, at most two words, a number word. */
function titledNumber(keys: string[], start: number): number | undefined {
  if (!isTitleKey(keys[start])) return undefined;
  for (let end = start + 1; end <= Math.min(keys.length - 1, start + 3); end += 1) {
    if (NUMBER_KEYS.has(keys[end])) return end + 1;
  }
  return undefined;
}

/** A document title word, compounds included ("Handelsrechnung", "Rechnungskorrektur"). */
function isTitleKey(key: string): boolean {
  return TITLE_KEYS.has(key) || /(rechnung|rechnungskorrektur|invoice|facture|factuur|creditnota|creditfactuur|factura|fattura|faktura|gutschrift)$/.test(key);
}

/** A date connector ("vom", "du") names the issue date only after an invoice number on its line. */
function weighConnectors(hits: LabelHit[]): LabelHit[] {
  return hits.map((hit) => {
    if (hit.target !== 'issueDate' || !CONNECTOR_KEYS.has(labelKey(hit.phrase))) return hit;
    const afterNumber = hits.some((other) => other.target === 'invoiceNumber' && other.start < hit.start);
    return { ...hit, weight: afterNumber ? 0.95 : 0.25 };
  });
}

function longestMatch(lexicon: Map<string, LexiconEntry[]>, keys: string[], start: number, tolerant: boolean) {
  for (let end = Math.min(keys.length, start + MAX_LABEL_WORDS); end > start; end -= 1) {
    if (keys[end - 1] === '') continue;
    const joined = keys.slice(start, end).join('');
    const exact = lexicon.get(joined);
    if (exact) return { end, entries: exact, fuzzy: false };
  }
  if (!tolerant) return undefined;
  for (let end = Math.min(keys.length, start + MAX_LABEL_WORDS); end > start; end -= 1) {
    const joined = keys.slice(start, end).join('');
    if (joined.length < 6) continue;
    const limit = joined.length >= 12 ? 2 : 1;
    for (const [key, entries] of lexicon) {
      if (Math.abs(key.length - joined.length) > limit || /\d/.test(joined.slice(-1))) continue;
      if (boundedEditDistance(joined, key, limit) <= limit) return { end, entries, fuzzy: true };
    }
  }
  return undefined;
}

function toHits(line: TextLine, start: number, end: number, entries: LexiconEntry[], fuzzy: boolean): LabelHit[] {
  const tokens = line.tokens.slice(start, end);
  const bbox = unionBox(tokens.map((token) => token.bbox));
  const colon = /:\s*$/.test(tokens[tokens.length - 1].text);
  const byTarget = new Map<LabelTarget | 'other', LexiconEntry[]>();
  for (const entry of entries) byTarget.set(entry.target, [...(byTarget.get(entry.target) ?? []), entry]);
  return [...byTarget].map(([target, group]) => ({
    target,
    languages: [...new Set(group.map((entry) => entry.language).filter((language): language is Language => language !== undefined))],
    phrase: group[0].phrase,
    weight: Math.max(...group.map((entry) => entry.weight)) * (fuzzy ? 0.85 : 1),
    line: line.index,
    start,
    end,
    page: line.page,
    bbox,
    colon,
  }));
}
