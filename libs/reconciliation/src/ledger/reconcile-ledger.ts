import type { AuditRecorder } from '@conveyor/audit';
import type { Clock } from '@conveyor/kernel';
import type { LearnedRule } from '../learned-rules';
import { fromMinorUnits, toMinorUnits } from '../minor-units';
import type { ReconcileOptions } from '../reconcile-options';
import { reconcilePayments } from '../reconcile-payments';
import type { OpenItem } from '../reconciliation-types';
import { BLOCKING_EXCEPTION_CODES, type LedgerException, type LedgerMatch, type LedgerOpenItem, type NewLedgerException, type Settlement } from './ledger.model';
import type { LedgerRepository } from './ledger-ports';

export interface ReconcileRunDependencies {
  repository: LedgerRepository;
  audit: AuditRecorder;
  clock: Clock;
  newId: () => string;
}

export interface ReconcileRunSummary {
  /** Lines looked at (every unmatched one) and open items they were matched against. */
  lines: number;
  openItems: number;
  autoMatched: number;
  suggested: number;
  unmatched: number;
  /** This run's findings by code (one still open from an earlier run is stored once, but counted here again). */
  exceptionsByCode: Record<string, number>;
  /** Every open blocking finding in the ledger (ambiguous payments, balance breaks), not only this run's. */
  blocking: boolean;
  blockingCount: number;
  blockingExceptions: Pick<LedgerException, 'id' | 'code' | 'transactionId' | 'statementId' | 'openItemIds' | 'message'>[];
  timings: { loadMs: number; matchMs: number; storeMs: number };
}

export function toMatchingItem(item: LedgerOpenItem): OpenItem {
  return {
    id: item.id, vendorName: item.vendorName, vendorIban: item.vendorIban, invoiceNumber: item.invoiceNumber, currency: item.currency,
    amount: fromMinorUnits(item.amountMinor, item.currency), issueDate: item.issueDate, dueDate: item.dueDate, paymentReferences: item.paymentReferences,
  };
}

/** Auto matches named in the run's audit record (a nightly run over 100,000 lines would make it megabytes). */
const AUDITED_MATCHES = 1000;

const sameSet = (a: string[], b: string[]): boolean => a.length === b.length && a.every((id) => b.includes(id));

/**
 * One reconciliation run over the ledger: every unmatched line against every open item, with the learned rules.
 * Auto matches settle their items at once; suggestions wait for a person; findings become exceptions (recorded
 * once while open). Lines decided meanwhile by a person are left alone (they are re-checked under lock), so a
 * repeated or concurrent run changes nothing twice.
 */
export async function reconcileLedger(deps: ReconcileRunDependencies, run: { actor: string; runKey: string | null; options?: Partial<ReconcileOptions> }): Promise<ReconcileRunSummary> {
  const started = performance.now();
  const lines = await deps.repository.unmatchedTransactions();
  const items = await deps.repository.openItemsForMatching();
  const rules: LearnedRule[] = await deps.repository.learnedRules();
  const rejected = await deps.repository.rejectedItemSets(lines.map((line) => line.id));
  const loaded = performance.now();

  const result = reconcilePayments({ openItems: items.map(toMatchingItem), statements: [{ transactions: lines }], learned: { rules }, options: run.options });
  const matched = performance.now();

  const at = deps.clock.now();
  const itemById = new Map(items.map((item) => [item.id, item]));
  const lineOf = (transactionId: string | null) => (transactionId === null ? undefined : lines[Number(transactionId.slice(transactionId.indexOf(':') + 1))]);
  const matches: LedgerMatch[] = [];
  const exceptions: NewLedgerException[] = [];
  const decided = new Set<string>();
  for (const proposal of result.matches) {
    const line = lineOf(proposal.transactionId);
    if (!line) continue;
    const itemIds = proposal.allocations.map((allocation) => allocation.openItemId);
    if ((rejected.get(line.id) ?? []).some((set) => sameSet(set, itemIds))) continue; // a person said no to exactly this
    const allocations = proposal.allocations.map((allocation) => {
      const item = itemById.get(allocation.openItemId) as LedgerOpenItem;
      return { openItemId: item.id, amountMinor: Math.min(toMinorUnits(allocation.amount, item.currency), item.amountMinor) };
    }).filter((allocation) => allocation.amountMinor > 0);
    if (allocations.length === 0) continue;
    decided.add(line.id);
    matches.push({
      id: deps.newId(), transactionId: line.id, decision: proposal.decision === 'auto' ? 'auto' : 'suggested', source: 'engine', score: Math.round(proposal.score * 10_000) / 10_000,
      reasons: proposal.reasons, allocations, runKey: run.runKey, createdAt: at, decidedBy: proposal.decision === 'auto' ? run.actor : null,
      decidedAt: proposal.decision === 'auto' ? at : null, note: null,
    });
  }
  for (const finding of result.exceptions) {
    const line = lineOf(finding.transactionId);
    if (!line) continue;
    const code = finding.code;
    exceptions.push({
      id: deps.newId(), code, subjectKey: `transaction:${line.id}`, transactionId: line.id, statementId: line.statementId, openItemIds: finding.openItemIds,
      message: finding.message, evidence: { amount: line.amount, currency: line.currency, bookingDate: line.bookingDate, counterpartyName: line.counterpartyName, reference: line.reference },
      blocking: BLOCKING_EXCEPTION_CODES.includes(code), createdAt: at,
    });
  }
  const withFinding = new Set(exceptions.map((finding) => finding.transactionId));
  for (const line of lines) {
    if (!decided.has(line.id) && !withFinding.has(line.id) && rejected.has(line.id)) {
      exceptions.push({
        id: deps.newId(), code: 'PAYMENT_UNMATCHED', subjectKey: `transaction:${line.id}`, transactionId: line.id, statementId: line.statementId, openItemIds: [],
        message: 'the only proposal for this payment was rejected; link it by hand', evidence: { amount: line.amount, currency: line.currency }, blocking: false, createdAt: at,
      });
    }
  }

  const counts = await deps.repository.transaction(async (tx) => {
    await tx.lockLedger();
    const stillUnmatched = await tx.lockTransactionsInState(lines.map((line) => line.id), 'unmatched');
    const current = new Map((await tx.lockOpenItems([...new Set(matches.flatMap((match) => match.allocations.map((allocation) => allocation.openItemId)))]))
      .map((item) => [item.id, item.amountMinor]));
    const kept: LedgerMatch[] = [];
    const settlements: Settlement[] = [];
    for (const match of matches) {
      if (!stillUnmatched.has(match.transactionId)) continue;
      if (match.decision === 'auto') {
        // A person may have settled an item since the lines were loaded: an auto match never settles more than is open.
        const fits = match.allocations.every((allocation) => (current.get(allocation.openItemId) ?? 0) >= allocation.amountMinor);
        if (!fits) match.decision = 'suggested';
        else for (const allocation of match.allocations) current.set(allocation.openItemId, (current.get(allocation.openItemId) ?? 0) - allocation.amountMinor);
      }
      if (match.decision === 'auto') {
        settlements.push(...match.allocations.map((allocation) => ({ id: deps.newId(), openItemId: allocation.openItemId, matchId: match.id, transactionId: match.transactionId, amountMinor: allocation.amountMinor })));
      } else {
        match.decidedBy = null;
        match.decidedAt = null;
      }
      kept.push(match);
    }
    await tx.insertMatches(kept);
    await tx.settle(settlements, at);
    await tx.setTransactionStates(kept.map((match) => ({ id: match.transactionId, state: match.decision === 'auto' ? 'matched' : 'suggested' })));
    const findings = exceptions.filter((finding) => finding.transactionId === null || stillUnmatched.has(finding.transactionId));
    const recorded = await tx.insertExceptions(findings);
    const autoMatched = kept.filter((match) => match.decision === 'auto');
    await deps.audit.record({
      actor: run.actor, action: 'reconciliation.ran', entityType: 'reconciliation-run', entityId: run.runKey ?? deps.newId(), at,
      after: { autoMatched: autoMatched.length, suggested: kept.length - autoMatched.length, exceptionsRecorded: recorded },
      // Every auto match is a row of reconciliation_matches with this run key; the trail lists the first ones.
      details: {
        lines: lines.length, openItems: items.length, runKey: run.runKey, autoMatchesListed: Math.min(autoMatched.length, AUDITED_MATCHES),
        autoMatches: autoMatched.slice(0, AUDITED_MATCHES).map((match) => ({ match: match.id, transaction: match.transactionId, items: match.allocations.map((a) => a.openItemId) })),
      },
    }, tx.handle);
    return { autoMatched: autoMatched.length, suggested: kept.length - autoMatched.length, findings };
  });
  const stored = performance.now();

  const exceptionsByCode: Record<string, number> = {};
  for (const finding of counts.findings) exceptionsByCode[finding.code] = (exceptionsByCode[finding.code] ?? 0) + 1;
  const blocking = await deps.repository.openBlockingExceptions(50);
  return {
    lines: lines.length, openItems: items.length, autoMatched: counts.autoMatched, suggested: counts.suggested,
    unmatched: lines.length - counts.autoMatched - counts.suggested, exceptionsByCode,
    blocking: blocking.total > 0, blockingCount: blocking.total,
    blockingExceptions: blocking.items.map(({ id, code, transactionId, statementId, openItemIds, message }) => ({ id, code, transactionId, statementId, openItemIds, message })),
    timings: { loadMs: Math.round(loaded - started), matchMs: Math.round(matched - loaded), storeMs: Math.round(stored - matched) },
  };
}
