/** The reconciliation API's views (libs/http-api/src/reconciliation/reconciliation-views.ts). */
export interface BankLine {
  id: string;
  bookingDate: string | null;
  valueDate: string | null;
  amount: string;
  currency: string;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  reference: string | null;
  description: string | null;
  state: 'unmatched' | 'suggested' | 'matched' | 'ignored';
}

export interface OpenItem {
  id: string;
  vendorName: string | null;
  invoiceNumber: string | null;
  currency: string;
  amountOpen: string;
  amount: string;
  dueDate: string | null;
  status: string;
}

export interface Suggestion {
  id: string;
  transactionId: string;
  score: number;
  reasons: string[];
  allocations: { openItemId: string; amount: string; currency: string | null }[];
  transaction: BankLine | null;
  openItems: OpenItem[];
}

export interface ReconciliationException {
  id: string;
  code: string;
  status: string;
  message?: string;
  evidence?: Record<string, unknown>;
  createdAt: string;
}

/** POST /api/bank-statements. */
export interface ImportSummary {
  format: string;
  linesTotal: number;
  added: number;
  duplicatesSkipped: number;
  issues: { code: string; message: string }[];
}

/** POST /api/reconciliation/run. */
export interface ReconcileSummary {
  lines: number;
  autoMatched: number;
  suggested: number;
  unmatched: number;
}
