import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DomainError } from '@conveyor/kernel';
import type { DocumentViewer } from './document-access';
import { inspectDocument, type InspectionResult } from './document-inspector';
import type { DocumentLimits } from './document-limits';
import type { DocumentIntakeDependencies, DocumentListQuery } from './document-ports';
import { DOCUMENT_UPLOADED_EVENT, type DocumentRecord, type DocumentUploadedPayload } from './document.model';
import { toDocumentView } from './document-views';
import { decodeCursor, encodeCursor } from './document-cursor';
import { DEFAULT_DOCUMENT_SORT, type DocumentListItem, type DocumentSearch, type DocumentSort } from './document-search';

/** One file as received: the name the uploader gave and its bytes (read when its turn comes). */
export interface IncomingDocument {
  fileName: string;
  read(): Promise<Buffer>;
}

/** What became of one file: the document (for a duplicate: the accepted one with the same bytes). */
export interface IntakeResult {
  document: DocumentRecord;
  duplicate: boolean;
  /** The name this upload gave the file (a duplicate's document keeps the first name). */
  fileName: string;
}

/** A search and one page of it: `offset` for numbered pages, or `cursor` (newest-first order only). */
export interface DocumentFilter extends DocumentSearch {
  sort?: DocumentSort;
  cursor?: string;
  offset?: number;
  limit?: number;
}

/** One page of a document list and how many documents match in all. */
export interface DocumentPage {
  items: DocumentListItem[];
  total: number;
  /** The page size used and the documents skipped before this page. */
  limit: number;
  offset: number;
  /** Where the next page starts, in the default (newest first) order only. */
  nextCursor?: string;
}

const MAX_FILE_NAME = 255;

/**
 * Document intake: every file is hashed, inspected and stored, accepted or not, so nothing disappears.
 * An accepted file is announced with `document.uploaded` (keyed by its id, so repeating it starts nothing
 * twice); the same bytes uploaded again return the accepted document with duplicate: true and announce nothing.
 */
export class DocumentIntakeService {
  constructor(private readonly deps: DocumentIntakeDependencies) {}

  get limits(): DocumentLimits {
    return this.deps.limits;
  }

  /** Takes the files one after the other, in the caller's order: one file's bytes in memory at a time. */
  async intake(files: IncomingDocument[], uploader: { id: string }): Promise<IntakeResult[]> {
    if (files.length === 0) throw new DomainError('BAD_REQUEST', 'No file was sent; send one or more files in the form field "files"');
    if (files.length > this.deps.limits.maxFilesPerUpload) {
      throw new DomainError('PAYLOAD_TOO_LARGE', `At most ${this.deps.limits.maxFilesPerUpload} files per upload; ${files.length} were sent`, {
        maxFiles: this.deps.limits.maxFilesPerUpload,
      });
    }
    const results: IntakeResult[] = [];
    for (const file of files) results.push(await this.intakeOne(file, uploader));
    return results;
  }

  async get(viewer: DocumentViewer, documentId: string): Promise<DocumentRecord> {
    const document = await this.deps.documents.find(documentId);
    if (!document || !(await this.canSee(viewer, document))) {
      throw new DomainError('DOCUMENT_NOT_FOUND', `No document "${documentId}"`, { documentId });
    }
    return document;
  }

  async list(viewer: DocumentViewer, filter: DocumentFilter): Promise<DocumentPage> {
    const { cursor, offset, sort = DEFAULT_DOCUMENT_SORT, limit: wanted, ...search } = filter;
    const limit = Math.min(Math.max(wanted ?? 50, 1), 200);
    // A cursor holds an (uploadedAt, id) position: it means nothing in another order or after an offset.
    if (cursor !== undefined && (sort !== DEFAULT_DOCUMENT_SORT || offset !== undefined)) {
      throw new DomainError('BAD_REQUEST', `A cursor pages the default order (${DEFAULT_DOCUMENT_SORT}) only and cannot be combined with offset`, { sort, offset });
    }
    const query: DocumentListQuery = {
      ...Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0))),
      sort,
      limit,
      ...(viewer.seesAll ? {} : { visibleTo: viewer.actorId }),
      ...(cursor ? { before: decodeCursor(cursor) } : {}),
      ...(offset ? { offset } : {}),
    };
    const [rows, total] = await Promise.all([this.deps.documents.list(query), this.deps.documents.count(query)]);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const more = rows.length > limit && last && sort === DEFAULT_DOCUMENT_SORT;
    return { items, total, limit, offset: offset ?? 0, ...(more ? { nextCursor: encodeCursor(last.uploadedAt, last.id) } : {}) };
  }

  /** The stored bytes (rejected documents' too: they are kept for inspection). */
  async openContent(viewer: DocumentViewer, documentId: string): Promise<{ document: DocumentRecord; content: Readable }> {
    const document = await this.get(viewer, documentId);
    return { document, content: await this.deps.store.open(document.storageKey) };
  }

  private async canSee(viewer: DocumentViewer, document: DocumentRecord): Promise<boolean> {
    if (viewer.seesAll || document.uploadedBy === viewer.actorId) return true;
    return this.deps.documents.isUploadedBy(document.id, viewer.actorId);
  }

  private async intakeOne(file: IncomingDocument, uploader: { id: string }): Promise<IntakeResult> {
    const fileName = cleanFileName(file.fileName);
    const bytes = await file.read();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const inspection = await inspectDocument(bytes, this.deps.limits);
    if (!inspection.rejection) {
      const existing = await this.deps.documents.findAccepted(sha256);
      if (existing) return this.recordDuplicate(existing, fileName, uploader);
    }
    // Rejected bytes are stored too: a person can look at what was refused.
    const storageKey = await this.deps.store.put(sha256, bytes);
    const document = this.newDocument(fileName, bytes.length, sha256, storageKey, inspection, uploader);
    const inserted = await this.deps.documents.transaction(async (tx) => {
      if (!(await tx.insert(document))) return false;
      const rejected = document.status === 'rejected';
      await this.deps.audit.record({
        actor: uploader.id,
        action: rejected ? 'document.rejected' : 'document.uploaded',
        entityType: 'document',
        entityId: document.id,
        after: toDocumentView(document),
        details: { fileName, sha256, ...(rejected ? { code: document.errorCode, reason: document.errorMessage } : {}) },
        at: document.uploadedAt,
      }, tx.handle);
      return true;
    });
    if (!inserted) {
      // Someone uploaded the same bytes at the same moment and won the race: this upload is their duplicate.
      const winner = await this.deps.documents.findAccepted(sha256);
      if (!winner) throw new DomainError('DOCUMENT_CONFLICT', `The upload of "${fileName}" clashed with another; send it again`);
      return this.recordDuplicate(winner, fileName, uploader);
    }
    return { document: document.status === 'rejected' ? document : await this.announce(document), duplicate: false, fileName };
  }

  private newDocument(fileName: string, size: number, sha256: string, storageKey: string, inspection: InspectionResult, uploader: { id: string }): DocumentRecord {
    return {
      id: this.deps.newId(),
      sha256,
      fileName,
      mediaType: inspection.mediaType,
      sizeBytes: size,
      pages: inspection.pages,
      widthPx: inspection.widthPx,
      heightPx: inspection.heightPx,
      status: inspection.rejection ? 'rejected' : 'received',
      errorCode: inspection.rejection?.code ?? null,
      errorMessage: inspection.rejection?.message ?? null,
      storageKey,
      duplicateOf: null,
      uploadedBy: uploader.id,
      uploadedAt: this.deps.clock.now(),
      announcedAt: null,
    };
  }

  /** Records who sent the bytes again (they may then read the document) and returns the accepted document. */
  private async recordDuplicate(existing: DocumentRecord, fileName: string, uploader: { id: string }): Promise<IntakeResult> {
    // A document still `received` was never announced (the event failed last time): try again now.
    const accepted = existing.status === 'received' ? await this.announce(existing) : existing;
    const duplicate: DocumentRecord = {
      ...existing,
      id: this.deps.newId(),
      fileName,
      status: 'duplicate',
      duplicateOf: existing.id,
      uploadedBy: uploader.id,
      uploadedAt: this.deps.clock.now(),
      announcedAt: null,
    };
    await this.deps.documents.transaction(async (tx) => {
      await tx.insert(duplicate);
      await this.deps.audit.record({
        actor: uploader.id,
        action: 'document.duplicate',
        entityType: 'document',
        entityId: duplicate.id,
        after: toDocumentView(duplicate),
        details: { fileName, sha256: existing.sha256, duplicateOf: existing.id },
        at: duplicate.uploadedAt,
      }, tx.handle);
    });
    return { document: accepted, duplicate: true, fileName };
  }

  /** Emits `document.uploaded`; when that fails the document stays `received` and the next upload of it retries. */
  private async announce(document: DocumentRecord): Promise<DocumentRecord> {
    if (!document.mediaType) return document;
    const payload: DocumentUploadedPayload = {
      documentId: document.id,
      sha256: document.sha256,
      mediaType: document.mediaType,
      fileName: document.fileName,
      size: document.sizeBytes,
      pages: document.pages,
      uploadedBy: document.uploadedBy,
    };
    try {
      await this.deps.events.emit(DOCUMENT_UPLOADED_EVENT, payload, { id: document.uploadedBy }, document.id);
    } catch (error) {
      this.deps.onError?.(error, { documentId: document.id, event: DOCUMENT_UPLOADED_EVENT });
      return document;
    }
    const at = this.deps.clock.now();
    await this.deps.documents.transaction((tx) => tx.markStored(document.id, at));
    this.deps.onChanged?.(document.id);
    return { ...document, status: 'stored', announcedAt: at };
  }
}

/** The base name only (no directories, no control characters), at most 255 characters. */
function cleanFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || 'unnamed').slice(0, MAX_FILE_NAME);
}
