import type { BenchOutcome } from './baselines';

/** Ground truth per transaction id: the items it settles (none for unrelated lines) and the exceptions it must raise. */
export type Truth = Map<string, { itemIds: string[]; exceptions: string[] }>;

export interface Figures {
  autoCoverage: number;
  autoPrecision: number;
  /** Largest auto coverage reachable by raising the score cut-off until auto precision is at least 99.5 %. */
  coverageAt995: number;
  /** Correct among auto and suggested matches, of all payable lines. */
  anyCoverage: number;
  splitRecall: number;
  exceptionPrecision: number;
  exceptionRecall: number;
  ambiguous: number;
}

/** Exception codes that have ground truth; PAYMENT_AMBIGUOUS is a routing decision and is counted apart. */
const SCORED_CODES = new Set(['PAYMENT_UNMATCHED', 'UNDERPAID', 'OVERPAID', 'FX_DIFFERENCE', 'STATEMENT_BALANCE_BREAK']);

export function measure(outcome: BenchOutcome, truth: Truth, balanceBreaks: number): Figures {
  const matchable = [...truth.values()].filter((entry) => entry.itemIds.length > 0).length;
  const splits = [...truth.entries()].filter(([, entry]) => entry.itemIds.length > 1);
  const correct = (transactionId: string, itemIds: string[]): boolean => {
    const expected = truth.get(transactionId)?.itemIds ?? [];
    return expected.length > 0 && expected.length === itemIds.length && itemIds.every((id) => expected.includes(id));
  };
  const autos = outcome.matches.filter((match) => match.decision === 'auto').map((match) => ({ score: match.score, ok: correct(match.transactionId, match.openItemIds) }));
  const autoCorrect = autos.filter((auto) => auto.ok).length;
  autos.sort((a, b) => b.score - a.score);
  let best = 0;
  let taken = 0;
  let takenCorrect = 0;
  for (let index = 0; index < autos.length; ) {
    // Equal scores stand or fall together: a cut-off cannot split them.
    let end = index;
    while (end < autos.length && autos[end].score === autos[index].score) end += 1;
    for (let at = index; at < end; at += 1) {
      taken += 1;
      if (autos[at].ok) takenCorrect += 1;
    }
    if (takenCorrect / taken >= 0.995) best = Math.max(best, takenCorrect);
    index = end;
  }
  const byTransaction = new Map(outcome.matches.map((match) => [match.transactionId, match]));
  const anyCorrect = outcome.matches.filter((match) => correct(match.transactionId, match.openItemIds)).length;
  const splitFound = splits.filter(([id]) => {
    const match = byTransaction.get(id);
    return match !== undefined && correct(id, match.openItemIds);
  }).length;

  const expected = new Set<string>();
  for (const [id, entry] of truth) for (const code of entry.exceptions) expected.add(`${code}|${id}`);
  for (let count = 0; count < balanceBreaks; count += 1) expected.add(`STATEMENT_BALANCE_BREAK|#${count}`);
  const raised = new Set<string>();
  let breaks = 0;
  for (const exception of outcome.exceptions) {
    if (!SCORED_CODES.has(exception.code)) continue;
    raised.add(exception.transactionId === null ? `${exception.code}|#${breaks++}` : `${exception.code}|${exception.transactionId}`);
  }
  const hits = [...raised].filter((key) => expected.has(key)).length;
  return {
    autoCoverage: autoCorrect / matchable,
    autoPrecision: autos.length === 0 ? 1 : autoCorrect / autos.length,
    coverageAt995: best / matchable,
    anyCoverage: anyCorrect / matchable,
    splitRecall: splits.length === 0 ? 1 : splitFound / splits.length,
    exceptionPrecision: raised.size === 0 ? 1 : hits / raised.size,
    exceptionRecall: expected.size === 0 ? 1 : hits / expected.size,
    ambiguous: outcome.exceptions.filter((exception) => exception.code === 'PAYMENT_AMBIGUOUS').length,
  };
}
