import type { BankStatement } from '@conveyor/bank-statements';
import { EMPTY_LEARNING_STATE, learnFromConfirmation, learnFromRejection, reconcilePayments, type LearningState, type OpenItem, type ReconcileOptions } from '@conveyor/reconciliation';
import type { BenchOutcome } from './baselines';
import type { Truth } from './bench-metrics';

/**
 * Statement by statement, as in production: each month is matched against what is still open, then the
 * accountant works the result (the truth stands in for them): a correct match is confirmed, a wrong one
 * rejected and the right items confirmed instead, an unmatched payment assigned by hand; settled items leave
 * the open list. With `learn`, every confirmation and rejection feeds the learned rules used next month.
 */
export function replayMonthly(openItems: OpenItem[], statements: BankStatement[], truth: Truth, options: Partial<ReconcileOptions>, learn: boolean): { outcome: BenchOutcome; learned: LearningState } {
  const open = new Map(openItems.map((item) => [item.id, item]));
  let learned = EMPTY_LEARNING_STATE;
  const outcome: BenchOutcome = { matches: [], exceptions: [] };
  statements.forEach((statement, statementIndex) => {
    const result = reconcilePayments({ openItems: [...open.values()], statements: [statement], learned, options });
    const id = (transactionId: string): string => `${statementIndex}:${transactionId.split(':')[1]}`;
    for (const match of result.matches) {
      const transactionId = id(match.transactionId);
      const itemIds = match.allocations.map((allocation) => allocation.openItemId);
      outcome.matches.push({ transactionId, openItemIds: itemIds, decision: match.decision, score: match.score });
      const expected = truth.get(transactionId)?.itemIds ?? [];
      const transaction = statement.transactions[Number(match.transactionId.split(':')[1])];
      const right = expected.length === itemIds.length && itemIds.every((itemId) => expected.includes(itemId));
      if (learn && !right) learned = learnFromRejection(learned, { transaction, openItems: itemIds.map((itemId) => open.get(itemId)!).filter(Boolean) });
    }
    for (const exception of result.exceptions) outcome.exceptions.push({ code: exception.code, transactionId: exception.transactionId === null ? null : id(exception.transactionId) });
    statement.transactions.forEach((transaction, transactionIndex) => {
      const expected = truth.get(`${statementIndex}:${transactionIndex}`)?.itemIds ?? [];
      const items = expected.map((itemId) => open.get(itemId)).filter((item): item is OpenItem => item !== undefined);
      if (items.length === 0) return;
      if (learn) learned = learnFromConfirmation(learned, { transaction, openItems: items });
      for (const item of items) open.delete(item.id);
    });
  });
  return { outcome, learned };
}
