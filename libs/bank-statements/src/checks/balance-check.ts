import Decimal from 'decimal.js';
import type { StatementDraft, StatementIssue } from '../bank-statement';
import { formatComputed, sumAmounts } from '../amount-text';

/** Statuses that move the booked balance; pending and information-only entries do not. */
function isBooked(status: string | null | undefined): boolean {
  return status === null || status === undefined || status === 'BOOK';
}

/** Opening balance plus the booked entries must equal the closing balance, to the last digit. */
export function checkBalance(statement: StatementDraft, statementIndex: number): StatementIssue[] {
  if (statement.openingBalance === null || statement.closingBalance === null) return [];
  const entries = sumAmounts(statement.transactions.filter((transaction) => isBooked(transaction.status)).map((transaction) => transaction.amount));
  const expected = new Decimal(statement.openingBalance).plus(entries);
  if (expected.equals(statement.closingBalance)) return [];
  const currency = statement.account.currency;
  const details = {
    openingBalance: statement.openingBalance,
    entriesTotal: formatComputed(entries, currency),
    expectedClosingBalance: formatComputed(expected, currency),
    closingBalance: statement.closingBalance,
    difference: formatComputed(new Decimal(statement.closingBalance).minus(expected), currency),
  };
  return [
    {
      code: 'STATEMENT_BALANCE_BREAK',
      severity: 'error',
      message: `statement ${statement.statementId ?? statementIndex + 1} does not balance: opening ${details.openingBalance} + entries ${details.entriesTotal} = ${details.expectedClosingBalance}, but closing is ${details.closingBalance} (difference ${details.difference})`,
      statementIndex,
      details,
    },
  ];
}
