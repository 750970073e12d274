import type { StatementIssue } from '@conveyor/bank-statements';
import { prepareBankLine, type BankLine, type TransactionInput } from './bank-line';
import { addSubsetPool, gatherCandidates } from './candidate-evidence';
import { EMPTY_LEARNING_STATE, type LearningState } from './learned-rules';
import { AMOUNT_EXPLAINED, toleranceOf, type Tolerances } from './amount-fit';
import { buildLedgerIndex, type LedgerItem } from './ledger-index';
import { fromMinorUnits } from './minor-units';
import { assignProposals } from './proposal-assignment';
import { scoreSingle, type Proposal } from './proposal-scoring';
import { resolveOptions, type ReconcileOptions } from './reconcile-options';
import type { MatchProposal, OpenItem, ReconciliationException, ReconciliationResult } from './reconciliation-types';
import { splitPaymentProposals } from './split-payments';

/** Payments come early and late; only a twin that fits the payment date by this many days more counts. */
const TWIN_DATE_SLACK_DAYS = 14;

export interface ReconcileInput {
  openItems: OpenItem[];
  /** The statements of one file (a ParsedStatementFile fits); transaction ids are "<statement>:<transaction>". */
  statements: { transactions: TransactionInput[] }[];
  /** Issues the importer reported; balance breaks become STATEMENT_BALANCE_BREAK exceptions. */
  issues?: Pick<StatementIssue, 'code' | 'message' | 'statementIndex' | 'transactionIndex'>[];
  learned?: LearningState;
  options?: Partial<ReconcileOptions>;
}

const MARGIN_ROUNDING = 0.0005;
/** Proposals a line keeps for assignment and for judging competition. */
const MAX_PROPOSALS_PER_LINE = 8;

/**
 * Matches bank lines to open items in stages (payment ids, references, tolerant references, amount/date/party,
 * subset sums, optimal assignment among competitors) and decides per line: auto, suggest or no match, with
 * the reasons, and the exceptions a person has to look at. Pure and synchronous.
 */
export function reconcilePayments(input: ReconcileInput): ReconciliationResult {
  const options = resolveOptions(input.options);
  const index = buildLedgerIndex(input.openItems, input.learned ?? EMPTY_LEARNING_STATE, options.knownReferences);
  const lines: BankLine[] = [];
  input.statements.forEach((statement, statementIndex) => {
    statement.transactions.forEach((transaction, transactionIndex) => {
      lines.push(prepareBankLine(`${statementIndex}:${transactionIndex}`, transaction, options.direction));
    });
  });

  const tolerances = toleranceOf(options);
  const viable = lines.map((line) => proposalsFor(line, index, options, tolerances));
  const chosen = assignProposals(viable, options.maxAssignmentCluster);
  const bestByItem = topScoresByItem(viable);

  // Open invoices of one vendor for the same amount (monthly rent, subscriptions): payers mistype which one they
  // pay, so when another twin's date fits the payment clearly better (by more than TWIN_DATE_SLACK_DAYS) than the
  // invoice the payment names, a person decides.
  const twins = new Map<string, LedgerItem[]>();
  const twinKey = (item: LedgerItem) => `${item.partyKey ?? item.item.id}|${item.currency}|${item.amountMinor}`;
  for (const item of index.items) twins.set(twinKey(item), [...(twins.get(twinKey(item)) ?? []), item]);
  const dayDistance = (line: BankLine, item: LedgerItem) => (line.day === null ? 0 : Math.abs(line.day - (item.dueDay ?? item.issueDay ?? line.day)));
  const betterFittingTwin = (line: BankLine, item: LedgerItem) => {
    if (item.partyKey === null) return false;
    const siblings = twins.get(twinKey(item)) ?? [];
    return siblings.some((other) => other !== item && dayDistance(line, other) + TWIN_DATE_SLACK_DAYS < dayDistance(line, item));
  };
  const settledBy = new Map<string, string>();
  chosen.forEach((proposal) => proposal?.items.forEach((item) => settledBy.set(item.item.id, proposal.line.transactionId)));
  const matches: MatchProposal[] = [];
  const exceptions: ReconciliationException[] = [];
  lines.forEach((line, position) => {
    const proposal = chosen[position];
    if (proposal === null) {
      exceptions.push(unmatchedException(line, viable[position], settledBy));
      return;
    }
    const rowRival = viable[position].find((other) => !sameItems(other, proposal));
    const rowMargin = proposal.score - (rowRival?.score ?? 0);
    const columnRival = Math.max(0, ...proposal.items.map((item) => bestRivalScore(bestByItem.get(item.index) ?? [], position, viable, options.autoMargin)));
    const columnMargin = proposal.score - columnRival;
    // Scores carry three decimals: a margin equal to the bound counts as reached.
    const contested = rowMargin < options.autoMargin - MARGIN_ROUNDING || columnMargin < options.autoMargin - MARGIN_ROUNDING;
    const twinned = proposal.items.length === 1 && betterFittingTwin(line, proposal.items[0]);
    const decision = proposal.strong && proposal.score >= options.autoThreshold && !contested && !twinned ? 'auto' : 'suggest';
    const reasons = proposal.reasons();
    if (twinned) reasons.push('another open invoice of this vendor for the same amount fits the payment date better: a person decides which one is paid');
    if (rowMargin < options.autoMargin - MARGIN_ROUNDING && rowRival) reasons.push(`another proposal for this line scores ${Math.min(1, rowRival.score).toFixed(2)}`);
    if (columnMargin < options.autoMargin - MARGIN_ROUNDING) reasons.push(`another line scores ${Math.min(1, columnRival).toFixed(2)} for the same item`);
    matches.push({
      transactionId: line.transactionId,
      allocations: proposal.items.map((item, at) => ({ openItemId: item.item.id, amount: fromMinorUnits(proposal.allocations[at], item.currency) })),
      decision,
      score: Math.min(1, proposal.score),
      reasons,
    });
    exceptions.push(...matchExceptions(proposal, contested, rowRival));
  });
  for (const issue of input.issues ?? []) {
    if (issue.code !== 'STATEMENT_BALANCE_BREAK') continue;
    exceptions.push({ code: 'STATEMENT_BALANCE_BREAK', transactionId: null, openItemIds: [], message: issue.message });
  }
  return { matches, exceptions };
}

function proposalsFor(line: BankLine, index: ReturnType<typeof buildLedgerIndex>, options: ReconcileOptions, tolerances: Tolerances): Proposal[] {
  if (line.payMinor <= 0) return [];
  const candidates = gatherCandidates(line, index, tolerances);
  const proposals: Proposal[] = [];
  for (const [item, evidence] of candidates.found) {
    const proposal = scoreSingle(line, item, evidence, options, tolerances, options.suggestThreshold);
    if (proposal !== null) proposals.push(proposal);
  }
  // A line one item explains well is not searched for combinations.
  const settledBySingle = proposals.some((proposal) => proposal.strong && proposal.score >= options.autoThreshold && AMOUNT_EXPLAINED.has(proposal.fit.kind));
  if (!settledBySingle) {
    const scored = new Set(candidates.found.keys());
    addSubsetPool(line, index, candidates, options);
    // Items due around the date, in particular those in another currency: also candidates on their own.
    for (const [item, evidence] of candidates.found) {
      if (scored.has(item)) continue;
      const proposal = scoreSingle(line, item, evidence, options, tolerances, options.suggestThreshold);
      if (proposal !== null) proposals.push(proposal);
    }
    proposals.push(...splitPaymentProposals(line, candidates.found, options, tolerances));
  }
  return proposals
    .filter((proposal) => proposal.score >= options.suggestThreshold)
    .sort((a, b) => b.score - a.score || b.namedItems - a.namedItems || Number(b.strong) - Number(a.strong) || a.items.length - b.items.length)
    .slice(0, MAX_PROPOSALS_PER_LINE);
}

/** For each item, the three best (score, line) pairs among all lines' proposals. */
function topScoresByItem(viable: Proposal[][]): Map<number, { score: number; line: number }[]> {
  const top = new Map<number, { score: number; line: number }[]>();
  viable.forEach((proposals, line) => {
    for (const proposal of proposals) {
      for (const item of proposal.items) {
        const entries = top.get(item.index) ?? [];
        const mine = entries.find((entry) => entry.line === line);
        if (mine) mine.score = Math.max(mine.score, proposal.score);
        else entries.push({ score: proposal.score, line });
        entries.sort((a, b) => b.score - a.score);
        if (entries.length > 3) entries.length = 3;
        top.set(item.index, entries);
      }
    }
  });
  return top;
}

/**
 * The best score another line has for the item, counting only lines that want it: for which it is about as
 * good as their own best proposal (a line whose reference names another invoice is no rival).
 */
function bestRivalScore(entries: { score: number; line: number }[], line: number, viable: Proposal[][], margin: number): number {
  return entries.find((entry) => entry.line !== line && entry.score >= viable[entry.line][0].score - margin)?.score ?? 0;
}

function sameItems(a: Proposal, b: Proposal): boolean {
  return a.items.length === b.items.length && a.items.every((item) => b.items.includes(item));
}

const ids = (proposal: Proposal): string[] => proposal.items.map((item) => item.item.id);

function matchExceptions(proposal: Proposal, contested: boolean, rowRival: Proposal | undefined): ReconciliationException[] {
  const transactionId = proposal.line.transactionId;
  const found: ReconciliationException[] = [];
  if (contested) {
    const competing = [...new Set([...ids(proposal), ...(rowRival ? ids(rowRival) : [])])];
    found.push({ code: 'PAYMENT_AMBIGUOUS', transactionId, openItemIds: competing, message: 'more than one way to settle this payment scores alike; a person has to choose' });
  }
  const kind = proposal.fit.kind;
  if (kind === 'underpaid') found.push({ code: 'UNDERPAID', transactionId, openItemIds: ids(proposal), message: proposal.fit.reason() });
  if (kind === 'overpaid') found.push({ code: 'OVERPAID', transactionId, openItemIds: ids(proposal), message: proposal.fit.reason() });
  if (kind === 'fx' || kind === 'fx-unrated') found.push({ code: 'FX_DIFFERENCE', transactionId, openItemIds: ids(proposal), message: proposal.fit.reason() });
  return found;
}

function unmatchedException(line: BankLine, proposals: Proposal[], settledBy: Map<string, string>): ReconciliationException {
  const settledElsewhere = proposals.find((proposal) => proposal.strong);
  if (settledElsewhere !== undefined) {
    const itemIds = ids(settledElsewhere);
    const by = [...new Set(itemIds.map((id) => settledBy.get(id)).filter((id) => id !== undefined))];
    return {
      code: 'OVERPAID',
      transactionId: line.transactionId,
      openItemIds: itemIds,
      message: `possible duplicate payment: the items are already settled${by.length > 0 ? ` by ${by.join(', ')}` : ''}`,
    };
  }
  return {
    code: 'PAYMENT_UNMATCHED',
    transactionId: line.transactionId,
    openItemIds: [],
    message: line.payMinor <= 0 ? 'no open item is settled by a line in this direction' : 'no open item matches this payment well enough',
  };
}
