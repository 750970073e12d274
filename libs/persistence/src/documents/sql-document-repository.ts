import type { DocumentListItem, DocumentListQuery, DocumentRecord, DocumentRepository, DocumentTransaction } from '@conveyor/documents';
import type { DataSource } from 'typeorm';
import type { Sql } from '../repositories/sql';
import { inTransaction, plainSql } from '../repositories/transaction-runner';
import { DOCUMENT_COLUMNS, documentParams, toDocumentRecord, type DocumentRow } from './document.row';
import { DOCUMENT_LIST_COLUMNS, DOCUMENT_LIST_FROM, documentListOrder, documentListWhere, toDocumentListItem, type DocumentListRow } from './document-list.sql';

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

  async list(query: DocumentListQuery): Promise<DocumentListItem[]> {
    const { where, params, param } = documentListWhere(query);
    const rows = await this.sql<DocumentListRow>(
      `SELECT ${DOCUMENT_LIST_COLUMNS} FROM ${DOCUMENT_LIST_FROM} ${where}
       ORDER BY ${documentListOrder(query.sort)} LIMIT ${param(query.limit + 1)} OFFSET ${param(query.offset ?? 0)}`,
      params,
    );
    return rows.map(toDocumentListItem);
  }

  async count(query: DocumentListQuery): Promise<number> {
    // The keyset position is a page's, not the search's: the total counts every match.
    const { where, params } = documentListWhere({ ...query, before: undefined });
    const rows = await this.sql<{ total: string | number }>(`SELECT count(*) AS total FROM ${DOCUMENT_LIST_FROM} ${where}`, params);
    return Number(rows[0]?.total ?? 0);
  }
}
