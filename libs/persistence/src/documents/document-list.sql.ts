import type { DocumentInvoiceFields, DocumentListItem, DocumentListQuery, DocumentSort } from '@conveyor/documents';
import { DOCUMENT_COLUMNS, toDocumentRecord, type DocumentRow } from './document.row';

/**
 * The document list's SQL: documents with their invoice fields (document_invoice_fields). A duplicate upload
 * has no fields of its own: it shows, and is found by, those of the document whose bytes it repeats.
 */
export const DOCUMENT_LIST_FROM = `documents d LEFT JOIN document_invoice_fields f ON f.document_id = COALESCE(d.duplicate_of, d.id)`;

export const DOCUMENT_LIST_COLUMNS = `${DOCUMENT_COLUMNS.split(',').map((column) => `d.${column.trim()}`).join(', ')},
  f.document_id IS NOT NULL AS has_invoice, f.vendor_name AS invoice_vendor_name, f.invoice_number AS invoice_number,
  f.issue_date::text AS invoice_issue_date, f.total_gross::text AS invoice_total_gross, f.currency AS invoice_currency,
  f.confirmed_at IS NOT NULL AS invoice_confirmed`;

export interface DocumentListRow extends DocumentRow {
  has_invoice: boolean;
  invoice_vendor_name: string | null;
  invoice_number: string | null;
  invoice_issue_date: string | null;
  invoice_total_gross: string | null;
  invoice_currency: string | null;
  invoice_confirmed: boolean;
}

/** numeric(24, 6) reads "1190.500000": shown as "1190.50", exact, at least two decimals (strings, never floats). */
function displayAmount(value: string | null): string | null {
  if (value === null) return null;
  const [whole, fraction = ''] = value.split('.');
  return `${whole}.${fraction.replace(/0+$/, '').padEnd(2, '0')}`;
}

export function toDocumentListItem(row: DocumentListRow): DocumentListItem {
  const invoice: DocumentInvoiceFields | null = row.has_invoice
    ? {
      vendorName: row.invoice_vendor_name,
      invoiceNumber: row.invoice_number,
      issueDate: row.invoice_issue_date,
      totalGross: displayAmount(row.invoice_total_gross),
      currency: row.invoice_currency?.trim() ?? null,
      confirmed: row.invoice_confirmed,
    }
    : null;
  return { ...toDocumentRecord(row), invoice };
}

/** Case-insensitive substring: strpos needs no escaping of % and _ as LIKE would. */
const contains = (column: string, parameter: string) => `strpos(lower(${column}), lower(${parameter})) > 0`;

/** The WHERE clause of a query and its parameters; `param` adds more (LIMIT, OFFSET) after them. */
export function documentListWhere(query: DocumentListQuery): { where: string; params: unknown[]; param(value: unknown): string } {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (query.status && query.status.length > 0) where.push(`d.status = ANY(${param(query.status)}::text[])`);
  if (query.uploadedBy !== undefined) where.push(`d.uploaded_by = ${param(query.uploadedBy)}`);
  if (query.visibleTo !== undefined) {
    // Their uploads, and the accepted documents whose bytes they uploaded again.
    const me = param(query.visibleTo);
    where.push(`(d.uploaded_by = ${me} OR d.id IN (SELECT r.duplicate_of FROM documents r WHERE r.uploaded_by = ${me} AND r.duplicate_of IS NOT NULL))`);
  }
  if (query.vendor !== undefined) where.push(contains('f.vendor_name', param(query.vendor)));
  if (query.invoiceNumber !== undefined) where.push(contains('f.invoice_number', param(query.invoiceNumber)));
  if (query.q !== undefined) {
    const q = param(query.q);
    where.push(`(${contains('d.file_name', q)} OR ${contains('f.vendor_name', q)} OR ${contains('f.invoice_number', q)})`);
  }
  if (query.currency !== undefined) where.push(`f.currency = ${param(query.currency)}`);
  // Amounts travel as decimal strings and compare as numeric in SQL: exact, whatever their size.
  if (query.amountMin !== undefined) where.push(`f.total_gross >= ${param(query.amountMin)}::numeric`);
  if (query.amountMax !== undefined) where.push(`f.total_gross <= ${param(query.amountMax)}::numeric`);
  if (query.issueDateFrom !== undefined) where.push(`f.issue_date >= ${param(query.issueDateFrom)}::date`);
  if (query.issueDateTo !== undefined) where.push(`f.issue_date <= ${param(query.issueDateTo)}::date`);
  if (query.uploadedFrom !== undefined) where.push(`d.uploaded_at >= ${param(query.uploadedFrom)}::timestamptz`);
  if (query.uploadedBefore !== undefined) where.push(`d.uploaded_at < ${param(query.uploadedBefore)}::timestamptz`);
  if (query.before) {
    where.push(`(d.uploaded_at, d.id) < (${param(query.before.uploadedAt)}::timestamptz, ${param(query.before.id)}::uuid)`);
  }
  return { where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params, param };
}

const SORT_COLUMNS: Record<string, string> = {
  uploadedAt: 'd.uploaded_at',
  issueDate: 'f.issue_date',
  totalGross: 'f.total_gross',
  vendor: 'lower(f.vendor_name)',
  invoiceNumber: 'lower(f.invoice_number)',
};

/** ORDER BY for a sort: documents without the field last either way, then newest first, so pages are stable. */
export function documentListOrder(sort: DocumentSort): string {
  const descending = sort.startsWith('-');
  const field = descending ? sort.slice(1) : sort;
  const column = SORT_COLUMNS[field];
  if (!column) throw new Error(`unknown document sort "${sort}"`);
  if (field === 'uploadedAt') return descending ? 'd.uploaded_at DESC, d.id DESC' : 'd.uploaded_at ASC, d.id ASC';
  return `${column} ${descending ? 'DESC' : 'ASC'} NULLS LAST, d.uploaded_at DESC, d.id DESC`;
}
