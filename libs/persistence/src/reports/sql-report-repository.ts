import type { ReportFormat, ReportListQuery, ReportRecord, ReportRepository, ReportStatus } from '@conveyor/reporting';
import type { DataSource } from 'typeorm';
import { json, type Sql } from '../repositories/sql';
import { plainSql } from '../repositories/transaction-runner';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLUMNS = `id, type, parameters, format, status, file_key, file_name, size_bytes, sha256, created_by, created_at, finished_at, error, idempotency_key`;

interface ReportRow {
  id: string;
  type: string;
  parameters: Record<string, unknown> | string;
  format: string;
  status: string;
  file_key: string | null;
  file_name: string;
  size_bytes: string | number | null;
  sha256: string | null;
  created_by: string;
  created_at: Date | string;
  finished_at: Date | string | null;
  error: { code: string; message: string } | string | null;
  idempotency_key: string | null;
}

/** The `reports` table, raw SQL like the other stores. */
export class SqlReportRepository implements ReportRepository {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = plainSql(dataSource);
  }

  async insert(report: ReportRecord): Promise<boolean> {
    const rows = await this.sql(
      `INSERT INTO reports (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING RETURNING id`,
      [
        report.id, report.type, json(report.parameters), report.format, report.status, report.fileKey, report.fileName, report.sizeBytes, report.sha256,
        report.createdBy, report.createdAt, report.finishedAt, json(report.error ?? undefined), report.idempotencyKey,
      ],
    );
    return rows.length === 1;
  }

  async finish(id: string, outcome: Pick<ReportRecord, 'status' | 'fileKey' | 'sizeBytes' | 'sha256' | 'finishedAt' | 'error'>): Promise<void> {
    await this.sql(
      `UPDATE reports SET status = $2, file_key = $3, size_bytes = $4, sha256 = $5, finished_at = $6, error = $7 WHERE id = $1`,
      [id, outcome.status, outcome.fileKey, outcome.sizeBytes, outcome.sha256, outcome.finishedAt, json(outcome.error ?? undefined)],
    );
  }

  async find(id: string): Promise<ReportRecord | undefined> {
    if (!UUID.test(id)) return undefined;
    const [row] = await this.sql<ReportRow>(`SELECT ${COLUMNS} FROM reports WHERE id = $1`, [id]);
    return row ? toReport(row) : undefined;
  }

  async findByIdempotencyKey(key: string): Promise<ReportRecord | undefined> {
    const [row] = await this.sql<ReportRow>(`SELECT ${COLUMNS} FROM reports WHERE idempotency_key = $1`, [key]);
    return row ? toReport(row) : undefined;
  }

  async list(query: ReportListQuery): Promise<ReportRecord[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (query.type !== undefined) where.push(`type = ${param(query.type)}`);
    if (query.before) {
      if (!UUID.test(query.before.id)) return [];
      where.push(`(created_at, id) < (${param(query.before.createdAt)}::timestamptz, ${param(query.before.id)}::uuid)`);
    }
    const rows = await this.sql<ReportRow>(
      `SELECT ${COLUMNS} FROM reports ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ${param(query.limit + 1)}`,
      params,
    );
    return rows.map(toReport);
  }
}

function toReport(row: ReportRow): ReportRecord {
  const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
  return {
    id: row.id,
    type: row.type,
    parameters: parsed(row.parameters),
    format: row.format as ReportFormat,
    status: row.status as ReportStatus,
    fileKey: row.file_key,
    fileName: row.file_name,
    sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
    sha256: row.sha256,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at),
    error: row.error === null ? null : parsed(row.error),
    idempotencyKey: row.idempotency_key,
  };
}
