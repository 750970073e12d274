import type { AuditRecorder } from '@conveyor/audit';
import {
  invoiceFieldsOf, type FieldCorrection, type InvoiceConfirmation, type InvoiceSearchFields, type InvoiceFieldsRecorder, type InvoiceIdentity, type InvoiceRegister,
  type RegisteredInvoice,
} from '@conveyor/documents';
import type { DataSource } from 'typeorm';
import type { Sql } from '../repositories/sql';
import { inTransaction, plainSql } from '../repositories/transaction-runner';

interface RegisterRow {
  document_id: string;
  vendor_vat_key: string | null;
  vendor_iban_key: string | null;
  vendor_name_key: string | null;
  invoice_number_key: string | null;
  issue_date: string | Date | null;
  total_gross: string | null;
  currency: string | null;
  registered_at: Date;
}

function isoDate(value: string | Date | null): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  // node-postgres turns a date into local midnight; format it back in local time.
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

/** numeric(24,6) comes back as "1190.500000": the register compares amounts without trailing zeros. */
function amount(value: string | null): string | null {
  if (value === null) return null;
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

function toRegistered(row: RegisterRow): RegisteredInvoice {
  return {
    documentId: row.document_id,
    registeredAt: new Date(row.registered_at),
    identity: {
      vendorVatKey: row.vendor_vat_key,
      vendorIbanKey: row.vendor_iban_key,
      vendorNameKey: row.vendor_name_key,
      invoiceNumberKey: row.invoice_number_key,
      issueDate: isoDate(row.issue_date),
      totalGross: amount(row.total_gross),
      currency: row.currency?.trim() ?? null,
    },
  };
}

const UPSERT_FIELDS = `INSERT INTO document_invoice_fields (document_id, vendor_name, invoice_number, issue_date, total_gross, currency, confirmed_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT (document_id) DO UPDATE SET vendor_name = EXCLUDED.vendor_name, invoice_number = EXCLUDED.invoice_number, issue_date = EXCLUDED.issue_date,
    total_gross = EXCLUDED.total_gross, currency = EXCLUDED.currency, confirmed_at = EXCLUDED.confirmed_at, updated_at = EXCLUDED.updated_at`;

function fieldParams(documentId: string, fields: InvoiceSearchFields, confirmedAt: Date | null, at: Date): unknown[] {
  return [documentId, fields.vendorName, fields.invoiceNumber, fields.issueDate, fields.totalGross, fields.currency, confirmedAt, at];
}

/** The invoice register in PostgreSQL (or PGlite), and the document list's invoice fields (document_invoice_fields). */
export class SqlInvoiceRegister implements InvoiceRegister, InvoiceFieldsRecorder {
  private readonly sql: Sql;

  constructor(private readonly dataSource: DataSource) {
    this.sql = plainSql(dataSource);
  }

  registerAndFindCandidates(documentId: string, runId: string, identity: InvoiceIdentity, at: Date): Promise<RegisteredInvoice[]> {
    const keys = [identity.vendorVatKey && `vat:${identity.vendorVatKey}`, identity.vendorIbanKey && `iban:${identity.vendorIbanKey}`, identity.vendorNameKey && `name:${identity.vendorNameKey}`]
      .filter((key): key is string => Boolean(key))
      .sort();
    return inTransaction(this.dataSource, async (sql) => {
      // Two copies of one invoice registered at the same moment share a vendor key: the lock orders them, so
      // the second sees the first (sorted keys: no deadlock between two vendors' transactions).
      for (const key of keys) await sql(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`invoice-register:${key}`]);
      await sql(
        `INSERT INTO invoice_register (document_id, run_id, vendor_vat_key, vendor_iban_key, vendor_name_key, invoice_number_key, issue_date, total_gross, currency, registered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (document_id) DO UPDATE SET run_id = EXCLUDED.run_id, vendor_vat_key = EXCLUDED.vendor_vat_key, vendor_iban_key = EXCLUDED.vendor_iban_key,
           vendor_name_key = EXCLUDED.vendor_name_key, invoice_number_key = EXCLUDED.invoice_number_key, issue_date = EXCLUDED.issue_date,
           total_gross = EXCLUDED.total_gross, currency = EXCLUDED.currency`,
        [documentId, runId, identity.vendorVatKey, identity.vendorIbanKey, identity.vendorNameKey, identity.invoiceNumberKey, identity.issueDate, identity.totalGross, identity.currency, at],
      );
      const rows = (await sql(
        `SELECT document_id, vendor_vat_key, vendor_iban_key, vendor_name_key, invoice_number_key, issue_date::text AS issue_date, total_gross::text AS total_gross, currency, registered_at
           FROM invoice_register
          WHERE document_id <> $1
            AND ((vendor_vat_key IS NOT NULL AND vendor_vat_key = $2) OR (vendor_iban_key IS NOT NULL AND vendor_iban_key = $3) OR (vendor_name_key IS NOT NULL AND vendor_name_key = $4))
          ORDER BY registered_at, document_id
          LIMIT 500`,
        [documentId, identity.vendorVatKey, identity.vendorIbanKey, identity.vendorNameKey],
      )) as RegisterRow[];
      return rows.map(toRegistered);
    });
  }

  confirm(confirmation: InvoiceConfirmation, audit: AuditRecorder): Promise<boolean> {
    return inTransaction(this.dataSource, async (sql) => {
      const inserted = await sql(
        `INSERT INTO invoice_confirmations (document_id, run_id, confirmed_values, confirmed_by, confirmed_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (document_id, run_id) DO NOTHING RETURNING document_id`,
        [confirmation.documentId, confirmation.runId, JSON.stringify(confirmation.values), confirmation.confirmedBy, confirmation.confirmedAt],
      );
      if (inserted.length === 0) return false;
      for (const correction of confirmation.corrections) {
        await sql(
          `INSERT INTO field_corrections (document_id, run_id, field, extracted_value, corrected_value, corrected_by, corrected_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [confirmation.documentId, confirmation.runId, correction.field, correction.extracted, correction.corrected, confirmation.confirmedBy, confirmation.confirmedAt],
        );
      }
      // What the accountant confirmed is what the document list searches from now on; a later confirmation replaces it.
      await sql(`${UPSERT_FIELDS} WHERE document_invoice_fields.confirmed_at IS NULL OR document_invoice_fields.confirmed_at <= EXCLUDED.confirmed_at`,
        fieldParams(confirmation.documentId, invoiceFieldsOf(confirmation.values), confirmation.confirmedAt, confirmation.confirmedAt));
      await audit.record({
        actor: confirmation.confirmedBy[0],
        action: 'invoice.confirmed',
        entityType: 'document',
        entityId: confirmation.documentId,
        runId: confirmation.runId,
        after: confirmation.values,
        details: { confirmedBy: confirmation.confirmedBy, corrections: confirmation.corrections },
        at: confirmation.confirmedAt,
      }, sql);
      return true;
    });
  }

  async recordExtracted(documentId: string, fields: InvoiceSearchFields, at: Date): Promise<void> {
    // A re-extraction (a retry, a re-run) never undoes what a person confirmed.
    await this.sql(`${UPSERT_FIELDS} WHERE document_invoice_fields.confirmed_at IS NULL`, fieldParams(documentId, fields, null, at));
  }

  async corrections(documentId: string): Promise<FieldCorrection[]> {
    const rows = (await this.sql(
      `SELECT field, extracted_value, corrected_value FROM field_corrections WHERE document_id = $1 ORDER BY corrected_at, field`,
      [documentId],
    )) as { field: string; extracted_value: string | null; corrected_value: string | null }[];
    return rows.map((row) => ({ field: row.field, extracted: row.extracted_value, corrected: row.corrected_value }));
  }
}
