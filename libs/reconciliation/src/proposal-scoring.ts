import { AMOUNT_EXPLAINED, fitAmount, type AmountFit, type AmountFitKind, type Tolerances } from './amount-fit';
import type { BankLine } from './bank-line';
import type { Evidence, PartyEvidence, ReferenceEvidence } from './candidate-evidence';
import type { LedgerItem } from './ledger-index';
import type { ReconcileOptions } from './reconcile-options';

/** One way to settle a bank line: the items, what each receives, the score and its parts. */
export interface Proposal {
  line: BankLine;
  items: LedgerItem[];
  /** Minor units (item currency) each item receives. */
  allocations: number[];
  /** Sum of the score parts over SCORE_SCALE: 0..1. */
  score: number;
  /** Evidence strong enough to decide without a person (the score still has to clear the threshold). */
  strong: boolean;
  /** Items of the proposal whose number the text names: between equal scores, the one explaining more wins. */
  namedItems: number;
  /** The score parts as text, rendered on demand (most proposals are dropped unread). */
  reasons: () => string[];
  fit: AmountFit;
}

/** A score part: its weight and, rendered on demand, what it means. */
export type ScorePart = [number, string | (() => string)];

const REFERENCE_WEIGHT: Record<ReferenceEvidence, number> = {
  // A typo'd number is weak: in a vendor's sequence it often names the neighbouring invoice.
  'payment-id': 0.6, exact: 0.5, text: 0.45, 'ocr-text': 0.4, 'pattern-auto': 0.4, 'pattern-suggest': 0.25, fuzzy: 0.1,
};
const REFERENCE_TEXT: Record<ReferenceEvidence, string> = {
  'payment-id': 'payment id (end-to-end id or bank reference) is known for the item',
  exact: 'reference field equals the invoice number',
  text: 'invoice number found in the text',
  'ocr-text': 'invoice number found in the text after removing prefixes and OCR look-alikes',
  'pattern-auto': 'invoice number found through a learned reference pattern',
  'pattern-suggest': 'invoice number found through a learned reference pattern not yet confirmed often enough',
  fuzzy: 'invoice number found with a typo',
};
export const STRONG_REFERENCES: ReadonlySet<ReferenceEvidence> = new Set(['payment-id', 'exact', 'text', 'ocr-text', 'pattern-auto']);

// An explained difference is weaker evidence than an equal amount: another item of the vendor may be the one.
const AMOUNT_WEIGHT: Record<AmountFitKind, number> = { exact: 0.35, fee: 0.2, discount: 0.2, fx: 0.2, 'fx-unrated': 0.1, underpaid: 0, overpaid: 0 };
const IBAN_CONFLICT_WEIGHT = -0.15;
/** Best party weight plus best date weight: what a pair without reference and fitting amount can reach. */
const MAX_WITHOUT_REFERENCE_OR_AMOUNT = 0.3 + 0.1;
const OUT_OF_WINDOW_WEIGHT = -0.2;
/** Name similarity that counts as strong party evidence. */
const STRONG_NAME_SIMILARITY = 0.9;

const signed = (weight: number): string => `${weight >= 0 ? '+' : ''}${weight.toFixed(2)}`;

export function partyWeight(evidence: Evidence): { weight: number; reason: () => string } | null {
  const party: PartyEvidence | null = evidence.party;
  if (party === 'iban') return { weight: 0.3, reason: () => "counterparty IBAN equals the vendor's" };
  if (party === 'alias-auto') return { weight: 0.3, reason: () => `counterparty is a confirmed alias of the vendor (${evidence.ruleKey})` };
  if (party === 'alias-suggest') return { weight: 0.15, reason: () => `counterparty is a learned alias of the vendor not yet confirmed often enough (${evidence.ruleKey})` };
  if (party === 'name') {
    const weight = evidence.nameSimilarity >= STRONG_NAME_SIMILARITY ? 0.3 : 0.15 * evidence.nameSimilarity;
    return { weight, reason: () => `counterparty name resembles the vendor's (${Math.round(evidence.nameSimilarity * 100)}%)` };
  }
  return null;
}

export function isStrongParty(evidence: Evidence, ibanConflict: boolean): boolean {
  if (evidence.party === 'iban' || evidence.party === 'alias-auto') return true;
  return evidence.party === 'name' && evidence.nameSimilarity >= STRONG_NAME_SIMILARITY && !ibanConflict;
}

export function hasIbanConflict(line: BankLine, item: LedgerItem, evidence: Evidence): boolean {
  return line.iban !== null && item.iban !== null && line.iban !== item.iban && evidence.party !== 'alias-auto' && evidence.party !== 'alias-suggest';
}

export function dateWeight(line: BankLine, item: LedgerItem, options: ReconcileOptions): { weight: number; reason: string } | null {
  if (line.day === null || (item.issueDay === null && item.dueDay === null)) return null;
  const earliest = (item.issueDay ?? item.dueDay ?? line.day) - options.dateWindow.daysBeforeIssue;
  const due = item.dueDay ?? item.issueDay ?? line.day;
  if (line.day < earliest || line.day > due + options.dateWindow.daysAfterDue) {
    return { weight: OUT_OF_WINDOW_WEIGHT, reason: 'paid outside the expected date window' };
  }
  if (line.day <= due + 30) return { weight: 0.1, reason: 'paid between issue date and 30 days after the due date' };
  return { weight: 0.05, reason: `paid late, within ${options.dateWindow.daysAfterDue} days after the due date` };
}

/**
 * Scores settling the line with one item (stages 1 to 4): partial when less was paid than is open. Null when
 * the pair cannot reach `floor` (no reference and an amount that fits no tolerance: party and date alone
 * never make a proposal), so large vendors' items cost one comparison each.
 */
export function scoreSingle(line: BankLine, item: LedgerItem, evidence: Evidence, options: ReconcileOptions, tolerances: Tolerances, floor: number): Proposal | null {
  const fit = fitAmount(
    { payMinor: line.payMinor, lineCurrency: line.currency, openMinor: item.amountMinor, itemCurrency: item.currency, payDay: line.day, issueDay: item.issueDay },
    options,
    tolerances,
  );
  if (evidence.reference === null && MAX_WITHOUT_REFERENCE_OR_AMOUNT / SCORE_SCALE < floor && AMOUNT_WEIGHT[fit.kind] === 0) return null;
  const parts: ScorePart[] = [];
  if (evidence.reference !== null) parts.push([REFERENCE_WEIGHT[evidence.reference], REFERENCE_TEXT[evidence.reference]]);
  parts.push([AMOUNT_WEIGHT[fit.kind], fit.reason]);
  const party = partyWeight(evidence);
  if (party !== null) parts.push([party.weight, party.reason]);
  const ibanConflict = hasIbanConflict(line, item, evidence);
  if (ibanConflict) parts.push([IBAN_CONFLICT_WEIGHT, "counterparty IBAN differs from the vendor's"]);
  const date = dateWeight(line, item, options);
  if (date !== null) parts.push([date.weight, date.reason]);

  const strongReference = evidence.reference !== null && STRONG_REFERENCES.has(evidence.reference);
  const strongParty = isStrongParty(evidence, ibanConflict);
  const explained = AMOUNT_EXPLAINED.has(fit.kind);
  // Never decided without a person: paid more or less than is open (several invoices at once, a short payment
  // to be booked), or paid to an IBAN that is not the vendor's.
  const strong = explained && !ibanConflict && (strongReference || (strongParty && fit.kind === 'exact'));
  const allocation = fit.kind === 'underpaid' && item.currency === line.currency ? line.payMinor : item.amountMinor;
  return { line, items: [item], allocations: [allocation], score: total(parts), strong, namedItems: Number(strongReference), reasons: () => format(parts), fit };
}

/**
 * Weights above are on one scale where the strongest possible evidence (a known payment id, the exact amount,
 * the vendor's IBAN, paid in time) adds up to SCORE_SCALE; scores and the weights shown in reasons are divided
 * by it, so a score is 0..1 without capping and the reasons add up to it.
 */
export const SCORE_SCALE = 1.35;

export function total(parts: ScorePart[]): number {
  const sum = parts.reduce((accumulated, [weight]) => accumulated + weight, 0);
  return Math.round((Math.max(0, sum) / SCORE_SCALE) * 1000) / 1000;
}

export function format(parts: ScorePart[]): string[] {
  return parts.map(([weight, reason]) => `${typeof reason === 'string' ? reason : reason()} (${signed(weight / SCORE_SCALE)})`);
}

export { REFERENCE_WEIGHT, AMOUNT_WEIGHT, REFERENCE_TEXT };
