import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import Decimal from 'decimal.js';
import { DateTime } from 'luxon';
import type { ParsedStatementFile, StatementTransaction } from '../bank-statement';
import { ConformanceScore, sameAmount, sameReference, tokenOverlap } from './conformance-score';
import { BANK_CORPUS, filesUnder, parseCorpusFile, readJson } from './corpus-files.fixture';

interface GenkgoCore {
  records: { id: string; account: string; balances: { type: string; amount: string }[] }[];
  entries: {
    record_id: string;
    booking_date: string | null;
    value_date: string | null;
    signed_amount: string;
    currency: string;
    credit_debit: string;
    entry_reference: string | null;
    account_servicer_reference: string | null;
    details: { end_to_end_id: string | null; remittance_message: string | null; creditor_reference: string | null; parties: { role: string; name: string | null; account: string | null }[] }[];
  }[];
}

/** Upstream dates are UTC instants; ours are days in the statement's offset: the instant must fall in our day at some offset (UTC-14..+14). */
function instantInDay(instant: string | null, day: string | null): boolean {
  if (instant === null || day === null) return instant === day;
  const moment = DateTime.fromISO(instant, { setZone: true });
  const start = DateTime.fromISO(`${day}T00:00:00`, { zone: 'utc' });
  return moment >= start.minus({ hours: 14 }) && moment < start.plus({ hours: 38 });
}

function balances(statement: { openingBalance: string | null; closingBalance: string | null; transactions: { amount: string; status?: string | null }[] }): boolean | null {
  if (statement.openingBalance === null || statement.closingBalance === null) return null;
  const sum = statement.transactions.filter((transaction) => !transaction.status || transaction.status === 'BOOK').reduce((total, transaction) => total.plus(transaction.amount), new Decimal(0));
  return new Decimal(statement.openingBalance).plus(sum).equals(statement.closingBalance);
}

function flagged(parsed: ParsedStatementFile, statementIndex: number): boolean {
  return parsed.issues.some((issue) => issue.code === 'STATEMENT_BALANCE_BREAK' && issue.statementIndex === statementIndex);
}

export function scoreCamtGenkgo(): ConformanceScore {
  const score = new ConformanceScore();
  for (const xml of filesUnder(join(BANK_CORPUS, 'camt-genkgo/files'), '.xml')) {
    const corePath = xml.replace(/\.xml$/, '.core.json');
    const parsed = parseCorpusFile(xml, score);
    const name = basename(xml);
    if (!existsSync(corePath)) {
      score.compare('negative rejected', parsed !== null && 'refused' in parsed, name);
      continue;
    }
    if (parsed === null || 'refused' in parsed) {
      score.compare('parsed', false, `${name}: ${parsed ? parsed.refused : 'crash'}`);
      continue;
    }
    const core = readJson<GenkgoCore>(corePath);
    const ours = parsed.statements.flatMap((statement) => statement.transactions);
    score.compare('entry count', ours.length === core.entries.length, name);
    core.entries.forEach((entry, index) => {
      const mine = ours[index] as StatementTransaction | undefined;
      const where = `${name}#${index}`;
      score.compare('amount', sameAmount(entry.signed_amount, mine?.amount), where);
      score.compare('sign', (entry.credit_debit === 'CRDT') === !mine?.amount.startsWith('-'), where);
      score.compare('currency', entry.currency === mine?.currency, where);
      score.compare('value date', instantInDay(entry.value_date, mine?.valueDate ?? null), where);
      score.compare('booking date', instantInDay(entry.booking_date, mine?.bookingDate ?? null), where);
      const bankId = entry.account_servicer_reference ?? entry.entry_reference;
      if (bankId) score.compare('bank reference', sameReference(bankId, mine?.bankReference), where);
      const detail = entry.details.length === 1 ? entry.details[0] : undefined;
      if (detail) {
        score.compare('end-to-end id', sameReference(detail.end_to_end_id === 'NOTPROVIDED' ? null : detail.end_to_end_id, mine?.endToEndId), where);
        if (detail.creditor_reference) score.compare('reference', sameReference(detail.creditor_reference, mine?.reference), where);
        if (detail.remittance_message) score.compare('remittance text', tokenOverlap(detail.remittance_message, `${mine?.reference ?? ''} ${mine?.description ?? ''}`) >= 0.99, where);
        const other = detail.parties.find((party) => party.role === (entry.credit_debit === 'CRDT' ? 'Debtor' : 'Creditor'));
        if (other?.name) score.compare('counterparty', other.name === mine?.counterpartyName, where);
      }
    });
    core.records.forEach((record, index) => {
      const statement = parsed.statements[index];
      score.compare('account', record.account === (statement?.account.iban ?? statement?.account.accountId), `${name} record ${index}`);
      score.compare('statement id', record.id === statement?.statementId, `${name} record ${index}`);
      const opening = record.balances.find((balance) => balance.type === 'opening');
      const closing = record.balances.find((balance) => balance.type === 'closing');
      if (opening) score.compare('opening balance', sameAmount(opening.amount, statement?.openingBalance), name);
      if (closing) score.compare('closing balance', sameAmount(closing.amount, statement?.closingBalance), name);
      const balanced = opening && closing && statement ? balances({ openingBalance: opening.amount, closingBalance: closing.amount, transactions: statement.transactions }) : null;
      if (balanced !== null) score.compare('balance break flagged exactly', flagged(parsed, index) === !balanced, name);
    });
  }
  return score;
}

interface ViafintechInventory {
  records: {
    id: string;
    account_iban: string | null;
    account_other_id: string | null;
    balances: { type: string; amount: string; credit_debit: string }[];
    entries: {
      signed_amount: string;
      currency: string;
      credit_debit: string;
      status: string | null;
      booking_date: string | null;
      value_date: string | null;
      entry_ref: string | null;
      account_servicer_ref: string | null;
      additional_info: string | null;
      transactions: { end_to_end_id: string | null; remittance_unstructured: string[]; remittance_ref: string[]; debtor: { name: string | null; iban: string | null } | null; creditor: { name: string | null; iban: string | null } | null }[];
    }[];
  }[];
}

/** The fixtures whose balances the corpus README says do not add up. */
export const VIAFINTECH_BALANCE_BREAKS = ['053/valid_example_with_batch', '053/valid_example_with_debit'];

export function scoreCamtViafintech(): ConformanceScore {
  const score = new ConformanceScore();
  const root = join(BANK_CORPUS, 'camt-viafintech/files');
  for (const xml of filesUnder(root, '.xml')) {
    const name = xml.slice(root.length + 1).replace(/\.xml$/, '');
    const parsed = parseCorpusFile(xml, score);
    if (parsed === null || 'refused' in parsed) {
      score.compare('parsed', false, `${name}: ${parsed ? parsed.refused : 'crash'}`);
      continue;
    }
    const inventory = readJson<ViafintechInventory>(xml.replace(/\.xml$/, '.inventory.json'));
    inventory.records.forEach((record, recordIndex) => {
      const statement = parsed.statements[recordIndex];
      score.compare('statement id', record.id === statement?.statementId, name);
      score.compare('account', (record.account_iban ?? record.account_other_id) === (statement?.account.iban ?? statement?.account.accountId), name);
      score.compare('entry count', record.entries.length === statement?.transactions.length, name);
      record.entries.forEach((entry, index) => {
        const mine = statement?.transactions[index];
        const where = `${name}#${index}`;
        score.compare('amount', sameAmount(entry.signed_amount, mine?.amount), where);
        score.compare('sign', (entry.credit_debit === 'CRDT') === !mine?.amount.startsWith('-'), where);
        score.compare('currency', entry.currency === mine?.currency, where);
        score.compare('value date', (entry.value_date?.slice(0, 10) ?? null) === (mine?.valueDate ?? null), where);
        score.compare('booking date', (entry.booking_date?.slice(0, 10) ?? null) === (mine?.bookingDate ?? null), where);
        // The inventory lists entry-level ids only; a TxDtls/Refs/AcctSvcrRef we use instead is not in it.
        const bankId = entry.account_servicer_ref ?? entry.entry_ref;
        if (bankId) score.compare('bank reference', sameReference(bankId, mine?.bankReference), where);
        if (entry.transactions.length === 1) {
          const detail = entry.transactions[0];
          score.compare('end-to-end id', sameReference(detail.end_to_end_id === 'NOTPROVIDED' ? null : detail.end_to_end_id, mine?.endToEndId), where);
          const text = [...detail.remittance_ref, ...detail.remittance_unstructured].join(' ');
          if (text) score.compare('remittance text', tokenOverlap(text, `${mine?.reference ?? ''} ${mine?.description ?? ''}`) >= 0.99, where);
          const other = entry.credit_debit === 'CRDT' ? detail.debtor : detail.creditor;
          if (other?.name) score.compare('counterparty', other.name === mine?.counterpartyName, where);
          if (other?.iban) score.compare('counterparty iban', other.iban === mine?.counterpartyIban, where);
        } else {
          for (const detail of entry.transactions) {
            const text = [...detail.remittance_ref, ...detail.remittance_unstructured, detail.end_to_end_id ?? ''].join(' ');
            if (text.trim()) score.compare('remittance text', tokenOverlap(text, `${mine?.reference ?? ''} ${mine?.endToEndId ?? ''} ${mine?.description ?? ''}`) >= 0.99, where);
          }
        }
        if (entry.additional_info) score.compare('remittance text', tokenOverlap(entry.additional_info, mine?.description) >= 0.99, where);
      });
      const signedBalance = (type: string): string | null => {
        const balance = record.balances.find((candidate) => candidate.type === type);
        return balance ? (balance.credit_debit === 'DBIT' ? `-${balance.amount}` : balance.amount) : null;
      };
      const opening = signedBalance('OPBD') ?? signedBalance('PRCD');
      const closing = signedBalance('CLBD');
      if (opening) score.compare('opening balance', sameAmount(opening, statement?.openingBalance), name);
      if (closing) score.compare('closing balance', sameAmount(closing, statement?.closingBalance), name);
      score.compare('balance break flagged exactly', flagged(parsed, recordIndex) === VIAFINTECH_BALANCE_BREAKS.includes(name), name);
    });
  }
  return score;
}
