import type { ParsedDraft, StatementDraft, StatementFormat, StatementIssue, TransactionDraft } from '../bank-statement';
import { normaliseAmount } from '../amount-text';
import { dayOfIsoDateTime } from '../calendar-date';
import { malformed } from '../statement-error';
import { accountOf, balanceTypeOf, dateOf, partyName, realReference, remittanceOf, statusOf, transactionCodeOf } from './camt-parts';
import { nodeAt, nodesAt, parseSafeXml, textAt, type XmlNode } from './safe-xml';

/** camt message element → format and the element holding each statement, report or notification. */
const MESSAGES: Record<string, { format: StatementFormat; record: string }> = {
  BkToCstmrAcctRpt: { format: 'camt.052', record: 'Rpt' },
  BkToCstmrStmt: { format: 'camt.053', record: 'Stmt' },
  BkToCstmrDbtCdtNtfctn: { format: 'camt.054', record: 'Ntfctn' },
};

/**
 * ISO 20022 camt.052/053/054, any version (.001.01 to .001.13): elements are read by local name, so the
 * namespace may vary; what changed between versions (Sts/Cd, Pty wrappers, Dt vs DtTm) is read both ways.
 * One transaction per entry (Ntry): that is what the balance adds up; batch details are summarised on it.
 */
export function parseCamt(xml: string): ParsedDraft {
  const { root, namespace } = parseSafeXml(xml);
  if (root.name !== 'Document') throw malformed(`camt root element must be Document, found ${root.name}`);
  if (namespace && !/camt\.05[234]\.001\.\d{2}/.test(namespace)) throw malformed(`unsupported camt namespace ${namespace}`);
  // .001.01 names the message with its version (BkToCstmrStmtV01); later versions do not.
  const message = root.children.find((node) => node.name.replace(/V\d{2}$/, '') in MESSAGES);
  if (!message) throw malformed('no camt.052/053/054 message (BkToCstmrAcctRpt, BkToCstmrStmt, BkToCstmrDbtCdtNtfctn) in Document');
  const { format, record } = MESSAGES[message.name.replace(/V\d{2}$/, '')];
  const records = nodesAt(message, record);
  if (records.length === 0) throw malformed(`${format} message has no ${record} element: nothing to import`, { element: `${message.name}/${record}` });
  const issues: StatementIssue[] = [];
  const statements = records.map((node, statementIndex) => readRecord(node, format, statementIndex, issues));
  return { format, statements, issues };
}

function readRecord(record: XmlNode, format: StatementFormat, statementIndex: number, issues: StatementIssue[]): StatementDraft {
  const account = accountOf(nodeAt(record, 'Acct'));
  const balances = nodesAt(record, 'Bal').map((balance) => ({
    type: balanceTypeOf(balance),
    amount: signed(textAt(balance, 'Amt'), textAt(balance, 'CdtDbtInd'), nodeAt(balance, 'Amt')?.attributes.Ccy ?? null),
    currency: nodeAt(balance, 'Amt')?.attributes.Ccy ?? null,
    day: dateOf(nodeAt(balance, 'Dt')).day,
  }));
  const opening = balances.find((balance) => balance.type === 'OPBD') ?? balances.find((balance) => balance.type === 'PRCD');
  const closing =
    balances.find((balance) => balance.type === 'CLBD') ?? (format === 'camt.052' ? balances.filter((balance) => balance.type === 'ITBD').at(-1) : undefined);
  const currency = textAt(record, 'Acct', 'Ccy') ?? opening?.currency ?? closing?.currency ?? nodeAt(record, 'Ntry', 'Amt')?.attributes.Ccy ?? null;
  const transactions: TransactionDraft[] = [];
  nodesAt(record, 'Ntry').forEach((entry, entryIndex) => {
    const read = readEntry(entry, currency);
    if (typeof read === 'string') {
      issues.push({ code: 'ENTRY_SKIPPED', severity: 'error', message: `entry ${entryIndex + 1} skipped: ${read}`, statementIndex, details: { entry: entryIndex + 1 } });
    } else transactions.push(read);
  });
  const bookedDays = transactions.map((transaction) => transaction.bookingDate ?? transaction.valueDate).filter((day): day is string => day !== null).sort();
  return {
    account: { iban: account.iban, currency, accountId: account.otherId },
    statementId: textAt(record, 'Id'),
    openingBalance: opening?.amount ?? null,
    closingBalance: closing?.amount ?? null,
    from: dayOfIsoDateTime(textAt(record, 'FrToDt', 'FrDtTm')) ?? opening?.day ?? bookedDays[0] ?? null,
    to: dayOfIsoDateTime(textAt(record, 'FrToDt', 'ToDtTm')) ?? closing?.day ?? bookedDays.at(-1) ?? null,
    transactions,
  };
}

function signed(amount: string | null, creditDebit: string | null, currency: string | null): string | null {
  if (amount === null || (creditDebit !== 'CRDT' && creditDebit !== 'DBIT')) return null;
  return normaliseAmount(amount, currency, creditDebit === 'DBIT');
}

/** A transaction, or why the entry cannot be imported. */
function readEntry(entry: XmlNode, accountCurrency: string | null): TransactionDraft | string {
  const amountNode = nodeAt(entry, 'Amt');
  const currency = amountNode?.attributes.Ccy ?? accountCurrency;
  const creditDebit = textAt(entry, 'CdtDbtInd');
  const amount = signed(amountNode?.text ?? null, creditDebit, currency);
  if (amount === null) return `amount "${amountNode?.text ?? ''}" with credit/debit "${creditDebit ?? ''}" is not a signed decimal`;
  if (!currency) return 'no currency';
  const booking = dateOf(nodeAt(entry, 'BookgDt'));
  const value = dateOf(nodeAt(entry, 'ValDt'));
  if ((booking.given && !booking.day) || (value.given && !value.day)) return 'booking or value date is not a real date';
  const reversal = textAt(entry, 'RvslInd') === 'true';
  const details = nodesAt(entry, 'NtryDtls', 'TxDtls');
  const credit = (creditDebit === 'CRDT') !== reversal;
  const parties = details.map((detail) => counterpartyOf(detail, credit));
  const remittances = details.map(remittanceOf);
  const structured = unique(remittances.flatMap((remittance) => remittance.structured));
  const unstructured = unique(remittances.flatMap((remittance) => remittance.unstructured));
  const endToEndIds = unique(details.map((detail) => realReference(textAt(detail, 'Refs', 'EndToEndId'))));
  const uetrs = unique(details.map((detail) => textAt(detail, 'Refs', 'UETR')));
  const names = unique(parties.map((party) => party.name));
  const ibans = unique(parties.map((party) => party.iban));
  const batch = nodeAt(entry, 'NtryDtls', 'Btch');
  // Unstructured remittance is the reference when there is no structured one: not repeated in the description.
  const description = [
    ...(structured.length > 0 ? unstructured : []),
    textAt(entry, 'AddtlNtryInf'),
    ...details.map((detail) => textAt(detail, 'AddtlTxInf')),
    batch ? `batch ${textAt(batch, 'PmtInfId') ?? textAt(batch, 'MsgId') ?? ''} of ${textAt(batch, 'NbOfTxs') ?? details.length} transactions`.replace('  ', ' ') : null,
  ].filter((text): text is string => !!text);
  return {
    bookingDate: booking.day,
    valueDate: value.day,
    amount,
    currency,
    counterpartyName: names.length === 1 ? names[0] : names.length > 1 ? names.join('; ') : null,
    counterpartyIban: ibans.length === 1 ? ibans[0] : null,
    reference: structured.length > 0 ? structured.join(' ') : unstructured.length > 0 ? unstructured.join(' ') : null,
    endToEndId: endToEndIds.length === 1 ? endToEndIds[0] : endToEndIds.length > 1 ? endToEndIds.join(' ') : null,
    bankReference: realReference(textAt(entry, 'AcctSvcrRef')) ?? realReference(textAt(entry, 'NtryRef')) ?? single(details.map((detail) => realReference(textAt(detail, 'Refs', 'AcctSvcrRef')))),
    description: description.length > 0 ? unique(description).join(' ') : null,
    uetr: uetrs.length === 1 ? uetrs[0] : null,
    charges: chargesOf(entry, currency),
    status: statusOf(entry),
    transactionCode: transactionCodeOf(entry),
    reversal,
  };
}

/** The other side: who paid us on a credit, whom we paid on a debit. */
function counterpartyOf(detail: XmlNode, credit: boolean): { name: string | null; iban: string | null } {
  const side = credit ? 'Dbtr' : 'Cdtr';
  const name = partyName(nodeAt(detail, 'RltdPties', side)) ?? partyName(nodeAt(detail, 'RltdPties', `Ultmt${side}`));
  const account = accountOf(nodeAt(detail, 'RltdPties', `${side}Acct`));
  return { name, iban: account.iban };
}

/** Total charges: TtlChrgsAndTaxAmt (.001.03+) or the sum of the records; signed by their own indicator. */
function chargesOf(entry: XmlNode, currency: string): string | null {
  const total = nodeAt(entry, 'Chrgs', 'TtlChrgsAndTaxAmt');
  if (total) return normaliseAmount(total.text, currency, true);
  const record = nodeAt(entry, 'Chrgs', 'Rcrd') ?? nodeAt(entry, 'Chrgs');
  const amount = textAt(record, 'Amt');
  if (!amount) return null;
  return normaliseAmount(amount, currency, textAt(record, 'CdtDbtInd') !== 'CRDT');
}

function unique<T>(values: readonly (T | null)[]): T[] {
  return [...new Set(values.filter((value): value is T => value !== null))];
}

function single<T>(values: readonly (T | null)[]): T | null {
  const found = unique(values);
  return found.length === 1 ? found[0] : null;
}
