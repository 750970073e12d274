import type { Readable } from 'node:stream';
import type { AuditRecorder } from '@conveyor/audit';
import type { Clock } from '@conveyor/kernel';
import type { DocumentRecord, DocumentStatus } from './document.model';
import type { DocumentLimits } from './document-limits';

/** Where document bytes live. Keys are the store's own; the same bytes always get the same key. */
export interface DocumentStore {
  /** Stores the bytes (a no-op when they are already there) and returns their key. */
  put(sha256: string, bytes: Buffer): Promise<string>;
  /** The stored bytes as a stream; DOCUMENT_CONTENT_NOT_FOUND when the key holds nothing. */
  open(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
}

export interface DocumentListQuery {
  status?: DocumentStatus[];
  uploadedBy?: string;
  /** Only what this actor uploaded or re-uploaded (uploaders); absent = everything. */
  visibleTo?: string;
  /** Keyset paging in (uploadedAt, id) order, newest first. */
  before?: { uploadedAt: Date; id: string };
  limit: number;
}

/** Changes that commit together; `handle` is what the audit recorder writes through (the SQL transaction). */
export interface DocumentTransaction {
  readonly handle: unknown;
  /** Inserts the document; false when an accepted document with the same SHA-256 exists already. */
  insert(document: DocumentRecord): Promise<boolean>;
  markStored(documentId: string, at: Date): Promise<void>;
}

export interface DocumentRepository {
  transaction<T>(work: (tx: DocumentTransaction) => Promise<T>): Promise<T>;
  find(documentId: string): Promise<DocumentRecord | undefined>;
  /** The accepted (received or stored) document with these bytes, if any. */
  findAccepted(sha256: string): Promise<DocumentRecord | undefined>;
  /** True when the actor uploaded this document or re-uploaded its bytes. */
  isUploadedBy(documentId: string, actorId: string): Promise<boolean>;
  /** At most `limit + 1` documents, so the caller can tell whether there is a next page. */
  list(query: DocumentListQuery): Promise<DocumentRecord[]>;
}

/** Announces accepted documents: the platform's EventService (`document.uploaded` starts workflows). */
export interface DocumentEventEmitter {
  emit(event: string, payload: Record<string, unknown>, actor: { id: string }, idempotencyKey?: string): Promise<unknown>;
}

export interface DocumentIntakeDependencies {
  documents: DocumentRepository;
  store: DocumentStore;
  events: DocumentEventEmitter;
  audit: AuditRecorder;
  clock: Clock;
  limits: DocumentLimits;
  newId: () => string;
  /** Side effects that failed after the document itself was recorded (logged by the platform). */
  onError?: (error: unknown, context: Record<string, unknown>) => void;
}
