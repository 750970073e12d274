import type { MigrationInterface, QueryRunner } from 'typeorm';
import { hasInvoiceFields, invoiceFieldsOf, type InvoiceSearchFields } from '@conveyor/documents';

/**
 * The document list's search columns (issue 7): one row per document with the invoice fields people search
 * and sort by (vendor, number, issue date, total gross, currency), as extracted and, once an accountant
 * confirmed them, as confirmed. Extracted values otherwise live only inside step outputs (jsonb), which no
 * index reaches. Vendor and number are matched as substrings, which no B-tree serves: the table is kept narrow
 * so that scan is cheap; the amount and date ranges have their own indexes.
 *
 * Existing documents are filled in from what was recorded before: the outputs of succeeded `extract` steps
 * (recognised by their output keys) and the latest confirmation of each document, which wins.
 */
export class DocumentInvoiceFields1795434720000 implements MigrationInterface {
  readonly name = 'DocumentInvoiceFields1795434720000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
    await backfill(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS document_invoice_fields`);
  }
}

const UP = [
  `CREATE TABLE document_invoice_fields (
    document_id uuid NOT NULL,
    vendor_name text NULL,
    invoice_number text NULL,
    issue_date date NULL,
    total_gross numeric(24, 6) NULL,
    currency char(3) NULL,
    confirmed_at timestamptz NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT pk_document_invoice_fields PRIMARY KEY (document_id),
    CONSTRAINT fk_document_invoice_fields_document FOREIGN KEY (document_id) REFERENCES documents (id)
  )`,
  `CREATE INDEX ix_document_invoice_fields_issue_date ON document_invoice_fields (issue_date) WHERE issue_date IS NOT NULL`,
  `CREATE INDEX ix_document_invoice_fields_total_gross ON document_invoice_fields (total_gross) WHERE total_gross IS NOT NULL`,
];

const UPSERT = `INSERT INTO document_invoice_fields (document_id, vendor_name, invoice_number, issue_date, total_gross, currency, confirmed_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT (document_id) DO UPDATE SET vendor_name = EXCLUDED.vendor_name, invoice_number = EXCLUDED.invoice_number, issue_date = EXCLUDED.issue_date,
    total_gross = EXCLUDED.total_gross, currency = EXCLUDED.currency, confirmed_at = EXCLUDED.confirmed_at, updated_at = EXCLUDED.updated_at`;

function params(documentId: string, fields: InvoiceSearchFields, confirmedAt: Date | null, at: Date): unknown[] {
  return [documentId, fields.vendorName, fields.invoiceNumber, fields.issueDate, fields.totalGross, fields.currency, confirmedAt, at];
}

// The values are parsed in TypeScript (the same rules as at run time), not cast in SQL, where one
// malformed date in an old step output would fail the whole migration.
async function backfill(queryRunner: QueryRunner): Promise<void> {
  const extracted = (await queryRunner.query(
    `SELECT DISTINCT ON (s.input->>'documentId') d.id AS document_id, s.outputs->'values' AS extracted, COALESCE(s.finished_at, s.queued_at) AS at
       FROM step_executions s JOIN documents d ON d.id::text = s.input->>'documentId'
      WHERE s.status = 'succeeded' AND s.outputs ? 'values' AND s.outputs ? 'fields' AND s.outputs ? 'needsReview' AND jsonb_typeof(s.outputs->'values') = 'object'
      ORDER BY s.input->>'documentId', COALESCE(s.finished_at, s.queued_at) DESC`,
  )) as { document_id: string; extracted: Record<string, unknown>; at: Date }[];
  for (const row of extracted) {
    const fields = invoiceFieldsOf(row.extracted);
    if (hasInvoiceFields(fields)) await queryRunner.query(UPSERT, params(row.document_id, fields, null, new Date(row.at)));
  }
  const confirmed = (await queryRunner.query(
    `SELECT DISTINCT ON (document_id) document_id, confirmed_values, confirmed_at FROM invoice_confirmations ORDER BY document_id, confirmed_at DESC`,
  )) as { document_id: string; confirmed_values: Record<string, unknown>; confirmed_at: Date }[];
  for (const row of confirmed) {
    const at = new Date(row.confirmed_at);
    await queryRunner.query(UPSERT, params(row.document_id, invoiceFieldsOf(row.confirmed_values), at, at));
  }
}
