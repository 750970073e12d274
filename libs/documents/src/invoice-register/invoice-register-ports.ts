import type { AuditRecorder } from '@conveyor/audit';
import type { InvoiceIdentity } from './invoice-identity';
import type { RegisteredInvoice } from './duplicate-invoices';
import type { InvoiceSearchFields } from './invoice-fields';

/** One field a person changed when confirming an invoice. */
export interface FieldCorrection {
  field: string;
  extracted: string | null;
  corrected: string | null;
}

export interface InvoiceConfirmation {
  documentId: string;
  runId: string;
  /** The values as confirmed (extracted values with the corrections applied). */
  values: Record<string, string | null>;
  corrections: FieldCorrection[];
  confirmedBy: string[];
  confirmedAt: Date;
}

/**
 * The invoices read so far, by document: what duplicate detection compares against, and where confirmations
 * and corrections are kept (the "corrections per field" figures and vendor profile learning read them).
 */
export interface InvoiceRegister {
  /**
   * Records (or replaces, on a re-run) the document's identity and returns the registered invoices that could
   * be its duplicates (same vendor by any key), in one transaction, so two copies registered at once see each other.
   */
  registerAndFindCandidates(documentId: string, runId: string, identity: InvoiceIdentity, at: Date): Promise<RegisteredInvoice[]>;
  /** Records a person's confirmation and corrections; false when this run confirmed the document already (a redelivery). */
  confirm(confirmation: InvoiceConfirmation, audit: AuditRecorder): Promise<boolean>;
  corrections(documentId: string): Promise<FieldCorrection[]>;
}

/**
 * Keeps each document's extracted invoice fields where the document list searches them. A confirmation
 * (InvoiceRegister.confirm) replaces them with the confirmed values; extraction never overwrites those.
 */
export interface InvoiceFieldsRecorder {
  recordExtracted(documentId: string, fields: InvoiceSearchFields, at: Date): Promise<void>;
}

/** Teaches the vendor's extraction profile from a confirmed invoice (wired to the field extractor). */
export interface VendorProfileTeacher {
  learn(confirmation: InvoiceConfirmation): Promise<void>;
}
