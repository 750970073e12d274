import type { AuditRecord } from '@conveyor/audit';

/**
 * The ports reports read through. Each yields rows one at a time (the SQL implementations read in
 * batches), so a report over 100,000 rows holds one batch at a time.
 */

/** An invoice still (partly) unpaid: the open-items ledger of accounts payable. */
export interface OpenItemRecord {
  id: string;
  vendorId: string | null;
  vendorName: string;
  invoiceNumber: string;
  documentId: string | null;
  /** ISO 4217. */
  currency: string;
  /** The amount still open, in minor units of the currency; positive for what we owe. */
  amountMinor: bigint;
  /** YYYY-MM-DD. */
  issueDate: string;
  /** YYYY-MM-DD; absent: due on issue. */
  dueDate: string | null;
}

export interface OpenItemQuery {
  /** The as-of date (YYYY-MM-DD): items issued after it are not on the ledger yet. */
  asOf: string;
  vendorId?: string;
  vendorName?: string;
}

/** Items in order of vendor name, vendor id, currency, effective due date (due or issue), invoice number, id. */
export interface OpenItemSource {
  openItems(query: OpenItemQuery): AsyncIterable<OpenItemRecord>;
}

/** Matching results of one bank account in one period and currency. */
export interface ReconciliationSummaryLine {
  account: string;
  /** YYYY-MM. */
  period: string;
  currency: string;
  autoMatched: { count: number; amountMinor: bigint };
  suggested: { count: number; amountMinor: bigint };
  manual: { count: number; amountMinor: bigint };
  unmatched: { count: number; amountMinor: bigint };
}

export interface ReconciliationSummaryQuery {
  /** Inclusive YYYY-MM-DD bounds on the booking date. */
  from: string;
  to: string;
  account?: string;
}

/** Ordered by account, period, currency. Implemented in SQL with reconciliation (issue 5). */
export interface ReconciliationSummarySource {
  summary(query: ReconciliationSummaryQuery): AsyncIterable<ReconciliationSummaryLine>;
}

/** Something a person had to look at. Today: approval tasks (libs/approvals). */
export interface ExceptionRecord {
  id: string;
  /** What kind of exception (the task's `context.exceptionCode`, else the step id that opened it). */
  code: string;
  title: string;
  /** Who holds it: the claimer, else the assignees. */
  owner: string;
  status: 'open' | 'resolved';
  openedAt: Date;
  resolvedAt: Date | null;
  /** approve, reject, request-changes, expired, cancelled. */
  resolution: string | null;
  resolvedBy: string | null;
  comment: string | null;
  amount: string | null;
  currency: string | null;
  workflowId: string;
  runId: string;
}

export interface ExceptionQuery {
  /** Exceptions opened before this instant; resolved ones only if resolved at or after `resolvedFrom`. */
  openedBefore: Date;
  resolvedFrom?: Date;
}

/** Oldest first. */
export interface ExceptionSource {
  exceptions(query: ExceptionQuery): AsyncIterable<ExceptionRecord>;
}

export interface AuditExtractQuery {
  from?: Date;
  to?: Date;
  entityId?: string;
}

/** The audit trail in chain order. */
export interface AuditSource {
  records(query: AuditExtractQuery): AsyncIterable<AuditRecord>;
}

/** What the report definitions read from; a source not wired (yet) makes its reports fail with REPORT_SOURCE_UNAVAILABLE. */
export interface ReportSources {
  openItems?: OpenItemSource;
  reconciliation?: ReconciliationSummarySource;
  exceptions?: ExceptionSource;
  audit?: AuditSource;
}
