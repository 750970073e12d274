import type { StatementTransaction } from '@conveyor/bank-statements';
import type { LearnedRule } from '../learned-rules';

/** An open item as the ledger stores it: `amountMinor` is what is still open, in minor units of its currency. */
export interface LedgerOpenItem {
  id: string;
  /** The id the sender gave the item (CSV/API `id`), when it came from outside. */
  externalId: string | null;
  vendorName: string;
  vendorIban: string | null;
  invoiceNumber: string;
  documentId: string | null;
  currency: string;
  amountMinor: number;
  originalAmountMinor: number;
  issueDate: string;
  dueDate: string | null;
  /** open: money still owed; paid: settled in full (settledAt set). */
  status: string;
  settledAt: Date | null;
  paymentReferences: string[];
}

export type NewOpenItem = Omit<LedgerOpenItem, 'status' | 'settledAt' | 'originalAmountMinor'>;

export const TRANSACTION_STATES = ['unmatched', 'suggested', 'matched', 'ignored'] as const;
export type TransactionState = (typeof TRANSACTION_STATES)[number];

/** A bank line as stored: the importer's normalised transaction (its shape, not restated), scoped to its account. */
export type LedgerTransaction = Pick<StatementTransaction,
  'dedupKey' | 'bookingDate' | 'valueDate' | 'amount' | 'currency' | 'counterpartyName' | 'counterpartyIban' | 'reference' | 'endToEndId' | 'bankReference' | 'description'
> & {
  id: string;
  accountId: string;
  statementId: string;
  state: TransactionState;
};

export const MATCH_DECISIONS = ['auto', 'suggested', 'confirmed', 'rejected'] as const;
export type LedgerMatchDecision = (typeof MATCH_DECISIONS)[number];

export interface LedgerAllocation {
  openItemId: string;
  amountMinor: number;
  /** The item's currency (read back with the allocation; not needed to store one). */
  currency?: string;
}

/** A transaction ↔ open items decision: proposed by the engine (auto or suggested) or linked by a person. */
export interface LedgerMatch {
  id: string;
  transactionId: string;
  decision: LedgerMatchDecision;
  source: 'engine' | 'manual';
  score: number | null;
  reasons: string[];
  allocations: LedgerAllocation[];
  runKey: string | null;
  createdAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  note: string | null;
}

/** Codes a person has to act on before the books close; the nightly workflow routes them to an approval step. */
export const BLOCKING_EXCEPTION_CODES: readonly string[] = ['PAYMENT_AMBIGUOUS', 'STATEMENT_BALANCE_BREAK'];

export interface LedgerException {
  id: string;
  code: string;
  /** What the finding is about (a transaction or statement id); the same open finding is recorded once. */
  subjectKey: string;
  transactionId: string | null;
  statementId: string | null;
  openItemIds: string[];
  message: string;
  evidence: Record<string, unknown>;
  blocking: boolean;
  status: 'open' | 'resolved';
  resolution: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

export type NewLedgerException = Omit<LedgerException, 'status' | 'resolution' | 'resolvedBy' | 'resolvedAt'>;

export interface BankAccountKey {
  /** IBAN or account number, upper case without spaces, "/" currency: one row per account and currency. */
  key: string;
  iban: string | null;
  accountNumber: string | null;
  currency: string | null;
}

export interface NewStatement {
  id: string;
  accountId: string;
  format: string;
  statementRef: string | null;
  from: string | null;
  to: string | null;
  openingBalance: string | null;
  closingBalance: string | null;
  fileSha256: string;
  /** Index of the statement in its file. */
  position: number;
  sourceDocumentId: string | null;
  fileName: string | null;
  linesTotal: number;
  issues: unknown[];
  importedBy: string;
  importedAt: Date;
}

export interface LedgerStatement extends NewStatement {
  linesAdded: number;
  iban: string | null;
  accountNumber: string | null;
  currency: string | null;
}

export type NewTransaction = Omit<LedgerTransaction, 'state'>;

export interface Settlement {
  id: string;
  openItemId: string;
  matchId: string;
  transactionId: string;
  amountMinor: number;
}

export type StoredRule = LearnedRule;
