import type { DocumentMediaType, DocumentRecord, DocumentRejectionCode, DocumentStatus } from '@conveyor/documents';

export const DOCUMENT_COLUMNS = `id, sha256, file_name, media_type, size_bytes, pages, width_px, height_px, status, error_code, error_message,
  storage_key, duplicate_of, uploaded_by, uploaded_at, announced_at`;

export interface DocumentRow {
  id: string;
  sha256: string;
  file_name: string;
  media_type: string | null;
  size_bytes: string | number;
  pages: number | null;
  width_px: number | null;
  height_px: number | null;
  status: string;
  error_code: string | null;
  error_message: string | null;
  storage_key: string;
  duplicate_of: string | null;
  uploaded_by: string;
  uploaded_at: Date | string;
  announced_at: Date | string | null;
}

/** A row as the domain's record (bigint arrives as text from pg; timestamps as Date or text). */
export function toDocumentRecord(row: DocumentRow): DocumentRecord {
  return {
    id: String(row.id),
    sha256: String(row.sha256),
    fileName: row.file_name,
    mediaType: row.media_type as DocumentMediaType | null,
    sizeBytes: Number(row.size_bytes),
    pages: row.pages === null ? null : Number(row.pages),
    widthPx: row.width_px === null ? null : Number(row.width_px),
    heightPx: row.height_px === null ? null : Number(row.height_px),
    status: row.status as DocumentStatus,
    errorCode: row.error_code as DocumentRejectionCode | null,
    errorMessage: row.error_message,
    storageKey: row.storage_key,
    duplicateOf: row.duplicate_of === null ? null : String(row.duplicate_of),
    uploadedBy: row.uploaded_by,
    uploadedAt: new Date(row.uploaded_at),
    announcedAt: row.announced_at === null ? null : new Date(row.announced_at),
  };
}

/** The INSERT parameters, in DOCUMENT_COLUMNS order. */
export function documentParams(document: DocumentRecord): unknown[] {
  return [
    document.id, document.sha256, document.fileName, document.mediaType, document.sizeBytes, document.pages, document.widthPx, document.heightPx,
    document.status, document.errorCode, document.errorMessage, document.storageKey, document.duplicateOf, document.uploadedBy,
    document.uploadedAt, document.announcedAt,
  ];
}
