import Decimal from 'decimal.js';
import type { DocumentText, TextLine, Token } from '../layout/text-lines';
import { formatMoney, readAmounts, type DecimalSeparator } from '../values/amount-reading';
import type { Candidate } from './field-candidates';

/**
 * A till receipt prints what the customer handed over and the change given back ("CASH 50.00 / CHANGE 21.10"):
 * their difference is the total paid. Thermal print fades and OCR garbles the TOTAL line more often than the
 * payment lines ("TOTAL 28." next to a clear "CASH 28.90 / CHANGE 0.00"), so the difference is a second,
 * independent witness of the gross total; agreeing with a TOTAL label it raises the confidence, alone it stays
 * below the auto-accept threshold.
 */

/** Words opening a payment line: what was tendered (English and Malay tills; "tunai" is cash). */
const TENDERED = new Set(['cash', 'tunai', 'cashtendered', 'tendered', 'amounttendered', 'cashpaid', 'amountpaid', 'paid']);
/** Words opening the change line ("baki" is Malay for the balance given back). */
const CHANGE = new Set(['change', 'changedue', 'changeamount', 'baki', 'cashchange']);
/** Score of a total witnessed by tendered − change alone: under the auto-accept threshold on its own. */
const PAYMENT_WITNESS_SCORE = 0.5;
/** A witness that contradicts every total printed under a label counts this much less (the cash may be misread). */
const CONTRADICTED = 0.5;

interface PaymentLine {
  readonly amount: Decimal;
  readonly tokens: readonly Token[];
  readonly line: number;
}

/**
 * The gross-total candidate tendered − change gives, when a receipt prints both (change last, below).
 * `printedTotals`: the gross candidates read at labels; a witness that agrees with none of them is weakened.
 */
export function paymentWitness(text: DocumentText, separator: DecimalSeparator, printedTotals: readonly Candidate[] = []): Candidate | undefined {
  const tendered = text.lines.map((line) => paymentLine(line, TENDERED, separator)).filter((found): found is PaymentLine => found !== undefined);
  const change = text.lines.map((line) => paymentLine(line, CHANGE, separator)).filter((found): found is PaymentLine => found !== undefined);
  for (const given of change) {
    // The tendered line closest above the change line: a receipt may print several payments (a void, a reprint).
    const paid = tendered.filter((candidate) => candidate.line < given.line && given.line - candidate.line <= 4).at(-1);
    if (!paid || given.amount.isNegative() || paid.amount.lessThanOrEqualTo(given.amount)) continue;
    const tokens = [...paid.tokens, ...given.tokens];
    const confidence = tokens.reduce((sum, token) => sum + token.confidence, 0) / tokens.length;
    const value = formatMoney(paid.amount.minus(given.amount));
    const contradicted = printedTotals.length > 0 && !printedTotals.some((printed) => printed.value === value);
    return {
      field: 'totalGross',
      value,
      amount: paid.amount.minus(given.amount),
      score: PAYMENT_WITNESS_SCORE * (0.5 + 0.5 * Math.min(1, confidence)) * (contradicted ? CONTRADICTED : 1),
      tokens: paid.tokens,
      evidence: 'amount tendered less change',
    };
  }
  return undefined;
}

/**
 * A line starting with one of `words` (one or two words, OCR punctuation such as "Cash):" ignored) whose last
 * amount has two decimals: "CASH RM 50.00", "Change : 0.30". The word must open the line, so prose ("NO CASH
 * REFUND") is not read as a payment.
 */
function paymentLine(line: TextLine, words: ReadonlySet<string>, separator: DecimalSeparator): PaymentLine | undefined {
  const keys = line.tokens.map((token) => token.key).filter((key) => key !== '');
  const opening = words.has(keys[0] ?? '') || words.has(`${keys[0] ?? ''}${keys[1] ?? ''}`);
  if (!opening) return undefined;
  const amount = readAmounts(line.tokens, separator).filter((found) => !found.percent && found.hasDecimals).at(-1);
  return amount ? { amount: amount.value, tokens: amount.tokens, line: line.index } : undefined;
}
