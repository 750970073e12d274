import type { InvoiceIdentity } from './invoice-identity';

/** An invoice already in the register. */
export interface RegisteredInvoice {
  documentId: string;
  identity: InvoiceIdentity;
  registeredAt: Date;
}

export type DuplicateReason = 'same-vendor-and-number' | 'same-vendor-date-and-amount';

export interface DuplicateInvoice {
  documentId: string;
  reason: DuplicateReason;
  invoiceNumber: string | null;
  issueDate: string | null;
  totalGross: string | null;
  currency: string | null;
}

function sameVendor(a: InvoiceIdentity, b: InvoiceIdentity): boolean {
  const equal = (x: string | null, y: string | null) => x !== null && x === y;
  return equal(a.vendorVatKey, b.vendorVatKey) || equal(a.vendorIbanKey, b.vendorIbanKey) || equal(a.vendorNameKey, b.vendorNameKey);
}

/**
 * Why `candidate` looks like an invoice the register already holds: the same vendor and number, or the same
 * vendor, date and amount (a re-issued invoice with a new number, a scan of a paper copy). Undefined: not a duplicate.
 */
export function duplicateReason(invoice: InvoiceIdentity, candidate: InvoiceIdentity): DuplicateReason | undefined {
  if (!sameVendor(invoice, candidate)) return undefined;
  if (invoice.invoiceNumberKey && invoice.invoiceNumberKey === candidate.invoiceNumberKey) return 'same-vendor-and-number';
  const sameDate = invoice.issueDate !== null && invoice.issueDate === candidate.issueDate;
  const sameAmount = invoice.totalGross !== null && invoice.totalGross === candidate.totalGross && invoice.currency === candidate.currency;
  return sameDate && sameAmount ? 'same-vendor-date-and-amount' : undefined;
}

/** The registered invoices `invoice` duplicates, oldest first. */
export function findDuplicates(invoice: InvoiceIdentity, registered: readonly RegisteredInvoice[], selfDocumentId: string): DuplicateInvoice[] {
  return registered
    .filter((entry) => entry.documentId !== selfDocumentId)
    .map((entry) => ({ entry, reason: duplicateReason(invoice, entry.identity) }))
    .filter((match): match is { entry: RegisteredInvoice; reason: DuplicateReason } => match.reason !== undefined)
    .sort((a, b) => a.entry.registeredAt.getTime() - b.entry.registeredAt.getTime())
    .map(({ entry, reason }) => ({
      documentId: entry.documentId,
      reason,
      invoiceNumber: entry.identity.invoiceNumberKey,
      issueDate: entry.identity.issueDate,
      totalGross: entry.identity.totalGross,
      currency: entry.identity.currency,
    }));
}
