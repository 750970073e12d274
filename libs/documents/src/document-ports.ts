import type { Readable } from 'node:stream';
import type { AuditRecorder } from '@conveyor/audit';
import type { Clock } from '@conveyor/kernel';
import type { DocumentRecord } from './document.model';
import type { DocumentLimits } from './document-limits';
import type { DocumentListItem, DocumentSearch, DocumentSort } from './document-search';

/** Where document bytes live. Keys are the store's own; the same bytes always get the same key. */
export interface DocumentStore {
  /** Stores the bytes (a no-op when they are already there) and returns their key. */
  put(sha256: string, bytes: Buffer): Promise<string>;
  /** The stored bytes as a stream; DOCUMENT_CONTENT_NOT_FOUND when the key holds nothing. */
  open(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
}

export interface DocumentListQuery extends DocumentSearch {
  /** Only what this actor uploaded or re-uploaded (uploaders); absent = everything. */
  visibleTo?: string;
  sort: DocumentSort;
  /** Keyset paging in (uploadedAt, id) order, newest first (the default sort only). */
  before?: { uploadedAt: Date; id: string };
  offset?: number;
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
  list(query: DocumentListQuery): Promise<DocumentListItem[]>;
  /** How many documents match the query's filters (its sort and paging aside). */
  count(query: DocumentListQuery): Promise<number>;
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
  /** Told after a document's status changed and was committed (live views re-read it). */
  onChanged?: (documentId: string) => void;
}
