import type { BoundingBox } from '@conveyor/documents';
import { boundedEditDistance, labelKey } from '../layout/fold-text';
import { unionBox, type DocumentText, type TextLine } from '../layout/text-lines';
import { DATE_CONNECTORS, DOCUMENT_TITLES, FIELD_LABELS, LABEL_TARGETS, LANGUAGES, NUMBER_WORDS, OTHER_LABELS, type LabelTarget, type Language } from './field-labels';

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
    const found = longestMatch(lexicon, keys, start, line.source === 'ocr');
    const titled = found ? undefined : titledNumber(keys, start);
    if (titled) {
      hits.push(...toHits(line, start, titled, [{ target: 'invoiceNumber', language: undefined, phrase: 'title + number', weight: 0.95 }], false));
      start = titled;
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
  const key = keys[start];
  if (!TITLE_KEYS.has(key) && !/(rechnung|invoice|facture|factuur|factura|fattura|faktura|gutschrift)$/.test(key)) return undefined;
  for (let end = start + 1; end <= Math.min(keys.length - 1, start + 3); end += 1) {
    if (NUMBER_KEYS.has(keys[end])) return end + 1;
  }
  return undefined;
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
