import Decimal from 'decimal.js';
import type { ExtractionIssue, InvoiceFields } from '@conveyor/documents';

/** Totals an e-invoice must show on its page, checked in this order. */
const CHECKED_TOTALS = [
  { field: 'totalGross', label: 'grand total' },
  { field: 'amountDue', label: 'amount due' },
] as const;

/**
 * Compares the XML's grand total and amount due with the amounts printed in the PDF's text layer and warns
 * (XML_TOTAL_MISMATCH) when one is not printed anywhere: the XML is what gets booked, the page is what the
 * buyer approved, and they must agree.
 *
 * Deliberately simple: it looks for the amount among every number on the pages, not next to a "Total" label.
 * Limits: a total printed only as words, split across text runs or in an image is reported as missing; a
 * wrong total still passes when the right value happens to be printed elsewhere (e.g. as a line amount); the
 * sign is ignored (credit notes print "-12,00", "12,00-" or "(12,00)").
 */
export function crossCheckPrintedTotals(fields: InvoiceFields, pageTexts: readonly string[]): ExtractionIssue[] {
  const text = pageTexts.join('\n');
  if (text.trim() === '') return [];
  const printed = printedAmounts(text);
  const issues: ExtractionIssue[] = [];
  for (const { field, label } of CHECKED_TOTALS) {
    const value = fields[field]?.value;
    if (!value) continue;
    const amount = new Decimal(value).abs();
    if (printed.some((candidate) => candidate.equals(amount))) continue;
    issues.push({
      code: 'XML_TOTAL_MISMATCH',
      severity: 'warning',
      message: `the ${label} ${value} from the XML is not printed on the page; the visible invoice may differ from its XML`,
      fields: [field],
    });
  }
  return issues;
}

/**
 * Every amount-like number in the text, read per token with the corpus rule: the decimal separator is the last
 * "," or "." followed by one or two digits at the end; other dots, commas, apostrophes and (no-break, thin)
 * spaces between groups of three digits are grouping. Numbers joined by a plain space are also read apart,
 * because a table row prints "20 9,90".
 */
export function printedAmounts(text: string): Decimal[] {
  const tokens = text.match(/\d{1,3}(?:[.,'\u00a0\u202f ]\d{3})*(?:[.,]\d{1,2})?(?!\d)|\d+(?:[.,]\d{1,2})?(?!\d)/g) ?? [];
  const amounts: Decimal[] = [];
  for (const token of tokens) {
    for (const part of new Set([token, ...token.split(' ')])) {
      const amount = parsePrintedAmount(part);
      if (amount) amounts.push(amount);
    }
  }
  return amounts;
}

function parsePrintedAmount(token: string): Decimal | undefined {
  const match = /^(.*?)(?:[.,](\d{1,2}))?$/.exec(token);
  if (!match) return undefined;
  const integerDigits = match[1].replace(/[.,'\u00a0\u202f ]/g, '');
  if (!/^\d+$/.test(integerDigits)) return undefined;
  return new Decimal(match[2] === undefined ? integerDigits : `${integerDigits}.${match[2]}`);
}
