import { isValidIBAN } from 'ibantools';
import type { ParsedDraft, StatementDraft, StatementIssue, TransactionDraft } from '../bank-statement';
import { normaliseAmount } from '../amount-text';
import { isoDay } from '../calendar-date';
import { malformed } from '../statement-error';
import { readDetails86 } from './details-86';
import { splitMessages, type Mt940Field, type Mt940Message } from './mt940-fields';
import { readStatementLine } from './statement-line';

interface Balance {
  amount: string;
  day: string;
  currency: string;
}

/**
 * SWIFT MT940 (statement) and MT942 (interim report), several statements per file, with the dialects of
 * German (":86:" ?20-?63 sub-fields, SEPA EREF+/SVWZ+), Dutch, Polish and Hungarian banks. A statement line
 * that cannot be read is skipped and reported; a balance that cannot be read refuses the file.
 */
export function parseMt940(text: string): ParsedDraft {
  const messages = splitMessages(text);
  const issues: StatementIssue[] = [];
  const statements = messages.map((message, index) => readMessage(message, index, issues));
  const interim = messages.some((message) => message.some((field) => field.tag === '34F' || field.tag === '13D')) && !messages.some((message) => message.some((field) => field.tag.startsWith('60')));
  return { format: interim ? 'mt942' : 'mt940', statements, issues };
}

function readMessage(message: Mt940Message, statementIndex: number, issues: StatementIssue[]): StatementDraft {
  const first = (tags: string[]): Mt940Field | undefined => message.find((field) => tags.includes(field.tag));
  const opening = balanceOf(first(['60F', '60M']));
  const closing = balanceOf(first(['62F', '62M']));
  const accountField = first(['25'])?.value.trim() ?? null;
  const currency =
    opening?.currency ?? closing?.currency ?? balanceOf(first(['64']))?.currency ?? /^([A-Z]{3})/.exec(first(['34F', '90D', '90C'])?.value ?? '')?.[1] ?? /[A-Z]{3}$/.exec(accountField ?? '')?.[0] ?? null;
  const transactions: TransactionDraft[] = [];
  let accountSeen = false;
  let lastLine: TransactionDraft | null = null;
  for (const field of message) {
    if (field.tag === '25') {
      if (accountSeen) issues.push(unexpected(field, statementIndex, 'a second account identification inside the statement'));
      accountSeen = true;
      lastLine = null;
    } else if (field.tag === '61') {
      lastLine = readTransaction(field, currency ?? 'XXX', statementIndex, transactions.length, issues);
      if (lastLine) transactions.push(lastLine);
    } else if (field.tag === '86' && lastLine) {
      applyDetails(lastLine, field.value);
      lastLine = null;
    } else if (field.tag !== 'NS') {
      lastLine = null;
    }
  }
  const iban = accountField?.replace(/\s+/g, '') ?? null;
  const valueDays = transactions.map((transaction) => transaction.bookingDate ?? transaction.valueDate).filter((day): day is string => !!day).sort();
  const reportedAt = dayOf13D(first(['13D'])?.value);
  return {
    account: { iban: iban && isValidIBAN(iban) ? iban : null, currency, accountId: iban && isValidIBAN(iban) ? null : accountField },
    statementId: first(['28C', '28'])?.value.trim() || first(['20'])?.value.trim() || null,
    openingBalance: opening?.amount ?? null,
    closingBalance: closing?.amount ?? null,
    from: opening?.day ?? valueDays[0] ?? reportedAt,
    to: closing?.day ?? reportedAt ?? valueDays.at(-1) ?? null,
    transactions,
  };
}

function readTransaction(field: Mt940Field, currency: string, statementIndex: number, transactionIndex: number, issues: StatementIssue[]): TransactionDraft | null {
  const line = readStatementLine(field.value, currency);
  if (typeof line === 'string') {
    issues.push({ code: 'ENTRY_SKIPPED', severity: 'error', message: `line ${field.line}: ${line}; entry skipped`, statementIndex, details: { line: field.line, text: field.value } });
    return null;
  }
  if (line.correctedDate) {
    issues.push({
      code: 'ENTRY_DATE_CORRECTED',
      severity: 'warning',
      message: `line ${field.line}: value date ${line.correctedDate} does not exist; read as ${line.valueDate}, the last day of that month`,
      statementIndex,
      transactionIndex,
      details: { line: field.line, written: line.correctedDate, read: line.valueDate },
    });
  }
  return {
    bookingDate: line.entryDate ?? line.valueDate,
    valueDate: line.valueDate,
    amount: line.amount,
    currency,
    counterpartyName: null,
    counterpartyIban: null,
    reference: line.customerReference,
    endToEndId: null,
    bankReference: line.bankReference,
    description: line.supplementary,
    transactionCode: line.typeCode.trim() || null,
    reversal: line.reversal,
  };
}

/** Fills the line's party, references and text from the ":86:" that follows it. */
function applyDetails(transaction: TransactionDraft, raw: string): void {
  const details = readDetails86(raw);
  transaction.counterpartyName = details.counterpartyName;
  transaction.counterpartyIban = details.counterpartyIban;
  transaction.endToEndId = details.endToEndId;
  const customerReference = transaction.reference;
  transaction.reference = details.reference ?? customerReference;
  const keptCustomerReference = customerReference && customerReference !== transaction.reference ? `customer reference ${customerReference}` : null;
  transaction.description = [details.description, transaction.description, keptCustomerReference].filter(Boolean).join('\n') || null;
  if (details.transactionCode) transaction.transactionCode = `${transaction.transactionCode ?? ''}/${details.transactionCode}`.replace(/^\//, '');
}

const BALANCE = /^([CD])(\d{2})(\d{2})(\d{2})([A-Z]{3})(\d[\d,]*)$/;

function balanceOf(field: Mt940Field | undefined): Balance | null {
  if (!field) return null;
  const match = BALANCE.exec(field.value.trim());
  const day = match ? isoDay(2000 + Number(match[2]) - (Number(match[2]) >= 80 ? 100 : 0), Number(match[3]), Number(match[4])) : null;
  const amount = match ? normaliseAmount(match[6], match[5], match[1] === 'D') : null;
  if (!match || !day || amount === null) {
    throw malformed(`line ${field.line}: balance ":${field.tag}:${field.value}" is not C/D, date YYMMDD, currency and amount`, { line: field.line, tag: field.tag });
  }
  return { amount, day, currency: match[5] };
}

/** ":13D:1701191815+0100": the report's date, in its own offset. */
function dayOf13D(value: string | undefined): string | null {
  const match = /^(\d{2})(\d{2})(\d{2})/.exec(value?.trim() ?? '');
  return match ? isoDay(2000 + Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

function unexpected(field: Mt940Field, statementIndex: number, what: string): StatementIssue {
  return {
    code: 'MT940_UNEXPECTED_FIELD',
    severity: 'warning',
    message: `line ${field.line}: ":${field.tag}:" is ${what}; ignored (the preceding line has no ":86:" details)`,
    statementIndex,
    details: { line: field.line, text: field.value },
  };
}
