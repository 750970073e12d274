import { munkres } from 'munkres';
import { amountsMatch, normalizeAmount, normalizeName, normalizePredictedAmount, similarity } from './normalizers';

export interface ComparableLine {
  name: string | null;
  quantity: string | number | null;
  amount: string | number | null;
}

export interface LineAlignment {
  truths: number;
  predicted: number;
  correct: number;
  /** [truth index, predicted index] of each assigned pair. */
  pairs: [number, number][];
}

const quantitiesMatch = (predicted: ComparableLine['quantity'], truth: ComparableLine['quantity']): boolean => {
  if (truth === null) return true;
  if (predicted === null) return false;
  const [a, b] = [normalizePredictedAmount(predicted), normalizeAmount(truth)];
  return a !== undefined && b !== undefined && a.minus(b).abs().lessThan('0.0005');
};

const nameSimilarity = (predicted: ComparableLine, truth: ComparableLine): number => similarity(normalizeName(predicted.name ?? ''), normalizeName(truth.name ?? ''));

/** Correct: net amount and quantity match and the names are at least 0.8 similar. */
export function lineIsCorrect(predicted: ComparableLine, truth: ComparableLine): boolean {
  return truth.amount !== null && predicted.amount !== null && amountsMatch(predicted.amount, truth.amount) && quantitiesMatch(predicted.quantity, truth.quantity) && nameSimilarity(predicted, truth) >= 0.8;
}

/**
 * Optimal one-to-one assignment (Hungarian / Munkres) of predicted to true lines on a cost of amount
 * mismatch + quantity mismatch + (1 − name similarity); then each pair is judged by `lineIsCorrect`.
 */
export function alignLines(predicted: readonly ComparableLine[], truths: readonly ComparableLine[]): LineAlignment {
  if (predicted.length === 0 || truths.length === 0) return { truths: truths.length, predicted: predicted.length, correct: 0, pairs: [] };
  const cost = truths.map((truth) =>
    predicted.map((line) => {
      const amountCost = truth.amount !== null && line.amount !== null && amountsMatch(line.amount, truth.amount) ? 0 : 1;
      const quantityCost = quantitiesMatch(line.quantity, truth.quantity) ? 0 : 1;
      return amountCost + quantityCost + (1 - nameSimilarity(line, truth));
    }),
  );
  const pairs = munkres(cost) as [number, number][];
  const correct = pairs.filter(([truthIndex, predictedIndex]) => lineIsCorrect(predicted[predictedIndex], truths[truthIndex])).length;
  return { truths: truths.length, predicted: predicted.length, correct, pairs };
}
