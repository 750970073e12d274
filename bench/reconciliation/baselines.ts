import type { StatementTransaction } from '@conveyor/bank-statements';
import type { OpenItem } from '@conveyor/reconciliation';
import { dayNumber } from '../../libs/reconciliation/src/ledger-index';
import { toMinorUnits } from '../../libs/reconciliation/src/minor-units';

/** What a matcher decided, in the shape the metrics read. */
export interface BenchOutcome {
  matches: { transactionId: string; openItemIds: string[]; decision: 'auto' | 'suggest'; score: number }[];
  exceptions: { code: string; transactionId: string | null }[];
}

export interface BenchLine {
  transactionId: string;
  transaction: StatementTransaction;
}

interface PreparedItem {
  item: OpenItem;
  minor: number;
  due: number | null;
  reference: string | null;
  name: string;
}

const compact = (text: string | null | undefined): string => (text ?? '').toUpperCase().replace(/[\s\-/.]+/g, '');
const lowerName = (text: string | null | undefined): string => (text ?? '').toLowerCase().replace(/[^a-z0-9äöüß ]+/g, ' ').replace(/\s+/g, ' ').trim();

function prepare(openItems: OpenItem[]): PreparedItem[] {
  return openItems.map((item) => ({
    item,
    minor: toMinorUnits(item.amount, item.currency),
    due: dayNumber(item.dueDate) ?? dayNumber(item.issueDate),
    reference: item.invoiceNumber ? compact(item.invoiceNumber) : null,
    name: lowerName(item.vendorName),
  }));
}

const paidMinor = (transaction: StatementTransaction): number => -toMinorUnits(transaction.amount, transaction.currency);
const lineDay = (transaction: StatementTransaction): number | null => dayNumber(transaction.valueDate) ?? dayNumber(transaction.bookingDate);

/**
 * Baseline 1, the rule many bank-reconciliation screens start with: a debit settles the open item with exactly
 * its amount whose due date is within 7 days, taken greedily in date order (earliest due first). Its score,
 * for the precision sweep, is 1 / number of candidates (a unique amount is more believable).
 */
export function exactAmountBaseline(lines: BenchLine[], openItems: OpenItem[]): BenchOutcome {
  const byAmount = new Map<string, PreparedItem[]>();
  for (const item of prepare(openItems)) byAmount.set(`${item.item.currency}|${item.minor}`, [...(byAmount.get(`${item.item.currency}|${item.minor}`) ?? []), item]);
  for (const list of byAmount.values()) list.sort((a, b) => (a.due ?? 0) - (b.due ?? 0));
  const used = new Set<PreparedItem>();
  const outcome: BenchOutcome = { matches: [], exceptions: [] };
  const ordered = [...lines].sort((a, b) => (lineDay(a.transaction) ?? 0) - (lineDay(b.transaction) ?? 0));
  for (const { transactionId, transaction } of ordered) {
    const day = lineDay(transaction);
    const candidates = (byAmount.get(`${transaction.currency}|${paidMinor(transaction)}`) ?? []).filter(
      (item) => !used.has(item) && day !== null && item.due !== null && Math.abs(day - item.due) <= 7,
    );
    if (candidates.length === 0) {
      outcome.exceptions.push({ code: 'PAYMENT_UNMATCHED', transactionId });
      continue;
    }
    used.add(candidates[0]);
    outcome.matches.push({ transactionId, openItemIds: [candidates[0].item.id], decision: 'auto', score: 1 / candidates.length });
  }
  return outcome;
}

/**
 * Baseline 2, an additive score with thresholds: exact amount +40, invoice number in the text (upper case, no
 * spaces, '-', '/', '.') +40, same IBAN +20, same or contained name +20, within 30 days of due +10; out of 130.
 * Pairs are taken greedily by score; auto from 0.6, suggest from 0.35. A reference hit with another amount
 * reports UNDERPAID or OVERPAID.
 */
export function additiveScoreBaseline(lines: BenchLine[], openItems: OpenItem[]): BenchOutcome {
  const items = prepare(openItems);
  const byAmount = new Map<string, PreparedItem[]>();
  const byReference = new Map<string, PreparedItem[]>();
  const byIban = new Map<string, PreparedItem[]>();
  for (const item of items) {
    byAmount.set(`${item.item.currency}|${item.minor}`, [...(byAmount.get(`${item.item.currency}|${item.minor}`) ?? []), item]);
    if (item.reference) byReference.set(item.reference, [...(byReference.get(item.reference) ?? []), item]);
    const iban = compact(item.item.vendorIban);
    if (iban) byIban.set(iban, [...(byIban.get(iban) ?? []), item]);
  }
  const pairs: { transactionId: string; item: PreparedItem; score: number; amountEqual: boolean; paid: number }[] = [];
  for (const { transactionId, transaction } of lines) {
    const paid = paidMinor(transaction);
    if (paid <= 0) continue;
    const words = `${transaction.reference ?? ''} ${transaction.description ?? ''}`.split(/[\s,;]+/).filter(Boolean).map(compact);
    const referenced = new Set<PreparedItem>();
    words.forEach((word, index) => {
      for (const key of [word, word + (words[index + 1] ?? ''), word + (words[index + 1] ?? '') + (words[index + 2] ?? '')]) {
        for (const item of byReference.get(key) ?? []) referenced.add(item);
      }
    });
    const iban = compact(transaction.counterpartyIban);
    const sameIban = new Set(iban ? (byIban.get(iban) ?? []) : []);
    const candidates = new Set([...(byAmount.get(`${transaction.currency}|${paid}`) ?? []), ...referenced]);
    const name = lowerName(transaction.counterpartyName);
    const day = lineDay(transaction);
    for (const item of candidates) {
      const amountEqual = item.minor === paid && item.item.currency === transaction.currency;
      let points = (amountEqual ? 40 : 0) + (referenced.has(item) ? 40 : 0) + (sameIban.has(item) ? 20 : 0);
      if (name && item.name && (name === item.name || name.includes(item.name) || item.name.includes(name))) points += 20;
      if (day !== null && item.due !== null && Math.abs(day - item.due) <= 30) points += 10;
      pairs.push({ transactionId, item, score: points / 130, amountEqual, paid });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const usedItems = new Set<PreparedItem>();
  const decided = new Set<string>();
  const outcome: BenchOutcome = { matches: [], exceptions: [] };
  for (const pair of pairs) {
    if (pair.score < 0.35 || usedItems.has(pair.item) || decided.has(pair.transactionId)) continue;
    usedItems.add(pair.item);
    decided.add(pair.transactionId);
    outcome.matches.push({ transactionId: pair.transactionId, openItemIds: [pair.item.item.id], decision: pair.score >= 0.6 ? 'auto' : 'suggest', score: pair.score });
    if (!pair.amountEqual) outcome.exceptions.push({ code: pair.paid < pair.item.minor ? 'UNDERPAID' : 'OVERPAID', transactionId: pair.transactionId });
  }
  for (const { transactionId } of lines) if (!decided.has(transactionId)) outcome.exceptions.push({ code: 'PAYMENT_UNMATCHED', transactionId });
  return outcome;
}
