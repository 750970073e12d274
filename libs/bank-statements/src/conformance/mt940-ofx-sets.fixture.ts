import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { ConformanceScore, sameAmount, sameReference, tokenOverlap } from './conformance-score';
import { BANK_CORPUS, filesUnder, parseCorpusFile, readJson } from './corpus-files.fixture';

interface Mt940Expected {
  final_opening_balance: { status: string; amount: string } | null;
  final_closing_balance: { status: string; amount: string } | null;
  transaction_count: number;
  transactions: {
    date: string;
    entry_date: string | null;
    amount: string;
    currency: string | null;
    id: string;
    customer_reference: string | null;
    bank_reference: string | null;
    extra_details: string;
    transaction_details: string | null;
  }[];
}

/** Disagreements with upstream that were reviewed and are upstream's, not ours. */
export const MT940_REVIEWED_DIFFERENCES: Record<string, string> = {
  'jejik/ing#6': 'upstream appends the statement-level ":86:" after ":62F:" (and the "-XXX" terminator) to the last line',
};

/** Files that must be flagged (a reason given), not silently read: the corpus README's negative cases. */
const MT940_NEGATIVES: Record<string, string[]> = {
  'betterplace/sepa_snippet_broken': ['MT940_UNEXPECTED_FIELD'],
  'self-provided/february_30': ['ENTRY_DATE_CORRECTED'],
};

export function scoreMt940(): ConformanceScore {
  const score = new ConformanceScore();
  const root = join(BANK_CORPUS, 'mt940-wolph/files');
  for (const file of filesUnder(root, '.sta')) {
    const name = file.slice(root.length + 1).replace(/\.sta$/, '');
    const expectedPath = file.replace(/\.sta$/, '.expected.json');
    const parsed = parseCorpusFile(file, score);
    if (parsed === null || 'refused' in parsed) {
      score.compare('parsed', false, `${name}: ${parsed ? parsed.refused : 'crash'}`);
      continue;
    }
    if (MT940_NEGATIVES[name]) score.compare('negative flagged', MT940_NEGATIVES[name].every((code) => parsed.issues.some((issue) => issue.code === code)), name);
    if (!existsSync(expectedPath)) continue;
    const expected = readJson<Mt940Expected>(expectedPath);
    const ours = parsed.statements.flatMap((statement) => statement.transactions);
    score.compare('entry count', ours.length === expected.transactions.length, name);
    expected.transactions.forEach((entry, index) => {
      const mine = ours[index];
      const where = `${name}#${index}`;
      score.compare('amount', sameAmount(entry.amount, mine?.amount), where);
      score.compare('sign', entry.amount.startsWith('-') === !!mine?.amount.startsWith('-'), where);
      score.compare('currency', (entry.currency ?? 'XXX') === mine?.currency, where);
      score.compare('value date', entry.date === mine?.valueDate, where);
      if (entry.entry_date) score.compare('booking date', entry.entry_date === mine?.bookingDate, where);
      score.compare('type code', entry.id.trim() === (mine?.transactionCode ?? '').split('/')[0], where);
      if (entry.bank_reference) score.compare('bank reference', sameReference(entry.bank_reference, mine?.bankReference), where);
      const customer = entry.customer_reference && entry.customer_reference !== 'NONREF' ? entry.customer_reference : null;
      const text = `${mine?.reference ?? ''} ${mine?.bankReference ?? ''} ${mine?.description ?? ''}`;
      if (customer && !customer.includes('//')) score.compare('customer reference', tokenOverlap(customer, text) === 1, where);
      // German/Triodos sub-field markers (?20, >21) are layout, not words; wrapped lines continue a word.
      const details = [entry.transaction_details, entry.extra_details].filter(Boolean).join(' ').replace(/[?>]\d{2}/g, ' ');
      if (details && MT940_REVIEWED_DIFFERENCES[where]) score.notes.push(`${where}: ${MT940_REVIEWED_DIFFERENCES[where]}`);
      else if (details) score.compare(':86: text', tokenOverlap(details, `${text} ${mine?.counterpartyName ?? ''} ${mine?.transactionCode ?? ''}`) >= 0.99, where);
    });
    // Statement-level values are upstream's last final (F) balances; intermediate (M) ones do not replace them.
    // The balance check is scored where the file holds one statement.
    const signed = (balance: { status: string; amount: string } | null): string | null => (balance ? (balance.status === 'D' ? `-${balance.amount}` : balance.amount) : null);
    const opening = signed(expected.final_opening_balance);
    const closing = signed(expected.final_closing_balance);
    if (opening) score.compare('opening balance', parsed.statements.some((statement) => sameAmount(opening, statement.openingBalance)), name);
    if (closing) score.compare('closing balance', parsed.statements.some((statement) => sameAmount(closing, statement.closingBalance)), name);
    if (parsed.statements.length === 1 && opening && closing) {
      const balanced = expected.transactions.reduce((total, entry) => total.plus(entry.amount), new Decimal(opening)).equals(closing);
      score.compare('balance break flagged exactly', parsed.issues.some((issue) => issue.code === 'STATEMENT_BALANCE_BREAK') === !balanced, name);
    }
  }
  return score;
}

interface OfxInventory {
  statements: {
    currency: string | null;
    account_id: string | null;
    ledger_balance: { amount: string } | null;
    transactions: { dtposted: string | null; trnamt: string; fitid: string | null; name: string | null; memo: string | null }[];
  }[];
}

/** What the corpus README says each non-statement file must produce instead of transactions. */
const OFX_EXPECTED_ISSUES: Record<string, string> = {
  error_message: 'ERROR_RESPONSE',
  signon_success: 'NO_STATEMENT',
  'fail_nice/date_missing': 'ENTRY_SKIPPED',
};

export function scoreOfx(): ConformanceScore {
  const score = new ConformanceScore();
  const root = join(BANK_CORPUS, 'ofx-ofxparse/files');
  for (const file of filesUnder(root, '.ofx')) {
    const name = file.slice(root.length + 1).replace(/\.ofx$/, '');
    const parsed = parseCorpusFile(file, score);
    if (parsed === null || 'refused' in parsed) {
      score.compare('parsed', false, `${name}: ${parsed ? parsed.refused : 'crash'}`);
      continue;
    }
    if (OFX_EXPECTED_ISSUES[name]) score.compare('negative flagged', parsed.issues.some((issue) => issue.code === OFX_EXPECTED_ISSUES[name]), name);
    const inventory = readJson<OfxInventory>(file.replace(/\.ofx$/, '.inventory.json'));
    inventory.statements.forEach((statement, statementIndex) => {
      const mine = parsed.statements[statementIndex];
      // A line without a real posting date cannot be booked: it must be skipped and reported, not imported.
      const valid = statement.transactions.filter((entry) => /^\d{8}/.test(entry.dtposted ?? '') && !Number.isNaN(Date.parse(`${entry.dtposted!.slice(0, 4)}-${entry.dtposted!.slice(4, 6)}-${entry.dtposted!.slice(6, 8)}T00:00:00Z`)) && new Date(`${entry.dtposted!.slice(0, 4)}-${entry.dtposted!.slice(4, 6)}-${entry.dtposted!.slice(6, 8)}T00:00:00Z`).getUTCDate() === Number(entry.dtposted!.slice(6, 8)));
      score.compare('entry count', valid.length === (mine?.transactions.length ?? 0), name);
      if (statement.ledger_balance) score.compare('closing balance', sameAmount(statement.ledger_balance.amount || null, mine?.closingBalance), name);
      valid.forEach((entry, index) => {
        const ours = mine?.transactions[index];
        const where = `${name}#${index}`;
        score.compare('amount', sameAmount(entry.trnamt.replace(/^\+/, ''), ours?.amount), where);
        score.compare('sign', entry.trnamt.trim().startsWith('-') === !!ours?.amount.startsWith('-'), where);
        // ofx-v102-empty-tags has an empty CURDEF; its currency is only on the line (CURRENCY/CURSYM), which the inventory omits.
        if (statement.currency) score.compare('currency', statement.currency === ours?.currency, where);
        const day = `${entry.dtposted!.slice(0, 4)}-${entry.dtposted!.slice(4, 6)}-${entry.dtposted!.slice(6, 8)}`;
        score.compare('value date', day === ours?.valueDate, where);
        score.compare('booking date', day === ours?.bookingDate, where);
        score.compare('bank reference (FITID)', (entry.fitid || null) === ours?.bankReference, where);
        if (entry.name) score.compare('counterparty', entry.name.trim() === ours?.counterpartyName, where);
        if (entry.memo) score.compare('memo text', tokenOverlap(entry.memo, ours?.description) >= 0.99, where);
      });
    });
  }
  return score;
}
