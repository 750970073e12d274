import Decimal from 'decimal.js';
import type { InvoiceFieldName } from '@conveyor/documents';
import { TITLE_ALONE, TITLE_BESIDE_NUMBER, type LabelHit } from '../lexicon/label-finder';
import type { DocumentText, Token } from '../layout/text-lines';
import { formatMoney, readAmounts, type PrintedAmount } from '../values/amount-reading';
import { currencyOfMark } from '../values/currency-reading';
import { findDates, interpretDate, type DateReading } from '../values/date-reading';
import type { DocumentLocale } from '../values/document-locale';
import { checkVatId, compactId, findIbans, findVatIds, looseIdentifier, readDocumentNumber } from '../values/identifier-reading';
import { labelsByLine, valueWindows, type ValueWindow } from './value-windows';

/** One possible value of a field, with the evidence for it. */
export interface Candidate {
  readonly field: InvoiceFieldName;
  readonly value: string;
  readonly score: number;
  readonly tokens: readonly Token[];
  readonly evidence: string;
  readonly date?: DateReading;
  readonly amount?: Decimal;
  /** Worked out from other candidates (tax rows added up), not printed as such. */
  readonly derived?: boolean;
  /** Where the value sat relative to its label (label candidates only). */
  readonly relation?: ValueWindow['relation'];
  /** Set on VAT ids whose format jsvat refuses (kept when a label names them; flagged). */
  readonly formatInvalid?: boolean;
  /** Set on VAT ids printed without their country prefix (NIP, P.IVA, CIF) whose check digits fail for the label's country. */
  readonly checksumInvalid?: boolean;
}

const AMOUNT_FIELDS = new Set<InvoiceFieldName>(['totalNet', 'totalTax', 'totalGross', 'amountDue']);
const LOOSE_VAT_COUNTRY: Record<string, string> = { pl: 'PL', it: 'IT', es: 'ES' };

export interface CandidateContext {
  readonly text: DocumentText;
  readonly hits: readonly LabelHit[];
  readonly locale: DocumentLocale;
  /** Lines whose labels are column headers of the item table (not header-field labels). */
  readonly tableHeaderLines: ReadonlySet<number>;
}

/** Candidates found next to or under labels, then the ones found by their shape alone (IBANs, VAT ids). */
export function collectCandidates(context: CandidateContext): Candidate[] {
  const candidates: Candidate[] = [];
  const byLine = labelsByLine(context.hits);
  for (const hit of context.hits) {
    if (hit.target === 'other' || hit.target === 'vendorName' || hit.target === 'customerName' || hit.target === 'currency') continue;
    if (context.tableHeaderLines.has(hit.line)) continue;
    const field = hit.target;
    const column = AMOUNT_FIELDS.has(field) ? summedColumn(context, hit) : undefined;
    // An amount is not read from a line below that opens with a label of something else: under "TOTAL 28." (its
    // amount garbled) the "CASH 50.00" line is the cash tendered, not the total.
    const acceptBelow = AMOUNT_FIELDS.has(field) ? (tokens: readonly Token[]) => !opensWithOtherLabel(byLine, tokens) : undefined;
    for (const window of valueWindows(context.text, hit, byLine, acceptBelow)) {
      const base = hit.weight * window.geometry * (hit.colon ? 1 : 0.95) * ocrFactor(window.tokens);
      // Under a header whose column ends in a sum row, the first row is one part (one tax rate), not the total.
      const part = column && window.relation === 'below' ? 0.3 : 1;
      candidates.push(...readWindow(field, hit, window, base * part, context.locale));
    }
    if (column) candidates.push({ field, value: formatMoney(column.value), amount: column.value, score: hit.weight * 0.9 * ocrFactor(column.tokens), tokens: column.tokens, evidence: `sum row under "${hit.phrase}"` });
  }
  for (const hit of context.hits.filter((candidate) => candidate.target === 'currency')) {
    for (const window of valueWindows(context.text, hit, byLine)) {
      const code = window.tokens.slice(0, 2).map((token) => currencyOfMark(token.text)).find((mark) => mark && mark !== '$');
      if (code) candidates.push({ field: 'currency', value: code, score: 0.9 * window.geometry, tokens: window.tokens.slice(0, 1), evidence: `after "${hit.phrase}"` });
    }
  }
  for (const line of context.text.lines) {
    for (const iban of findIbans(line.tokens)) candidates.push({ field: 'iban', value: iban.value, score: 0.7 * ocrFactor(iban.tokens), tokens: iban.tokens, evidence: 'IBAN by its shape' });
    for (const vat of findVatIds(line.tokens)) candidates.push({ field: 'vendorVatId', value: vat.value, score: 0.45 * ocrFactor(vat.tokens), tokens: vat.tokens, evidence: 'VAT id by its shape' });
  }
  return candidates;
}

function readWindow(field: InvoiceFieldName, hit: LabelHit, window: ValueWindow, base: number, locale: DocumentLocale): Candidate[] {
  const evidence = `${window.relation} of "${hit.phrase}"`;
  const tokens = window.tokens;
  if (AMOUNT_FIELDS.has(field)) {
    const read = readAmounts(tokens, locale.decimalSeparator);
    const amounts = read.filter((amount, index) => !amount.percent && !isTaxBase(amount, read[index - 1]));
    return amounts.map((amount, index) => {
      const wordsBefore = tokens.indexOf(amount.tokens[0]);
      const placement = amounts.length === 1 ? 1 : index === amounts.length - 1 ? 0.85 : 0.55;
      const shape = (amount.hasDecimals ? 1 : 0.75) * (amount.separatorAmbiguous ? 0.85 : 1);
      return { field, value: formatMoney(amount.value), amount: amount.value, score: base * placement * shape * 0.93 ** Math.max(0, wordsBefore - 1), tokens: amount.tokens, evidence, relation: window.relation };
    });
  }
  if (field === 'issueDate' || field === 'dueDate') {
    const reach = hit.weight < 1 ? 2 : 4;
    const date = findDates(tokens.slice(0, reach + 4)).find((found) => tokens.indexOf(found.tokens[0]) <= reach);
    const reading = date ? interpretDate(date, locale.dateOrder, locale.dateOrderProven) : undefined;
    if (!date || !reading) return [];
    return [{ field, value: reading.iso, date: reading, score: base, tokens: date.tokens, evidence }];
  }
  if (field === 'invoiceNumber' || field === 'purchaseOrderNumber') {
    if (startsWithDate(tokens)) return [];
    const number = readDocumentNumber(tokens);
    if (number && !titleLedValue(hit, tokens, number.tokens)) return [];
    return number ? [{ field, value: number.value, score: base * (number.value.length >= 3 ? 1 : 0.7), tokens: number.tokens, evidence }] : [];
  }
  if (field === 'iban') {
    return findIbans(tokens.slice(0, 10)).slice(0, 1).map((iban) => ({ field, value: iban.value, score: Math.max(base, 0.5), tokens: iban.tokens, evidence }));
  }
  if (field === 'vendorVatId') {
    const prefixed = findVatIds(tokens.slice(0, 8))[0];
    if (prefixed && tokens.indexOf(prefixed.tokens[0]) <= 2) return [{ field, value: prefixed.value, score: base, tokens: prefixed.tokens, evidence }];
    // Labelled and country-prefixed but not in the country's format: kept as printed, flagged by the checks.
    const misprinted = tokens[0] && /^[A-Z]{2}[A-Z0-9]{2,14}$/.test(compactId(tokens[0].text)) && /\d/.test(tokens[0].text) ? compactId(tokens[0].text) : undefined;
    if (misprinted && hit.weight === 1) return [{ field, value: misprinted, score: base * 0.7, tokens: tokens.slice(0, 1), evidence, formatInvalid: true }];
    const loose = looseIdentifier(tokens.slice(0, 5));
    if (!loose || hit.weight < 1) return [];
    const country = hit.languages.map((language) => LOOSE_VAT_COUNTRY[language]).find(Boolean);
    const verdict = country ? checkVatId(`${country}${loose.value}`) : undefined;
    const formatInvalid = verdict ? !verdict.formatValid : false;
    const checksumInvalid = verdict ? verdict.formatValid && !verdict.checksumValid : false;
    return [{ field, value: loose.value, score: base * 0.8, tokens: loose.tokens, evidence, formatInvalid, checksumInvalid }];
  }
  return [];
}

/**
 * A number a bare title names ("Factuur 2024-0117", "Factuur" over a cell) is the first word after it, and under
 * a title heading its own cell, alone in its cell: a title over an address or beside a street names nothing.
 */
function titleLedValue(hit: LabelHit, window: readonly Token[], number: readonly Token[]): boolean {
  if (hit.phrase !== TITLE_BESIDE_NUMBER && hit.phrase !== TITLE_ALONE) return true;
  if (number[0] !== window[0]) return false;
  if (hit.phrase === TITLE_BESIDE_NUMBER) return true;
  const cell = window.filter((token) => token.line === number[0].line && token.segment === number[0].segment);
  return cell.length === number.length;
}

/**
 * "VAT 6% (808,42)": the amount in brackets glued to a rate is the base the rate applies to, not a negative
 * tax; the tax itself is printed further right or under the label.
 */
function isTaxBase(amount: PrintedAmount, previous: PrintedAmount | undefined): boolean {
  if (!previous?.percent || !amount.tokens[0].text.startsWith('(')) return false;
  const rate = previous.tokens[previous.tokens.length - 1];
  return amount.tokens[0].segment === rate.segment && amount.tokens[0].index === rate.index + 1;
}

/**
 * A window that starts with a date holds a date, not a number ("Nr. 05.03.2024" is a misread label). A number
 * with letters or a date-like run inside ("FV/13/05/2026", "RE-20250428/781", "2021/03/9694") is not a date:
 * the date must be the whole first word, or span several words ("15 août 2023").
 */
function startsWithDate(tokens: readonly Token[]): boolean {
  const date = findDates(tokens.slice(0, 4)).find((found) => found.tokens[0] === tokens[0]);
  if (!date) return false;
  if (date.tokens.length > 1) return true;
  return /^\d{1,4}([./-])\d{1,2}\1\d{2,4}[.,;:]?$/.test(tokens[0].text) && !/^\d{4}[./-]\d{1,2}[./-]\d{3,4}/.test(tokens[0].text) && !/^\d{3,4}[./-]\d{1,2}[./-]\d{4}/.test(tokens[0].text);
}

function opensWithOtherLabel(byLine: ReturnType<typeof labelsByLine>, tokens: readonly Token[]): boolean {
  const first = tokens[0];
  return first !== undefined && (byLine.get(first.line) ?? []).some((label) => label.target === 'other' && label.start === first.index);
}

/**
 * A column of amounts under a header label (a tax breakdown: one row per rate, then their sum): when the last
 * of three or more rows is the sum of the rows above it, that last row is the column's total.
 */
function summedColumn(context: CandidateContext, hit: LabelHit): { value: Decimal; tokens: readonly Token[] } | undefined {
  const pageLines = context.text.byPage.get(hit.page) ?? [];
  const position = pageLines.findIndex((line) => line.index === hit.line);
  const from = hit.bbox.x - 0.03;
  const to = hit.bbox.x + hit.bbox.width + 0.03;
  const cells: { value: Decimal; tokens: readonly Token[] }[] = [];
  for (const line of pageLines.slice(position + 1, position + 10)) {
    const under = line.tokens.filter((token) => token.bbox.x < to && token.bbox.x + token.bbox.width > from);
    const amount = readAmounts(under, context.locale.decimalSeparator).find((candidate) => !candidate.percent && candidate.hasDecimals);
    if (!amount) break;
    cells.push({ value: amount.value, tokens: amount.tokens });
  }
  if (cells.length < 3) return undefined;
  const last = cells[cells.length - 1];
  const parts = cells.slice(0, -1).reduce((sum, cell) => sum.plus(cell.value), new Decimal(0));
  return parts.equals(last.value) ? last : undefined;
}

/** OCR words carry their own confidence; text-layer words are certain (1). */
export function ocrFactor(tokens: readonly Token[]): number {
  if (tokens.length === 0) return 1;
  const mean = tokens.reduce((sum, token) => sum + token.confidence, 0) / tokens.length;
  return 0.5 + 0.5 * Math.min(1, mean);
}
