import { Readable } from 'node:stream';
import { DomainError } from '@conveyor/kernel';
import { ACCEPTED_STATUSES, type DocumentRecord } from './document.model';
import type { DocumentEventEmitter, DocumentListQuery, DocumentRepository, DocumentStore, DocumentTransaction } from './document-ports';

/** The repository contract in memory, for the intake service's unit tests (the SQL one has its own tests). */
export class InMemoryDocumentRepository implements DocumentRepository {
  readonly rows = new Map<string, DocumentRecord>();

  async transaction<T>(work: (tx: DocumentTransaction) => Promise<T>): Promise<T> {
    const rows = this.rows;
    return work({
      handle: 'in-memory',
      async insert(document) {
        const clash = [...rows.values()].some((row) => row.sha256 === document.sha256 && ACCEPTED_STATUSES.includes(row.status) && ACCEPTED_STATUSES.includes(document.status));
        if (clash) return false;
        rows.set(document.id, { ...document });
        return true;
      },
      async markStored(documentId, at) {
        const row = rows.get(documentId);
        if (row?.status === 'received') rows.set(documentId, { ...row, status: 'stored', announcedAt: at });
      },
    });
  }

  async find(documentId: string) {
    return this.rows.get(documentId);
  }

  async findAccepted(sha256: string) {
    return [...this.rows.values()].find((row) => row.sha256 === sha256 && ACCEPTED_STATUSES.includes(row.status));
  }

  async isUploadedBy(documentId: string, actorId: string) {
    return [...this.rows.values()].some((row) => (row.id === documentId || row.duplicateOf === documentId) && row.uploadedBy === actorId);
  }

  async list(query: DocumentListQuery) {
    return this.matching(query)
      .filter((row) => !query.before || row.uploadedAt < query.before.uploadedAt || (row.uploadedAt.getTime() === query.before.uploadedAt.getTime() && row.id < query.before.id))
      .slice(query.offset ?? 0, (query.offset ?? 0) + query.limit + 1)
      .map((row) => ({ ...row, invoice: null }));
  }

  async count(query: DocumentListQuery) {
    return this.matching(query).length;
  }

  /** Uploader visibility, status and uploader filters in the default order; the invoice search is SQL's alone. */
  private matching(query: DocumentListQuery): DocumentRecord[] {
    const unsupported = (['vendor', 'invoiceNumber', 'q', 'currency', 'amountMin', 'amountMax', 'issueDateFrom', 'issueDateTo', 'uploadedFrom', 'uploadedBefore'] as const)
      .filter((key) => query[key] !== undefined);
    if (unsupported.length > 0 || query.sort !== '-uploadedAt') throw new Error(`the in-memory repository does not search by ${[...unsupported, query.sort].join(', ')}`);
    const mine = (row: DocumentRecord) =>
      row.uploadedBy === query.visibleTo || [...this.rows.values()].some((other) => other.duplicateOf === row.id && other.uploadedBy === query.visibleTo);
    return [...this.rows.values()]
      .filter((row) => !query.status || query.status.includes(row.status))
      .filter((row) => query.uploadedBy === undefined || row.uploadedBy === query.uploadedBy)
      .filter((row) => query.visibleTo === undefined || mine(row))
      .sort((a, b) => b.uploadedAt.getTime() - a.uploadedAt.getTime() || b.id.localeCompare(a.id));
  }
}

export class InMemoryDocumentStore implements DocumentStore {
  readonly files = new Map<string, Buffer>();

  async put(sha256: string, bytes: Buffer) {
    this.files.set(sha256, Buffer.from(bytes));
    return sha256;
  }

  async open(key: string) {
    const bytes = this.files.get(key);
    if (!bytes) throw new DomainError('DOCUMENT_CONTENT_NOT_FOUND', `nothing under ${key}`);
    return Readable.from([bytes]);
  }

  async exists(key: string) {
    return this.files.has(key);
  }
}

/** Records what was emitted; `failNext` makes the next emit throw, as a broken workflow start would. */
export class RecordingEvents implements DocumentEventEmitter {
  readonly emitted: { event: string; payload: Record<string, unknown>; actor: string; key?: string }[] = [];
  failNext = false;

  async emit(event: string, payload: Record<string, unknown>, actor: { id: string }, idempotencyKey?: string) {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('no runs could be started');
    }
    this.emitted.push({ event, payload, actor: actor.id, key: idempotencyKey });
    return [];
  }
}
