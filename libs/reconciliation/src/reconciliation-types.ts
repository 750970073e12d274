/** An invoice awaiting payment, as matching sees it (the `--open-items` file of `conveyor reconcile`). */
export interface OpenItem {
  id: string;
  vendorName: string | null;
  vendorIban: string | null;
  invoiceNumber: string | null;
  currency: string;
  /** Amount still open, decimal string; positive for a payable we pay (the bank line is then a debit). */
  amount: string;
  issueDate: string | null;
  dueDate: string | null;
  /**
   * Ids our own payment run gave the payment (end-to-end id, payment id), when known: a bank line carrying
   * one of them settles this item (stage 1). Optional; not part of the CLI file contract.
   */
  paymentReferences?: string[] | null;
}

export type MatchDecision = 'auto' | 'suggest';

export interface MatchAllocation {
  openItemId: string;
  amount: string;
}

export interface MatchProposal {
  /** "<statement index>:<transaction index>" */
  transactionId: string;
  allocations: MatchAllocation[];
  decision: MatchDecision;
  /** 0..1 */
  score: number;
  /** Score parts a person can read, e.g. "IBAN equals the vendor's (+0.35)". */
  reasons: string[];
}

export interface ReconciliationException {
  /** PAYMENT_UNMATCHED, PAYMENT_AMBIGUOUS, UNDERPAID, OVERPAID, FX_DIFFERENCE, STATEMENT_BALANCE_BREAK, ... */
  code: string;
  transactionId: string | null;
  openItemIds: string[];
  message: string;
}

export interface ReconciliationResult {
  matches: MatchProposal[];
  exceptions: ReconciliationException[];
}
