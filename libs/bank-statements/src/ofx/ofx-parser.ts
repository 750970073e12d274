import type { ParsedDraft, StatementDraft, StatementIssue, TransactionDraft } from '../bank-statement';
import { normaliseAmount } from '../amount-text';
import { isoDay } from '../calendar-date';
import { malformed } from '../statement-error';
import { descendants, find, findAll, parseOfxTree, valueAt, type OfxNode } from './ofx-tree';

/** Response wrappers and the statement inside each: bank, credit card, investment (its cash lines only). */
const STATEMENT_KINDS: Record<string, { statement: string; account: string; list: string }> = {
  STMTTRNRS: { statement: 'STMTRS', account: 'BANKACCTFROM', list: 'BANKTRANLIST' },
  CCSTMTTRNRS: { statement: 'CCSTMTRS', account: 'CCACCTFROM', list: 'BANKTRANLIST' },
  INVSTMTTRNRS: { statement: 'INVSTMTRS', account: 'INVACCTFROM', list: 'INVTRANLIST' },
};

/**
 * OFX 1.x (SGML), 2.x (XML) and QFX. Error responses (STATUS SEVERITY ERROR) are reported, never imported;
 * a transaction without a readable date or amount is skipped and reported; the rest of the file is kept.
 */
export function parseOfx(text: string): ParsedDraft {
  const ofx = parseOfxTree(text);
  const issues: StatementIssue[] = [];
  const signOnError = statusError(find(ofx, 'SIGNONMSGSRSV1', 'SONRS'));
  if (signOnError) issues.push({ code: 'ERROR_RESPONSE', severity: 'error', message: `sign-on refused: ${signOnError.text}`, details: signOnError.details });
  const statements: StatementDraft[] = [];
  for (const [wrapper, kind] of Object.entries(STATEMENT_KINDS)) {
    for (const response of descendants(ofx, wrapper)) {
      const error = statusError(response);
      if (error) issues.push({ code: 'ERROR_RESPONSE', severity: 'error', message: `${wrapper} error response: ${error.text}; nothing imported from it`, details: error.details });
      for (const statement of findAll(response, kind.statement)) statements.push(readStatement(statement, kind, statements.length, issues));
    }
  }
  if (statements.length === 0 && issues.length === 0) {
    if (!find(ofx, 'SIGNONMSGSRSV1')) throw malformed('OFX holds neither a sign-on response nor a statement');
    issues.push({ code: 'NO_STATEMENT', severity: 'info', message: 'OFX response holds no statement (sign-on only)' });
  }
  return { format: 'ofx', statements, issues };
}

function statusError(holder: OfxNode | undefined): { text: string; details: Record<string, unknown> } | null {
  const code = valueAt(holder, 'STATUS', 'CODE');
  const severity = valueAt(holder, 'STATUS', 'SEVERITY');
  if (code === null || (code === '0' && severity !== 'ERROR')) return null;
  if (severity !== 'ERROR' && severity !== null) return null;
  const message = valueAt(holder, 'STATUS', 'MESSAGE');
  return { text: `status ${code}${message ? ` "${message}"` : ''}`, details: { statusCode: code, severity, message } };
}

function readStatement(statement: OfxNode, kind: { account: string; list: string }, statementIndex: number, issues: StatementIssue[]): StatementDraft {
  const currency = valueAt(statement, 'CURDEF');
  if (!currency) issues.push({ code: 'CURRENCY_MISSING', severity: 'warning', message: 'statement has no CURDEF; amounts are kept with currency XXX (none given)', statementIndex });
  const list = find(statement, kind.list);
  const lines = [...findAll(list, 'STMTTRN'), ...findAll(list, 'INVBANKTRAN', 'STMTTRN')];
  const transactions: TransactionDraft[] = [];
  const seenIds = new Set<string>();
  lines.forEach((line, lineIndex) => {
    const read = readTransaction(line, currency ?? 'XXX');
    if (typeof read === 'string') {
      issues.push({
        code: 'ENTRY_SKIPPED',
        severity: 'error',
        message: `transaction ${lineIndex + 1} (FITID ${valueAt(line, 'FITID') ?? 'none'}) skipped: ${read}`,
        statementIndex,
        details: { transaction: lineIndex + 1, fitId: valueAt(line, 'FITID') },
      });
      return;
    }
    if (read.bankReference && seenIds.has(read.bankReference)) {
      issues.push({ code: 'DUPLICATE_BANK_ID', severity: 'warning', message: `FITID ${read.bankReference} appears more than once; both lines kept`, statementIndex, transactionIndex: transactions.length });
    }
    if (read.bankReference) seenIds.add(read.bankReference);
    transactions.push(read);
  });
  const others = (list?.children ?? []).filter((child) => child.name !== 'STMTTRN' && child.name !== 'INVBANKTRAN' && !child.name.startsWith('DT')).length;
  if (others > 0) issues.push({ code: 'ENTRIES_NOT_IMPORTED', severity: 'info', message: `${others} investment transaction(s) (buys, sells, transfers) are not cash lines and were not imported`, statementIndex });
  const account = find(statement, kind.account);
  const accountId = [valueAt(account, 'BANKID'), valueAt(account, 'BRANCHID'), valueAt(account, 'ACCTID')].filter(Boolean).join(' ') || null;
  const ledger = find(statement, 'LEDGERBAL');
  return {
    account: { iban: null, currency, accountId },
    statementId: null,
    openingBalance: null,
    closingBalance: ledger ? normaliseAmount(valueAt(ledger, 'BALAMT') ?? '', currency) : null,
    from: ofxDay(valueAt(list, 'DTSTART')),
    to: ofxDay(valueAt(list, 'DTEND')) ?? ofxDay(valueAt(ledger, 'DTASOF')),
    transactions,
  };
}

function readTransaction(line: OfxNode, statementCurrency: string): TransactionDraft | string {
  const posted = valueAt(line, 'DTPOSTED');
  if (!posted) return 'no DTPOSTED date';
  const bookingDate = ofxDay(posted);
  if (!bookingDate) return `DTPOSTED "${posted}" is not a date`;
  const currency = valueAt(line, 'CURRENCY', 'CURSYM') ?? valueAt(line, 'ORIGCURRENCY', 'CURSYM') ?? statementCurrency;
  const amountText = valueAt(line, 'TRNAMT');
  const amount = amountText === null ? null : normaliseAmount(amountText, currency);
  if (amount === null) return `TRNAMT "${amountText ?? ''}" is not a decimal`;
  const name = valueAt(line, 'NAME') ?? valueAt(line, 'PAYEE', 'NAME');
  const memo = valueAt(line, 'MEMO');
  return {
    bookingDate,
    valueDate: ofxDay(valueAt(line, 'DTAVAIL')) ?? bookingDate,
    amount,
    currency,
    counterpartyName: name?.trim() || null,
    counterpartyIban: null,
    reference: valueAt(line, 'REFNUM') ?? valueAt(line, 'CHECKNUM'),
    endToEndId: null,
    bankReference: valueAt(line, 'FITID'),
    description: memo ?? name?.trim() ?? null,
    transactionCode: valueAt(line, 'TRNTYPE'),
  };
}

/** "20090401122017.000[-5:EST]": the calendar day as written, which is the day in the stated offset. */
function ofxDay(value: string | null): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})/.exec(value ?? '');
  return match ? isoDay(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}
