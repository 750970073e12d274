/**
 * One normalised shape for every statement format (camt.052/053/054, MT940/942, OFX/QFX, CSV): what
 * `conveyor statement <file> --json` prints and what reconciliation consumes. Amounts are signed decimal
 * strings (credit positive, debit negative, never floats, never rounded on import); dates are YYYY-MM-DD in
 * the statement's own offset.
 */
export const STATEMENT_FORMATS = ['camt.052', 'camt.053', 'camt.054', 'mt940', 'mt942', 'ofx', 'csv'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

export interface StatementTransaction {
  bookingDate: string | null;
  valueDate: string | null;
  /** Signed decimal string, e.g. "-1234.50". */
  amount: string;
  currency: string;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  /** Structured or unstructured remittance reference as given. */
  reference: string | null;
  endToEndId: string | null;
  /** The bank's own id for the entry (camt AcctSvcrRef/NtryRef, MT940 :61: bank reference, OFX FITID). */
  bankReference: string | null;
  description: string | null;
  /**
   * Stable identity for de-duplication across re-imports: the bank id when present, else a content hash
   * with an occurrence index (identical lines on the same day are all kept).
   */
  dedupKey: string;
  /** SWIFT gpi UETR when the bank gives one (camt). */
  uetr?: string | null;
  /** Charges the bank reports on the entry, signed like the entry's booking (camt Chrgs). */
  charges?: string | null;
  /** Entry status when the format has one (camt BOOK/PDNG/INFO); only booked entries count in balance checks. */
  status?: string | null;
  /** Bank transaction code as given (camt Domn/Fmly/SubFmly or Prtry, MT940 :61: type, OFX TRNTYPE). */
  transactionCode?: string | null;
  /** True when the bank marks the entry as a reversal (camt RvslInd, MT940 RC/RD). */
  reversal?: boolean;
}

export interface BankStatement {
  account: { iban: string | null; currency: string | null; /** Non-IBAN account id (MT940 :25:, OFX ACCTID) when there is no IBAN. */ accountId?: string | null };
  statementId: string | null;
  openingBalance: string | null;
  closingBalance: string | null;
  from: string | null;
  to: string | null;
  transactions: StatementTransaction[];
}

export interface StatementIssue {
  /** e.g. STATEMENT_BALANCE_BREAK, STATEMENT_CONTINUITY_GAP, ENTRY_SKIPPED, ERROR_RESPONSE. */
  code: string;
  severity: 'info' | 'warning' | 'error';
  message: string;
  /** Index of the statement in `statements`, when the issue concerns one. */
  statementIndex?: number;
  transactionIndex?: number;
  /** The numbers behind the issue (balances, dates, the skipped text), for a person to check. */
  details?: Record<string, unknown>;
}

export interface ParsedStatementFile {
  format: StatementFormat;
  statements: BankStatement[];
  issues: StatementIssue[];
}

/** What a format parser hands over before identities are assigned and checks are run. */
export type TransactionDraft = Omit<StatementTransaction, 'dedupKey'>;
export interface StatementDraft extends Omit<BankStatement, 'transactions'> {
  transactions: TransactionDraft[];
}
export interface ParsedDraft {
  format: StatementFormat;
  statements: StatementDraft[];
  issues: StatementIssue[];
}
