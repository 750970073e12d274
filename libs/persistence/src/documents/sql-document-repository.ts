import type { DocumentListQuery, DocumentRecord, DocumentRepository, DocumentTransaction } from '@conveyor/documents';
import type { DataSource } from 'typeorm';
import type { Sql } from '../repositories/sql';
import { inTransaction, plainSql } from '../repositories/transaction-runner';
import { DOCUMENT_COLUMNS, documentParams, toDocumentRecord, type DocumentRow } from './document.row';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDERS = Array.from({ length: 16 }, (_, index) => `$${index + 1}`).join(', ');

/** Changes inside one transaction; `handle` is its Sql, which the audit store appends through. */
class SqlDocumentTransaction implements DocumentTransaction {
  constructor(readonly handle: Sql) {}

  async insert(document: DocumentRecord): Promise<boolean> {
    // The conflict target is the partial unique index: only accepted documents compete for a SHA-256.
    const rows = await this.handle(
      `INSERT INTO documents (${DOCUMENT_COLUMNS}) VALUES (${PLACEHOLDERS})
       ON CONFLICT (sha256) WHERE status IN ('received', 'stored') DO NOTHING RETURNING id`,
      documentParams(document),
    );
    return rows.length === 1;
  }

  async markStored(documentId: string, at: Date): Promise<void> {
    await this.handle(`UPDATE documents SET status = 'stored', announced_at = $2 WHERE id = $1 AND status = 'received'`, [documentId, at]);
  }
}

/** Documents in PostgreSQL (or PGlite): raw SQL, like the run store. */
export class SqlDocumentRepository implements DocumentRepository {
  private readonly sql: Sql;

  constructor(private readonly dataSource: DataSource) {
    this.sql = plainSql(dataSource);
  }

  transaction<T>(work: (tx: DocumentTransaction) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, (sql) => work(new SqlDocumentTransaction(sql)));
  }

  async find(documentId: string): Promise<DocumentRecord | undefined> {
    if (!UUID.test(documentId)) return undefined;
    const rows = await this.sql<DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = $1`, [documentId]);
    return rows[0] ? toDocumentRecord(rows[0]) : undefined;
  }

  async findAccepted(sha256: string): Promise<DocumentRecord | undefined> {
    const rows = await this.sql<DocumentRow>(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE sha256 = $1 AND status IN ('received', 'stored')`,
      [sha256],
    );
    return rows[0] ? toDocumentRecord(rows[0]) : undefined;
  }

  async isUploadedBy(documentId: string, actorId: string): Promise<boolean> {
    if (!UUID.test(documentId)) return false;
    const rows = await this.sql(
      `SELECT 1 FROM documents WHERE (id = $1 OR duplicate_of = $1) AND uploaded_by = $2 LIMIT 1`,
      [documentId, actorId],
    );
    return rows.length > 0;
  }

  async list(query: DocumentListQuery): Promise<DocumentRecord[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (query.status && query.status.length > 0) where.push(`status = ANY(${param(query.status)}::text[])`);
    if (query.uploadedBy !== undefined) where.push(`uploaded_by = ${param(query.uploadedBy)}`);
    if (query.visibleTo !== undefined) {
      // Their uploads, and the accepted documents whose bytes they uploaded again.
      const me = param(query.visibleTo);
      where.push(`(uploaded_by = ${me} OR id IN (SELECT d.duplicate_of FROM documents d WHERE d.uploaded_by = ${me} AND d.duplicate_of IS NOT NULL))`);
    }
    if (query.before) {
      where.push(`(uploaded_at, id) < (${param(query.before.uploadedAt)}::timestamptz, ${param(query.before.id)}::uuid)`);
    }
    const rows = await this.sql<DocumentRow>(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY uploaded_at DESC, id DESC LIMIT ${param(query.limit + 1)}`,
      params,
    );
    return rows.map(toDocumentRecord);
  }
}
