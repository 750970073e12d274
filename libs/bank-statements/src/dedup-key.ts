import { createHash } from 'node:crypto';
import type { StatementDraft, StatementTransaction, TransactionDraft } from './bank-statement';

/**
 * Stable identities for every line of a statement. With a bank-issued id (FITID, AcctSvcrRef, NtryRef, the
 * MT940 bank reference) the key is that id scoped by account; without one it is a SHA-256 of the line's content.
 * Either way an occurrence index counts identical lines within the statement, so re-importing a file or an
 * overlapping statement gives the same keys while legitimately identical lines (two 9.90 coffees on one day)
 * stay distinct.
 */
export function assignDedupKeys(statement: StatementDraft): StatementTransaction[] {
  const account = accountKey(statement);
  const seen = new Map<string, number>();
  return statement.transactions.map((transaction) => {
    const identity = transaction.bankReference ? ['bank', account, transaction.bankReference] : ['content', account, ...contentOf(transaction)];
    const base = JSON.stringify(identity);
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    const digest = createHash('sha256').update(`${base}#${occurrence}`).digest('hex');
    return { ...transaction, dedupKey: `${identity[0] === 'bank' ? 'b' : 'c'}-${digest}` };
  });
}

export function accountKey(statement: Pick<StatementDraft, 'account'>): string {
  const { iban, accountId, currency } = statement.account;
  return `${(iban ?? accountId ?? '').replace(/\s+/g, '').toUpperCase()}/${currency ?? ''}`;
}

/** Text compared as a person would: case, runs of spaces and line breaks do not make a line different. */
function normalisedText(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().toUpperCase();
}

function contentOf(transaction: TransactionDraft): string[] {
  return [
    transaction.bookingDate ?? '',
    transaction.valueDate ?? '',
    transaction.amount,
    transaction.currency,
    normalisedText(transaction.counterpartyName),
    normalisedText(transaction.reference),
    normalisedText(transaction.description),
  ];
}
