import Decimal from 'decimal.js';
import type { BankStatement, StatementDraft, StatementIssue } from '../bank-statement';
import { daysBetween } from '../calendar-date';
import { accountKey } from '../dedup-key';

type Comparable = Pick<BankStatement, 'account' | 'statementId' | 'openingBalance' | 'closingBalance' | 'from' | 'to'>;

/**
 * Does `next` continue `previous` (same account, in this file or across imports)? The closing balance must be
 * the next opening balance; days missing between them are reported too (as information when the balances
 * chain: weekends and holidays have no statement). Statements of different accounts are not compared.
 */
export function checkContinuity(previous: Comparable, next: Comparable, nextIndex?: number): StatementIssue[] {
  if (accountKey(previous) !== accountKey(next)) return [];
  const issues: StatementIssue[] = [];
  const where = nextIndex === undefined ? {} : { statementIndex: nextIndex };
  const names = `${previous.statementId ?? 'previous statement'} → ${next.statementId ?? 'next statement'}`;
  const balancesChain = previous.closingBalance === null || next.openingBalance === null || new Decimal(previous.closingBalance).equals(next.openingBalance);
  if (!balancesChain) {
    issues.push({
      code: 'STATEMENT_CONTINUITY_GAP',
      severity: 'warning',
      message: `${names}: closing balance ${previous.closingBalance} is not the next opening balance ${next.openingBalance}`,
      ...where,
      details: { previousClosingBalance: previous.closingBalance, nextOpeningBalance: next.openingBalance, previousTo: previous.to, nextFrom: next.from },
    });
  }
  if (previous.to && next.from) {
    const gap = daysBetween(previous.to, next.from);
    if (gap > 1) {
      issues.push({
        code: 'STATEMENT_CONTINUITY_GAP',
        severity: balancesChain ? 'info' : 'warning',
        message: `${names}: ${gap - 1} day(s) without a statement between ${previous.to} and ${next.from}`,
        ...where,
        details: { previousTo: previous.to, nextFrom: next.from, missingDays: gap - 1 },
      });
    } else if (gap < 0) {
      issues.push({
        code: 'STATEMENT_OVERLAP',
        severity: 'info',
        message: `${names}: statements overlap (${next.from} is before ${previous.to}); repeated lines get the same dedup keys`,
        ...where,
        details: { previousTo: previous.to, nextFrom: next.from },
      });
    }
  }
  return issues;
}

/** Consecutive statements of each account, in file order. */
export function checkContinuityInFile(statements: readonly StatementDraft[]): StatementIssue[] {
  const lastByAccount = new Map<string, StatementDraft>();
  return statements.flatMap((statement, index) => {
    const key = accountKey(statement);
    const previous = lastByAccount.get(key);
    lastByAccount.set(key, statement);
    return previous ? checkContinuity(previous, statement, index) : [];
  });
}
