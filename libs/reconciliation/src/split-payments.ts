import { AMOUNT_EXPLAINED, convertMinor, fitAmount, type Tolerances } from './amount-fit';
import type { BankLine } from './bank-line';
import type { Evidence } from './candidate-evidence';
import type { LedgerItem } from './ledger-index';
import { AMOUNT_WEIGHT, dateWeight, format, hasIbanConflict, isStrongParty, partyWeight, REFERENCE_TEXT, REFERENCE_WEIGHT, STRONG_REFERENCES, total, type Proposal, type ScorePart } from './proposal-scoring';
import type { ReconcileOptions } from './reconcile-options';

/** A search that found exactly one fitting combination within its bounds says something by itself. */
const UNIQUE_COMBINATION_WEIGHT = 0.1;

/**
 * Stage 5: one payment settling several open items of one party, found by a bounded subset-sum search.
 * Bounds (options.subsetSum): per party at most `maxCandidates` items (those with a reference in the text
 * first, then by due date), subsets of 2 to `maxItems` items, at most `maxSteps` search steps per party; the
 * search stops at the third solution. A sum fits when it equals the paid amount exactly, up to the fee
 * tolerance when the text names one of the party's invoices (a discount window would let too many combinations
 * fit), or for items in another currency with a configured rate, when the converted sum is within the FX
 * tolerance. Several solutions, or a search cut short, only suggest.
 * Also: the items whose numbers the text names, taken together, allocated in due-date order when they
 * exceed the payment (a partial payment, UNDERPAID).
 */
export function splitPaymentProposals(line: BankLine, candidates: Map<LedgerItem, Evidence>, options: ReconcileOptions, tolerances: Tolerances): Proposal[] {
  if (line.payMinor <= 0) return [];
  const groups = new Map<string, LedgerItem[]>();
  const values = new Map<LedgerItem, number>();
  for (const [item, evidence] of candidates) {
    if (item.amountMinor <= 0) continue;
    if (evidence.party === null && (evidence.reference === null || evidence.reference === 'fuzzy')) continue;
    if (item.currency !== line.currency) {
      const rate = options.fxRates[item.currency];
      if (rate === undefined) continue;
      values.set(item, convertMinor(item.amountMinor, item.currency, line.currency, rate));
    } else values.set(item, item.amountMinor);
    const group = `${item.partyKey ?? `item:${item.item.id}`}|${item.currency}`;
    const members = groups.get(group);
    if (members === undefined) groups.set(group, [item]);
    else members.push(item);
  }
  const proposals: Proposal[] = [];
  for (const items of groups.values()) {
    if (items.length < 2) continue;
    const referenced = items.filter((item) => isStrongReference(candidates.get(item)!));
    if (referenced.length >= 2) proposals.push(referencedTogether(line, referenced, candidates, options, tolerances));
    const solutions = searchSubsets(line, items, (item) => values.get(item)!, candidates, options, tolerances, referenced.length > 0);
    for (const solution of solutions.found) {
      const sameAsReferenced = solution.length === referenced.length && solution.every((item) => referenced.includes(item));
      if (!sameAsReferenced) proposals.push(scoreSplit(line, solution, solution.map((item) => item.amountMinor), candidates, options, tolerances, solutions));
    }
  }
  return proposals;
}

function isStrongReference(evidence: Evidence): boolean {
  return evidence.reference !== null && STRONG_REFERENCES.has(evidence.reference);
}

function referencedTogether(line: BankLine, referenced: LedgerItem[], candidates: Map<LedgerItem, Evidence>, options: ReconcileOptions, tolerances: Tolerances): Proposal {
  if (referenced[0].currency !== line.currency) {
    return scoreSplit(line, referenced, referenced.map((item) => item.amountMinor), candidates, options, tolerances, { found: [referenced], complete: true });
  }
  const ordered = [...referenced].sort((a, b) => (a.dueDay ?? 0) - (b.dueDay ?? 0));
  let left = line.payMinor;
  const allocations = ordered.map((item, position) => {
    const last = position === ordered.length - 1;
    const share = last ? Math.max(0, Math.min(left, item.amountMinor)) : Math.min(left, item.amountMinor);
    left -= share;
    return share;
  });
  const openTotal = ordered.reduce((sum, item) => sum + item.amountMinor, 0);
  const keepsFull = fitAmount({ payMinor: line.payMinor, lineCurrency: line.currency, openMinor: openTotal, itemCurrency: line.currency, payDay: line.day, issueDay: null }, options, tolerances);
  const finalAllocations = AMOUNT_EXPLAINED.has(keepsFull.kind) || keepsFull.kind === 'overpaid' ? ordered.map((item) => item.amountMinor) : allocations;
  return scoreSplit(line, ordered, finalAllocations, candidates, options, tolerances, { found: [ordered], complete: true });
}

interface SearchOutcome {
  found: LedgerItem[][];
  /** false when the step bound cut the search short: uniqueness is then unknown. */
  complete: boolean;
}

function searchSubsets(
  line: BankLine,
  items: LedgerItem[],
  value: (item: LedgerItem) => number,
  candidates: Map<LedgerItem, Evidence>,
  options: ReconcileOptions,
  tolerances: Tolerances,
  referenced: boolean,
): SearchOutcome {
  const foreign = items[0].currency !== line.currency;
  // Without a reference in the text only an exact sum counts: with a fee's slack, twenty open items of one
  // vendor add up to almost any amount somehow.
  const slack = foreign ? Math.floor((line.payMinor * tolerances.fxBasisPoints) / 10_000) : referenced ? tolerances.feeMinor(line.currency) : 0;
  const low = line.payMinor - slack;
  const high = line.payMinor + slack;
  const pool = items
    .filter((item) => value(item) <= high && (line.day === null || item.issueDay === null || item.issueDay <= line.day + options.dateWindow.daysBeforeIssue))
    .sort((a, b) => Number(isStrongReference(candidates.get(b)!)) - Number(isStrongReference(candidates.get(a)!)) || (a.dueDay ?? 0) - (b.dueDay ?? 0))
    .slice(0, options.subsetSum.maxCandidates)
    .sort((a, b) => value(b) - value(a));
  const suffix: number[] = new Array(pool.length + 1).fill(0);
  for (let index = pool.length - 1; index >= 0; index -= 1) suffix[index] = suffix[index + 1] + value(pool[index]);
  const found: LedgerItem[][] = [];
  const chosen: LedgerItem[] = [];
  let steps = 0;
  let complete = true;
  const visit = (start: number, sum: number): void => {
    if (found.length >= 3) return;
    if (chosen.length >= 2 && sum >= low && sum <= high) found.push([...chosen]);
    if (chosen.length >= options.subsetSum.maxItems) return;
    for (let index = start; index < pool.length && found.length < 3; index += 1) {
      if (++steps > options.subsetSum.maxSteps) {
        complete = false;
        return;
      }
      if (sum + suffix[index] < low) return; // even everything left cannot reach the amount
      const next = sum + value(pool[index]);
      if (next > high) continue;
      chosen.push(pool[index]);
      visit(index + 1, next);
      chosen.pop();
      if (!complete) return;
    }
  };
  if (pool.length >= 2) visit(0, 0);
  return { found, complete: complete && found.length < 3 };
}

function scoreSplit(
  line: BankLine,
  items: LedgerItem[],
  allocations: number[],
  candidates: Map<LedgerItem, Evidence>,
  options: ReconcileOptions,
  tolerances: Tolerances,
  search: SearchOutcome,
): Proposal {
  const openTotal = items.reduce((sum, item) => sum + item.amountMinor, 0);
  const earliestIssue = items.reduce<number | null>((earliest, item) => (item.issueDay === null ? earliest : Math.min(earliest ?? item.issueDay, item.issueDay)), null);
  const fit = fitAmount({ payMinor: line.payMinor, lineCurrency: line.currency, openMinor: openTotal, itemCurrency: items[0].currency, payDay: line.day, issueDay: earliestIssue }, options, tolerances);
  const evidences = items.map((item) => candidates.get(item)!);
  const referencedCount = evidences.filter(isStrongReference).length;
  const parts: ScorePart[] = [];
  const unique = search.complete && search.found.length === 1;
  const summary = `${items.length} open items of one party settled by one payment${unique ? '' : search.complete ? ' (another combination also fits)' : ' (search bound reached)'}`;
  if (referencedCount > 0) {
    const kinds = evidences.map((evidence) => evidence.reference).filter((kind) => kind !== null);
    const best = kinds.reduce((top, kind) => (REFERENCE_WEIGHT[kind] > REFERENCE_WEIGHT[top] ? kind : top));
    parts.push([(REFERENCE_WEIGHT[best] * referencedCount) / items.length, `${REFERENCE_TEXT[best]} (${referencedCount} of ${items.length} items)`]);
  }
  parts.push([AMOUNT_WEIGHT[fit.kind], fit.reason]);
  const strongestParty = evidences.reduce<Evidence | null>((best, evidence) => {
    const weight = partyWeight(evidence)?.weight ?? -1;
    return weight > (best === null ? -1 : (partyWeight(best)?.weight ?? -1)) ? evidence : best;
  }, null);
  const party = strongestParty === null ? null : partyWeight(strongestParty);
  if (party !== null) parts.push([party.weight, party.reason]);
  const ibanConflict = items.some((item, position) => hasIbanConflict(line, item, evidences[position]));
  if (ibanConflict) parts.push([-0.15, "counterparty IBAN differs from the vendor's"]);
  if (unique && AMOUNT_EXPLAINED.has(fit.kind)) parts.push([UNIQUE_COMBINATION_WEIGHT, 'the only combination of the party\'s open items that fits the amount']);
  const dates = items.map((item) => dateWeight(line, item, options)).filter((date) => date !== null);
  if (dates.length > 0) {
    // A combined payment often takes older invoices along: the average, not the oldest, says how timely it is.
    const average = dates.reduce((sum, date) => sum + date.weight, 0) / dates.length;
    const typical = dates.reduce((nearest, date) => (Math.abs(date.weight - average) < Math.abs(nearest.weight - average) ? date : nearest));
    parts.push([average, typical.reason]);
  }
  const explained = AMOUNT_EXPLAINED.has(fit.kind);
  const strongParty = strongestParty !== null && isStrongParty(strongestParty, ibanConflict);
  const allReferenced = referencedCount === items.length;
  const strong = explained && !ibanConflict && (allReferenced || (strongParty && unique));
  return { line, items, allocations, score: total(parts), strong, namedItems: referencedCount, reasons: () => [summary, ...format(parts)], fit };
}
