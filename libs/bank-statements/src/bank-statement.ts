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
}

export interface ParsedStatementFile {
  format: StatementFormat;
  statements: BankStatement[];
  issues: StatementIssue[];
}
