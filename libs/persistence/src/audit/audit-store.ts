import type { DataSource } from 'typeorm';
import { ChainVerifier, sealRecord, type AuditEntry, type AuditRecord, type AuditRecorder, type ChainHead, type ChainVerdict } from '@conveyor/audit';
import { DomainError, newId, systemClock, type Clock } from '@conveyor/kernel';
import type { Sql } from '../repositories/sql';
import { inTransaction, plainSql } from '../repositories/transaction-runner';
import { AUDIT_COLUMNS, jsonbParam, toAuditRecord } from './audit.row';
import { decodeCursor, encodeCursor, filterConditions, type AuditFilter, type AuditQuery } from './audit-filter';

/** The verdict of verify(), with the head it was checked against (null when the head row is gone). */
export interface AuditVerification extends ChainVerdict {
  head: ChainHead | null;
}

export interface AuditPage {
  items: AuditRecord[];
  nextCursor?: string;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
const READ_BATCH = 500;

/**
 * The audit trail in PostgreSQL: appends chained records, reads them for auditors, and verifies the
 * chain. Appends take the head's row lock, so concurrent appends queue up and the chain never forks;
 * an append inside a caller's transaction holds that lock until the caller commits, so callers append
 * last, just before they commit.
 */
export class AuditStore implements AuditRecorder {
  private readonly sql: Sql;

  constructor(private readonly dataSource: DataSource, private readonly clock: Clock = systemClock) {
    this.sql = plainSql(dataSource);
  }

  /** Appends one record: inside the caller's transaction when `sql` is given, else in a transaction of its own. */
  append(entry: AuditEntry, sql?: Sql): Promise<AuditRecord> {
    return sql ? this.appendWith(sql, entry) : inTransaction(this.dataSource, (own) => this.appendWith(own, entry));
  }

  /** The AuditRecorder port: `transaction` is a transaction's Sql, or absent. */
  async record(entry: AuditEntry, transaction?: unknown): Promise<void> {
    if (transaction !== undefined && typeof transaction !== 'function') {
      throw new DomainError('AUDIT_TRANSACTION_INVALID', 'An audit record can only join a transaction given as its Sql function');
    }
    await this.append(entry, transaction as Sql | undefined);
  }

  /** One page of records matching the filter, newest first unless order is 'asc'. */
  async query(query: AuditQuery = {}): Promise<AuditPage> {
    const limit = Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
    const order = query.order === 'asc' ? 'ASC' : 'DESC';
    const params: unknown[] = [];
    const conditions = filterConditions(query, params);
    if (query.cursor !== undefined) {
      params.push(decodeCursor(query.cursor));
      conditions.push(`seq ${order === 'ASC' ? '>' : '<'} $${params.length}`);
    }
    params.push(limit + 1);
    const rows = await this.sql(
      `SELECT ${AUDIT_COLUMNS} FROM audit_records ${where(conditions)} ORDER BY seq ${order} LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit).map(toAuditRecord);
    return rows.length > limit ? { items, nextCursor: encodeCursor(items[items.length - 1].seq) } : { items };
  }

  /** Every record matching the filter in chain order, read in batches (constant memory, no long transaction). */
  async *export(filter: AuditFilter = {}): AsyncGenerator<AuditRecord> {
    let after = 0;
    for (;;) {
      const params: unknown[] = [];
      const conditions = filterConditions(filter, params);
      params.push(after);
      conditions.push(`seq > $${params.length}`);
      params.push(READ_BATCH);
      const rows = await this.sql(
        `SELECT ${AUDIT_COLUMNS} FROM audit_records ${where(conditions)} ORDER BY seq LIMIT $${params.length}`,
        params,
      );
      for (const row of rows) yield toAuditRecord(row);
      if (rows.length < READ_BATCH) return;
      after = Number(rows[rows.length - 1]['seq']);
    }
  }

  /**
   * Checks every record against its hash and its predecessor, and the last one against the head.
   * Reads in batches outside any transaction; records appended meanwhile are read too, since the head
   * (read last) can only be ahead of what was read, never behind it.
   */
  async verify(): Promise<AuditVerification> {
    const verifier = new ChainVerifier();
    let head: ChainHead | undefined;
    for (;;) {
      const rows = await this.sql(`SELECT ${AUDIT_COLUMNS} FROM audit_records WHERE seq > $1 ORDER BY seq LIMIT $2`, [verifier.lastSeq, READ_BATCH]);
      for (const row of rows) verifier.push(toAuditRecord(row));
      if (rows.length === READ_BATCH && !verifier.isBroken) continue;
      head = await this.head();
      if (verifier.isBroken || rows.length === 0 || !head || head.seq <= verifier.lastSeq) break;
    }
    if (!head) {
      const verdict = verifier.finish();
      const seq = verifier.lastSeq;
      return verdict.ok
        ? { ok: false, checked: verdict.checked, firstBroken: { seq, reason: 'head-mismatch', message: "the trail's head row is missing" }, head: null }
        : { ...verdict, head: null };
    }
    return { ...verifier.finish(head), head };
  }

  /** The last record's seq and hash as the trail last advanced them ({ seq: 0 } when empty). */
  async head(sql: Sql = this.sql): Promise<ChainHead | undefined> {
    const [row] = await sql(`SELECT last_seq, last_hash FROM audit_head WHERE id = 1`);
    return row ? { seq: Number(row['last_seq']), hash: String(row['last_hash']) } : undefined;
  }

  private async appendWith(sql: Sql, entry: AuditEntry): Promise<AuditRecord> {
    const [head] = await sql(`SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE`);
    if (!head) throw new DomainError('AUDIT_TRAIL_BROKEN', "The audit trail's head row is missing: nothing can be recorded until it is restored");
    const record = sealRecord(entry, { seq: Number(head['last_seq']) + 1, id: newId(), at: entry.at ?? this.clock.now(), prevHash: String(head['last_hash']) });
    // The insert trigger moves the head to this record (and refuses a record that does not extend it).
    await sql(
      `INSERT INTO audit_records (${AUDIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        record.seq, record.id, record.at, record.actor, record.action, record.entityType, record.entityId, jsonbParam(record.before),
        jsonbParam(record.after), record.workflowId, record.revision, record.runId, jsonbParam(record.details), record.prevHash, record.hash,
      ],
    );
    return record;
  }
}

function where(conditions: string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}
