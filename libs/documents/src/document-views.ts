import type { DocumentMediaType, DocumentRecord, DocumentRejectionCode, DocumentStatus } from './document.model';
import type { DocumentListItem } from './document-search';
import type { DocumentInvoiceFields } from './invoice-register/invoice-fields';

/** A document as the API and the audit trail show it (plain JSON). */
export interface DocumentView {
  id: string;
  sha256: string;
  fileName: string;
  mediaType: DocumentMediaType | null;
  size: number;
  pages: number | null;
  widthPx?: number;
  heightPx?: number;
  status: DocumentStatus;
  error?: { code: DocumentRejectionCode; message: string };
  duplicateOf?: string;
  uploadedBy: string;
  uploadedAt: string;
  announcedAt?: string;
  /** In lists: the invoice fields read or confirmed, when there are any. */
  invoice?: DocumentInvoiceFields;
}

/** One file's answer to an upload: the document it became (the existing one for a duplicate). */
export interface IntakeView {
  id: string;
  sha256: string;
  fileName: string;
  status: DocumentStatus;
  duplicate: boolean;
  mediaType: DocumentMediaType | null;
  size: number;
  pages: number | null;
  error?: { code: string; message: string };
}

export function toDocumentView(document: DocumentRecord): DocumentView {
  return {
    id: document.id,
    sha256: document.sha256,
    fileName: document.fileName,
    mediaType: document.mediaType,
    size: document.sizeBytes,
    pages: document.pages,
    ...(document.widthPx !== null ? { widthPx: document.widthPx } : {}),
    ...(document.heightPx !== null ? { heightPx: document.heightPx } : {}),
    status: document.status,
    ...(document.errorCode ? { error: { code: document.errorCode, message: document.errorMessage ?? '' } } : {}),
    ...(document.duplicateOf ? { duplicateOf: document.duplicateOf } : {}),
    uploadedBy: document.uploadedBy,
    uploadedAt: document.uploadedAt.toISOString(),
    ...(document.announcedAt ? { announcedAt: document.announcedAt.toISOString() } : {}),
  };
}

/** A document list's row: the document and, when any were read, its invoice fields. */
export function toDocumentListView(item: DocumentListItem): DocumentView {
  return { ...toDocumentView(item), ...(item.invoice ? { invoice: item.invoice } : {}) };
}

export function toIntakeView(document: DocumentRecord, duplicate: boolean, fileName = document.fileName): IntakeView {
  return {
    id: document.id,
    sha256: document.sha256,
    fileName,
    status: document.status,
    duplicate,
    mediaType: document.mediaType,
    size: document.sizeBytes,
    pages: document.pages,
    ...(document.errorCode ? { error: { code: document.errorCode, message: document.errorMessage ?? '' } } : {}),
  };
}
