import type { InvoiceFieldName } from '@conveyor/documents';
import type { ComparableLine } from './line-alignment';

/** The corpus README's common field names (address is not part of the extraction contract, so not scored). */
export const COMMON_FIELDS = [
  'vendor_name',
  'vendor_vat_id',
  'customer_name',
  'invoice_number',
  'issue_date',
  'due_date',
  'currency',
  'total_net',
  'total_tax',
  'total_gross',
  'amount_due',
  'iban',
  'purchase_order_number',
] as const;
export type CommonField = (typeof COMMON_FIELDS)[number];

export const RESULT_FIELD: Record<CommonField, InvoiceFieldName> = {
  vendor_name: 'vendorName',
  vendor_vat_id: 'vendorVatId',
  customer_name: 'customerName',
  invoice_number: 'invoiceNumber',
  issue_date: 'issueDate',
  due_date: 'dueDate',
  currency: 'currency',
  total_net: 'totalNet',
  total_tax: 'totalTax',
  total_gross: 'totalGross',
  amount_due: 'amountDue',
  iban: 'iban',
  purchase_order_number: 'purchaseOrderNumber',
};

export type FieldKind = 'name' | 'compact' | 'number' | 'date' | 'currency' | 'amount';
export const FIELD_KIND: Record<CommonField, FieldKind> = {
  vendor_name: 'name',
  vendor_vat_id: 'compact',
  customer_name: 'name',
  invoice_number: 'number',
  issue_date: 'date',
  due_date: 'date',
  currency: 'currency',
  total_net: 'amount',
  total_tax: 'amount',
  total_gross: 'amount',
  amount_due: 'amount',
  iban: 'compact',
  purchase_order_number: 'number',
};

/** Core fields for the "all core fields correct" share (no invoice number on receipts). */
export const CORE_FIELDS: CommonField[] = ['vendor_name', 'invoice_number', 'issue_date', 'total_gross', 'currency'];
/** Where a silent error costs money: the straight-through target (≤ 0.5 %) applies to these. */
export const CRITICAL_GROUPS: Record<string, CommonField[]> = {
  totals: ['total_net', 'total_tax', 'total_gross', 'amount_due'],
  dates: ['issue_date', 'due_date'],
  'invoice no.': ['invoice_number'],
};

export interface ExpectedFlag {
  reason: string;
  /** A flag counts as raised when an issue (warning or error) names one of these fields. */
  fields: InvoiceFieldName[];
}

/** One document to score, whatever set it comes from. */
export interface TruthDocument {
  set: string;
  id: string;
  /** Absolute path of the input file (already checked against its SHA256SUMS). */
  file: string;
  /** The path the input is meant to take: text layer, OCR (or XML, which the extractor decides). */
  intendedPath: 'text' | 'ocr';
  /** Authoritative values (XML for e-invoices) as strings; amounts as decimal strings. */
  expected: Partial<Record<CommonField, string>>;
  /** What the page prints where it differs from `expected` (`_visual_overrides`). */
  printed: Partial<Record<CommonField, string>>;
  /** Fields not visible on the page in a common printed form: the "inferable" bucket in visible-content scoring. */
  invisible: Set<CommonField>;
  excluded: Set<CommonField>;
  /** Raw printed strings for an exact-string protocol (SROIE official). */
  raw: Partial<Record<CommonField, string>>;
  lines: ComparableLine[] | null;
  expectedFlags: ExpectedFlag[];
  /** Dates printed day/month-ambiguously with no evidence on the page. */
  ambiguousDates: CommonField[];
  dateOrder: 'dmy' | 'mdy';
  receipt: boolean;
  /** True when a field missing from the truth is also missing from the page (generated sets): a prediction there is a false positive. */
  complete: boolean;
  /** Extra labels for breakdowns (layout, language, degradation). */
  tags: Record<string, string>;
}

export function emptyTruth(partial: Pick<TruthDocument, 'set' | 'id' | 'file' | 'intendedPath'>): TruthDocument {
  return {
    ...partial,
    expected: {},
    printed: {},
    invisible: new Set(),
    excluded: new Set(),
    raw: {},
    lines: null,
    expectedFlags: [],
    ambiguousDates: [],
    dateOrder: 'dmy',
    receipt: false,
    complete: false,
    tags: {},
  };
}
