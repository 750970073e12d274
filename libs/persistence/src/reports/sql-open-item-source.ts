import type { OpenItemQuery, OpenItemRecord, OpenItemSource } from '@conveyor/reporting';
import type { DataSource } from 'typeorm';
import type { Sql } from '../repositories/sql';
import { plainSql } from '../repositories/transaction-runner';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The reading order the port promises, in byte order (COLLATE "C") so every database sorts alike. */
const ORDER = `vendor_name COLLATE "C", COALESCE(vendor_id::text, ''), currency, COALESCE(due_date, issue_date), invoice_number COLLATE "C", id`;

interface OpenItemRow {
  id: string;
  vendor_id: string | null;
  vendor_name: string;
  invoice_number: string;
  document_id: string | null;
  currency: string;
  amount_minor: string;
  issue_date: string;
  due_date: string | null;
}

/**
 * The open-items ledger for reports, read in keyset-paged batches: one batch in memory at a time and no
 * transaction held open, so an aging over 100,000 items reads in constant memory.
 */
export class SqlOpenItemSource implements OpenItemSource {
  private readonly sql: Sql;

  constructor(dataSource: DataSource, private readonly batchSize = 5000) {
    this.sql = plainSql(dataSource);
  }

  async *openItems(query: OpenItemQuery): AsyncGenerator<OpenItemRecord> {
    if (query.vendorId !== undefined && !UUID.test(query.vendorId)) return;
    let after: OpenItemRow | undefined;
    for (;;) {
      const params: unknown[] = [query.asOf];
      // Open as of the date: what is open today plus what was paid after it (settlements booked later), so an
      // aging as of last month shows last month's ledger. Days are compared in UTC.
      const where = [`status IN ('open', 'paid')`, `issue_date <= $1::date`];
      const param = (value: unknown) => {
        params.push(value);
        return `$${params.length}`;
      };
      if (query.vendorId !== undefined) where.push(`vendor_id = ${param(query.vendorId)}::uuid`);
      if (query.vendorName !== undefined) where.push(`vendor_name = ${param(query.vendorName)}`);
      if (after) {
        where.push(`(${ORDER}) > (${param(after.vendor_name)}, ${param(after.vendor_id ?? '')}, ${param(after.currency)}, ` +
          `${param(after.due_date ?? after.issue_date)}::date, ${param(after.invoice_number)}, ${param(after.id)}::uuid)`);
      }
      const rows = await this.sql<OpenItemRow>(
        `SELECT id, vendor_id, vendor_name, invoice_number, document_id, currency,
                (amount_minor + COALESCE((SELECT sum(s.amount_minor) FROM open_item_settlements s
                                           WHERE s.open_item_id = open_items.id AND s.settled_at >= ($1::date + 1)::timestamp AT TIME ZONE 'UTC'), 0))::text AS amount_minor,
                to_char(issue_date, 'YYYY-MM-DD') AS issue_date, to_char(due_date, 'YYYY-MM-DD') AS due_date
           FROM open_items WHERE ${where.join(' AND ')} ORDER BY ${ORDER} LIMIT ${param(this.batchSize)}`,
        params,
      );
      for (const row of rows) {
        // Paid in full by the as-of date: not open then.
        if (BigInt(row.amount_minor) <= 0n) continue;
        yield {
          id: row.id, vendorId: row.vendor_id, vendorName: row.vendor_name, invoiceNumber: row.invoice_number, documentId: row.document_id,
          currency: row.currency, amountMinor: BigInt(row.amount_minor), issueDate: row.issue_date, dueDate: row.due_date,
        };
      }
      if (rows.length < this.batchSize) return;
      after = rows[rows.length - 1];
    }
  }
}

/** Writes open items (tests, the benchmark, imports until reconciliation owns the table), in batches of one statement each. */
export async function insertOpenItems(dataSource: DataSource, items: readonly OpenItemRecord[], at: Date, batch = 2000): Promise<void> {
  const sql = plainSql(dataSource);
  for (let start = 0; start < items.length; start += batch) {
    const slice = items.slice(start, start + batch);
    const columns = ['id', 'vendor_id', 'vendor_name', 'invoice_number', 'document_id', 'currency', 'amount_minor', 'issue_date', 'due_date'];
    // One array parameter per column: a statement of any size has nine parameters.
    await sql(
      `INSERT INTO open_items (${columns.join(', ')}, status, created_at, updated_at)
       SELECT u.id, u.vendor_id, u.vendor_name, u.invoice_number, u.document_id, u.currency, u.amount_minor, u.issue_date, u.due_date, 'open', $10, $10
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::bigint[], $8::date[], $9::date[])
           AS u(id, vendor_id, vendor_name, invoice_number, document_id, currency, amount_minor, issue_date, due_date)`,
      [
        slice.map((item) => item.id), slice.map((item) => item.vendorId), slice.map((item) => item.vendorName), slice.map((item) => item.invoiceNumber),
        slice.map((item) => item.documentId), slice.map((item) => item.currency), slice.map((item) => item.amountMinor.toString()),
        slice.map((item) => item.issueDate), slice.map((item) => item.dueDate), at,
      ],
    );
  }
}
