import Decimal from 'decimal.js';
import type { BoundingBox, InvoiceFieldName } from '@conveyor/documents';
import { labelKey } from '../layout/fold-text';
import { centreY, tokensText, unionBox, type DocumentText, type Token } from '../layout/text-lines';
import { formatMoney, readAmounts, type DecimalSeparator } from '../values/amount-reading';
import { findDates, interpretDate, type DateOrder } from '../values/date-reading';
import { compactId, findIbans, findVatIds, readDocumentNumber } from '../values/identifier-reading';
import { cleanName } from '../fields/party-names';
import { normaliseVendorName } from './vendor-profile';

export type FieldKind = 'amount' | 'date' | 'identifier' | 'name' | 'currency';

export function kindOf(field: InvoiceFieldName): FieldKind {
  if (field === 'totalNet' || field === 'totalTax' || field === 'totalGross' || field === 'amountDue') return 'amount';
  if (field === 'issueDate' || field === 'dueDate') return 'date';
  if (field === 'vendorName' || field === 'customerName') return 'name';
  if (field === 'currency') return 'currency';
  return 'identifier';
}

/** Where a confirmed value is printed, and what that printing proves about separators and date order. */
export interface PrintedOccurrence {
  readonly tokens: readonly Token[];
  readonly decimalSeparator?: DecimalSeparator;
  readonly dateOrder?: DateOrder;
}

export function findPrintedValue(text: DocumentText, field: InvoiceFieldName, value: string): PrintedOccurrence[] {
  const kind = kindOf(field);
  const found: PrintedOccurrence[] = [];
  for (const line of text.lines) {
    if (kind === 'amount') {
      const target = new Decimal(value);
      for (const separator of ['.', ','] as const) {
        for (const amount of readAmounts(line.tokens, separator)) {
          if (!amount.value.equals(target) || amount.percent) continue;
          const shown = /\d([.,])\d{1,2}(?!\d)/.exec(tokensText(amount.tokens))?.[1] as DecimalSeparator | undefined;
          found.push({ tokens: amount.tokens, decimalSeparator: shown ?? (amount.separatorAmbiguous ? separator : undefined) });
        }
      }
    } else if (kind === 'date') {
      for (const date of findDates(line.tokens)) {
        const dayFirst = interpretDate(date, 'dmy')?.iso;
        const monthFirst = interpretDate(date, 'mdy')?.iso;
        if (dayFirst !== value && monthFirst !== value) continue;
        found.push({ tokens: date.tokens, dateOrder: dayFirst === monthFirst ? undefined : dayFirst === value ? 'dmy' : 'mdy' });
      }
    } else {
      const wanted = kind === 'name' ? normaliseVendorName(value) : compactId(value);
      for (let start = 0; start < line.tokens.length; start += 1) {
        for (let end = start + 1; end <= Math.min(line.tokens.length, start + 8); end += 1) {
          const printed = tokensText(line.tokens.slice(start, end));
          const key = kind === 'name' ? normaliseVendorName(cleanName(printed)) : compactId(printed);
          if (key === wanted) found.push({ tokens: line.tokens.slice(start, end) });
        }
      }
    }
  }
  return dedupe(found);
}

function dedupe(found: PrintedOccurrence[]): PrintedOccurrence[] {
  const seen = new Set<string>();
  return found.filter((occurrence) => {
    const key = occurrence.tokens.map((token) => `${token.line}:${token.index}`).join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface PrintedLabel {
  readonly key: string;
  readonly text: string;
  readonly bbox: BoundingBox;
  readonly direction: 'right' | 'below';
}

/**
 * The words that introduce a value: up to four words before it on its line (the nearest cell), else the words
 * above it on the previous line. These need not be in any lexicon: "Ref. Nr." on one vendor's invoices is
 * what the correction teaches.
 */
export function labelBefore(text: DocumentText, value: readonly Token[]): PrintedLabel | undefined {
  const first = value[0];
  const line = text.lines[first.line];
  const before = line.tokens.slice(0, first.index).filter((token) => /\p{L}/u.test(token.text));
  if (before.length > 0) {
    const segment = before[before.length - 1].segment;
    const words = before.filter((token) => token.segment === segment).slice(-4);
    return { key: labelKey(tokensText(words)), text: tokensText(words), bbox: unionBox(words.map((token) => token.bbox)), direction: 'right' };
  }
  const pageLines = text.byPage.get(first.page) ?? [];
  const position = pageLines.findIndex((candidate) => candidate.index === line.index);
  const above = pageLines[position - 1];
  if (!above) return undefined;
  const x0 = Math.min(...value.map((token) => token.bbox.x)) - 0.02;
  const x1 = Math.max(...value.map((token) => token.bbox.x + token.bbox.width)) + 0.02;
  const words = above.tokens.filter((token) => token.bbox.x < x1 && token.bbox.x + token.bbox.width > x0 && /\p{L}/u.test(token.text)).slice(0, 4);
  if (words.length === 0) return undefined;
  return { key: labelKey(tokensText(words)), text: tokensText(words), bbox: unionBox(words.map((token) => token.bbox)), direction: 'below' };
}

/** Every place a label key is printed (runs of up to six words whose joined key equals it). */
export function findPrintedLabel(text: DocumentText, key: string): { tokens: Token[]; bbox: BoundingBox }[] {
  const found: { tokens: Token[]; bbox: BoundingBox }[] = [];
  for (const line of text.lines) {
    for (let start = 0; start < line.tokens.length; start += 1) {
      let joined = '';
      for (let end = start + 1; end <= Math.min(line.tokens.length, start + 6); end += 1) {
        joined += line.tokens[end - 1].key;
        if (joined.length > key.length) break;
        if (joined === key) found.push({ tokens: line.tokens.slice(start, end), bbox: unionBox(line.tokens.slice(start, end).map((token) => token.bbox)) });
      }
    }
  }
  return found;
}

/** Reads a value of a field's kind from words starting at a place (the rest of that line). */
export function readValueAt(field: InvoiceFieldName, tokens: readonly Token[], separator: DecimalSeparator, order: DateOrder | undefined): { value: string; tokens: readonly Token[] } | undefined {
  const kind = kindOf(field);
  if (kind === 'amount') {
    const amount = readAmounts(tokens, separator).find((candidate) => !candidate.percent);
    return amount ? { value: formatMoney(amount.value), tokens: amount.tokens } : undefined;
  }
  if (kind === 'date') {
    const date = findDates(tokens.slice(0, 8))[0];
    const reading = date ? interpretDate(date, order) : undefined;
    return date && reading && !reading.ambiguous ? { value: reading.iso, tokens: date.tokens } : undefined;
  }
  if (kind === 'name') {
    const segment = tokens.filter((token) => token.segment === tokens[0]?.segment);
    const name = cleanName(tokensText(segment));
    return name ? { value: name, tokens: segment } : undefined;
  }
  if (field === 'iban') return findIbans(tokens.slice(0, 10))[0];
  if (field === 'vendorVatId') return findVatIds(tokens.slice(0, 8))[0] ?? readDocumentNumber(tokens);
  if (kind === 'currency') return undefined;
  return readDocumentNumber(tokens);
}

/** The word nearest to where a value should start, on the label's line (right) or the lines under it (below). */
export function startTokenNear(text: DocumentText, label: { tokens: readonly Token[]; bbox: BoundingBox }, direction: 'right' | 'below', offset: { dx: number; dy: number }): Token | undefined {
  const expectedX = label.bbox.x + offset.dx;
  const expectedY = label.bbox.y + offset.dy;
  const labelLine = label.tokens[0].line;
  const lastLabelIndex = label.tokens[label.tokens.length - 1].index;
  const pageLines = text.byPage.get(label.tokens[0].page) ?? [];
  const candidates = direction === 'right'
    ? text.lines[labelLine].tokens.filter((token) => token.index > lastLabelIndex)
    : pageLines.filter((line) => line.index > labelLine && line.index <= labelLine + 4).flatMap((line) => line.tokens);
  const distance = (token: Token) => Math.abs(token.bbox.x - expectedX) + 2 * Math.abs(centreY(token.bbox) - token.bbox.height / 2 - expectedY);
  return [...candidates].sort((a, b) => distance(a) - distance(b))[0];
}
