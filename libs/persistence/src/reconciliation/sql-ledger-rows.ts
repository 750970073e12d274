import type { LedgerException, LedgerMatch, LedgerOpenItem, LedgerTransaction } from '@conveyor/reconciliation';

/** Row shapes of the bank reconciliation tables and their mapping to the domain's types. */
export const OPEN_ITEM_COLUMNS = `id, external_id, vendor_name, vendor_iban, invoice_number, document_id, currency, amount_minor::text AS amount_minor,
  COALESCE(original_amount_minor, amount_minor)::text AS original_amount_minor, to_char(issue_date, 'YYYY-MM-DD') AS issue_date,
  to_char(due_date, 'YYYY-MM-DD') AS due_date, status, settled_at, payment_references`;

export interface OpenItemRow {
  id: string; external_id: string | null; vendor_name: string; vendor_iban: string | null; invoice_number: string; document_id: string | null; currency: string;
  amount_minor: string; original_amount_minor: string; issue_date: string; due_date: string | null; status: string; settled_at: Date | null; payment_references: string[];
}

export const toOpenItem = (row: OpenItemRow): LedgerOpenItem => ({
  id: row.id, externalId: row.external_id, vendorName: row.vendor_name, vendorIban: row.vendor_iban, invoiceNumber: row.invoice_number, documentId: row.document_id,
  currency: row.currency.trim(), amountMinor: Number(row.amount_minor), originalAmountMinor: Number(row.original_amount_minor), issueDate: row.issue_date,
  dueDate: row.due_date, status: row.status, settledAt: row.settled_at ? new Date(row.settled_at) : null, paymentReferences: row.payment_references ?? [],
});

export const TRANSACTION_COLUMNS = `id, account_id, statement_id, dedup_key, to_char(booking_date, 'YYYY-MM-DD') AS booking_date, to_char(value_date, 'YYYY-MM-DD') AS value_date,
  amount::text AS amount, currency, counterparty_name, counterparty_iban, reference, end_to_end_id, bank_reference, description, state`;

export interface TransactionRow {
  id: string; account_id: string; statement_id: string; dedup_key: string; booking_date: string | null; value_date: string | null; amount: string; currency: string;
  counterparty_name: string | null; counterparty_iban: string | null; reference: string | null; end_to_end_id: string | null; bank_reference: string | null;
  description: string | null; state: LedgerTransaction['state'];
}

export const toTransaction = (row: TransactionRow): LedgerTransaction => ({
  id: row.id, accountId: row.account_id, statementId: row.statement_id, dedupKey: row.dedup_key, bookingDate: row.booking_date, valueDate: row.value_date,
  amount: row.amount, currency: row.currency.trim(), counterpartyName: row.counterparty_name, counterpartyIban: row.counterparty_iban, reference: row.reference,
  endToEndId: row.end_to_end_id, bankReference: row.bank_reference, description: row.description, state: row.state,
});

export const MATCH_COLUMNS = `m.id, m.transaction_id, m.decision, m.source, m.score::float8 AS score, m.reasons, m.run_key, m.created_at, m.decided_by, m.decided_at, m.decision_note,
  COALESCE((SELECT jsonb_agg(jsonb_build_object('openItemId', a.open_item_id, 'amountMinor', a.amount_minor, 'currency', o.currency) ORDER BY a.open_item_id)
              FROM reconciliation_allocations a JOIN open_items o ON o.id = a.open_item_id WHERE a.match_id = m.id), '[]'::jsonb) AS allocations`;

export interface MatchRow {
  id: string; transaction_id: string; decision: LedgerMatch['decision']; source: LedgerMatch['source']; score: number | null; reasons: string[]; run_key: string | null;
  created_at: Date; decided_by: string | null; decided_at: Date | null; decision_note: string | null; allocations: { openItemId: string; amountMinor: number | string; currency: string }[];
}

export const toMatch = (row: MatchRow): LedgerMatch => ({
  id: row.id, transactionId: row.transaction_id, decision: row.decision, source: row.source, score: row.score === null ? null : Number(row.score), reasons: row.reasons,
  allocations: row.allocations.map((allocation) => ({ openItemId: allocation.openItemId, amountMinor: Number(allocation.amountMinor), currency: allocation.currency.trim() })),
  runKey: row.run_key, createdAt: new Date(row.created_at), decidedBy: row.decided_by, decidedAt: row.decided_at ? new Date(row.decided_at) : null, note: row.decision_note,
});

export const EXCEPTION_COLUMNS = `id, code, subject_key, transaction_id, statement_id, open_item_ids, message, evidence, blocking, status, resolution, resolved_by, resolved_at, created_at`;

export interface ExceptionRow {
  id: string; code: string; subject_key: string; transaction_id: string | null; statement_id: string | null; open_item_ids: string[]; message: string;
  evidence: Record<string, unknown>; blocking: boolean; status: 'open' | 'resolved'; resolution: string | null; resolved_by: string | null; resolved_at: Date | null; created_at: Date;
}

export const toException = (row: ExceptionRow): LedgerException => ({
  id: row.id, code: row.code, subjectKey: row.subject_key, transactionId: row.transaction_id, statementId: row.statement_id, openItemIds: row.open_item_ids ?? [],
  message: row.message, evidence: row.evidence, blocking: row.blocking, status: row.status, resolution: row.resolution, resolvedBy: row.resolved_by,
  resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null, createdAt: new Date(row.created_at),
});
