import type { DocumentRecord, DocumentStatus } from './document.model';
import type { DocumentInvoiceFields } from './invoice-register/invoice-fields';

/** What a document list can be ordered by; the invoice fields are those of DocumentInvoiceFields. */
export const DOCUMENT_SORT_FIELDS = ['uploadedAt', 'issueDate', 'totalGross', 'vendor', 'invoiceNumber'] as const;
export type DocumentSortField = (typeof DOCUMENT_SORT_FIELDS)[number];

/** A sort field, ascending, or with a leading "-", descending: "-uploadedAt" (the default), "totalGross". */
export const DOCUMENT_SORTS = DOCUMENT_SORT_FIELDS.flatMap((field) => [field, `-${field}`] as const) as readonly DocumentSort[];
export type DocumentSort = DocumentSortField | `-${DocumentSortField}`;
export const DEFAULT_DOCUMENT_SORT: DocumentSort = '-uploadedAt';

/**
 * Which documents to list. Texts match as case-insensitive substrings; the invoice fields are the confirmed
 * values once an accountant confirmed the invoice, else the extracted ones (a duplicate upload has those of
 * the document it repeats). Amounts are exact decimal strings; date ranges include both ends.
 */
export interface DocumentSearch {
  status?: DocumentStatus[];
  uploadedBy?: string;
  vendor?: string;
  invoiceNumber?: string;
  /** Any of file name, vendor and invoice number. */
  q?: string;
  currency?: string;
  amountMin?: string;
  amountMax?: string;
  /** YYYY-MM-DD. */
  issueDateFrom?: string;
  issueDateTo?: string;
  /** Upload instants: from inclusive, before exclusive. */
  uploadedFrom?: Date;
  uploadedBefore?: Date;
}

/** One row of a document list: the document and its invoice fields (null when none were read). */
export interface DocumentListItem extends DocumentRecord {
  invoice: DocumentInvoiceFields | null;
}
