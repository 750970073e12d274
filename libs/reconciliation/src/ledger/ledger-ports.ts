import type { LearnedRule } from '../learned-rules';
import type {
  BankAccountKey, LedgerException, LedgerMatch, LedgerMatchDecision, LedgerOpenItem, LedgerStatement, LedgerTransaction, NewLedgerException, NewOpenItem,
  NewStatement, NewTransaction, Settlement, TransactionState,
} from './ledger.model';

/** Changes that commit together; `handle` is what the audit recorder writes through. */
export interface LedgerTransactionScope {
  readonly handle: unknown;
  /** Serialises reconciliation runs and people's decisions on the same lines (held until commit). */
  lockLedger(): Promise<void>;
  /** The account's id, creating it with `newId` when it is new. */
  ensureAccount(account: BankAccountKey, newId: string, at: Date): Promise<string>;
  /** The statement's id: the new one, or the one already stored for the same file and position (a re-import). */
  insertStatement(statement: NewStatement): Promise<{ id: string; inserted: boolean }>;
  /** Inserts the lines not yet known for the account (by dedup key); returns how many were new. */
  insertTransactions(lines: NewTransaction[], at: Date): Promise<number>;
  setStatementLinesAdded(statementId: string, added: number): Promise<void>;
  /** Inserts items whose external id and document id are not known yet; returns the ids inserted. */
  insertOpenItems(items: NewOpenItem[], at: Date): Promise<string[]>;
  insertMatches(matches: LedgerMatch[]): Promise<void>;
  setMatchDecision(matchId: string, decision: LedgerMatchDecision, by: string, at: Date, note: string | null): Promise<void>;
  setTransactionStates(states: { id: string; state: TransactionState }[]): Promise<void>;
  /** Lowers each item's open amount (never below zero); an item reaching zero is paid as of `at`. */
  settle(settlements: Settlement[], at: Date): Promise<void>;
  /** Records findings not already open for the same code and subject; returns how many were new. */
  insertExceptions(exceptions: NewLedgerException[]): Promise<number>;
  resolveException(id: string, resolution: string, by: string, at: Date): Promise<boolean>;
  resolveExceptionsOfTransaction(transactionId: string, resolution: string, by: string, at: Date): Promise<number>;
  saveRules(rules: LearnedRule[], at: Date): Promise<void>;
  /** The lines among these ids still in this state, locked until commit. */
  lockTransactionsInState(ids: string[], state: TransactionState): Promise<Set<string>>;
  lockMatch(id: string): Promise<LedgerMatch | undefined>;
  lockOpenItems(ids: string[]): Promise<LedgerOpenItem[]>;
  findTransaction(id: string): Promise<LedgerTransaction | undefined>;
  learnedRules(): Promise<LearnedRule[]>;
}

export interface TransactionFilter {
  state?: TransactionState;
  accountId?: string;
  from?: string;
  to?: string;
  limit: number;
  /** Keyset: the id of the last line of the previous page (lines come in booking order, then id). */
  after?: { bookingDate: string | null; id: string };
}

export interface OpenItemFilter {
  status?: string;
  vendorName?: string;
  limit: number;
  afterId?: string;
}

export interface LedgerRepository {
  transaction<T>(work: (tx: LedgerTransactionScope) => Promise<T>): Promise<T>;
  unmatchedTransactions(): Promise<LedgerTransaction[]>;
  openItemsForMatching(): Promise<LedgerOpenItem[]>;
  /** Item sets people rejected per line, so the engine does not propose them again. */
  rejectedItemSets(transactionIds: string[]): Promise<Map<string, string[][]>>;
  learnedRules(): Promise<LearnedRule[]>;
  matchesOfRun(runKey: string): Promise<LedgerMatch[]>;
  listTransactions(filter: TransactionFilter): Promise<(LedgerTransaction & { matches: LedgerMatch[] })[]>;
  listMatches(filter: { decision?: LedgerMatchDecision; transactionId?: string; limit: number }): Promise<LedgerMatch[]>;
  listOpenItems(filter: OpenItemFilter): Promise<LedgerOpenItem[]>;
  openItemsByIds(ids: string[]): Promise<LedgerOpenItem[]>;
  openItemByDocument(documentId: string): Promise<LedgerOpenItem | undefined>;
  openBlockingExceptions(limit: number): Promise<{ total: number; items: LedgerException[] }>;
  transactionsByIds(ids: string[]): Promise<LedgerTransaction[]>;
  listExceptions(filter: { status?: 'open' | 'resolved'; code?: string; limit: number }): Promise<LedgerException[]>;
  listStatements(limit: number): Promise<LedgerStatement[]>;
}
