export {
  AMOUNT_FIELD_NAMES,
  DATE_FIELD_NAMES,
  DOCUMENT_KINDS,
  EXTRACTION_RESULT_JSON_SCHEMA_PATH,
  FIELD_SOURCES,
  INVOICE_FIELD_NAMES,
  ISSUE_SEVERITIES,
  boundingBoxSchema,
  currencyCodeSchema,
  decimalStringSchema,
  extractionIssueSchema,
  extractionResultJsonSchema,
  extractionResultJsonSchemaText,
  extractionResultSchema,
  invoiceFieldsSchema,
  isoDateSchema,
  lineItemSchema,
  xmlField,
} from './extraction-result';
export type {
  BoundingBox,
  DocumentKind,
  ExtractedField,
  ExtractionIssue,
  ExtractionResult,
  FieldSource,
  InvoiceFieldName,
  InvoiceFields,
  IssueSeverity,
  LineItem,
} from './extraction-result';
// Document intake (upload, detection, limits, duplicates, storage).
export { DOCUMENT_MEDIA_TYPES, DOCUMENT_STATUSES, ACCEPTED_STATUSES, DOCUMENT_UPLOADED_EVENT, isDocumentMediaType, isDocumentStatus } from './document.model';
export type { DocumentMediaType, DocumentRecord, DocumentRejection, DocumentRejectionCode, DocumentStatus, DocumentUploadedPayload } from './document.model';
export { DEFAULT_DOCUMENT_LIMITS, describeBytes } from './document-limits';
export type { DocumentLimits } from './document-limits';
export { detectContent } from './content-detection';
export type { DetectedContent } from './content-detection';
export { inspectDocument } from './document-inspector';
export type { InspectionResult } from './document-inspector';
export { DocumentIntakeService } from './document-intake.service';
export type { DocumentFilter, DocumentPage, IncomingDocument, IntakeResult } from './document-intake.service';
export { DEFAULT_DOCUMENT_SORT, DOCUMENT_SORT_FIELDS, DOCUMENT_SORTS } from './document-search';
export type { DocumentListItem, DocumentSearch, DocumentSort, DocumentSortField } from './document-search';
export type { DocumentEventEmitter, DocumentIntakeDependencies, DocumentListQuery, DocumentRepository, DocumentStore, DocumentTransaction } from './document-ports';
export { ROLES_THAT_SEE_ALL_DOCUMENTS, documentViewer } from './document-access';
export type { DocumentViewer } from './document-access';
export { toDocumentListView, toDocumentView, toIntakeView } from './document-views';
export type { DocumentView, IntakeView } from './document-views';
export { LocalDiskDocumentStore } from './local-disk-document-store';
export { S3DocumentStore } from './s3-document-store';
export type { S3DocumentStoreOptions } from './s3-document-store';
// The invoice register: duplicate detection, confirmations and corrections.
export * from './invoice-register';
