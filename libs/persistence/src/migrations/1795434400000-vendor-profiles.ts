import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The invoice register (issue 4): one row per extracted invoice document with the keys duplicate detection
 * compares; people's confirmations and the fields they corrected; and the vendor extraction profiles learned
 * from confirmed documents only.
 */
export class VendorProfiles1795434400000 implements MigrationInterface {
  readonly name = 'VendorProfiles1795434400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}

const UP: string[] = [
  `CREATE TABLE invoice_register (
    document_id uuid NOT NULL,
    run_id uuid NOT NULL,
    vendor_vat_key text NULL,
    vendor_iban_key text NULL,
    vendor_name_key text NULL,
    invoice_number_key text NULL,
    issue_date date NULL,
    total_gross numeric(24, 6) NULL,
    currency char(3) NULL,
    registered_at timestamptz NOT NULL,
    CONSTRAINT pk_invoice_register PRIMARY KEY (document_id),
    CONSTRAINT fk_invoice_register_document FOREIGN KEY (document_id) REFERENCES documents (id)
  )`,
  `CREATE INDEX ix_invoice_register_vat ON invoice_register (vendor_vat_key) WHERE vendor_vat_key IS NOT NULL`,
  `CREATE INDEX ix_invoice_register_iban ON invoice_register (vendor_iban_key) WHERE vendor_iban_key IS NOT NULL`,
  `CREATE INDEX ix_invoice_register_name ON invoice_register (vendor_name_key) WHERE vendor_name_key IS NOT NULL`,
  `CREATE TABLE invoice_confirmations (
    document_id uuid NOT NULL,
    run_id uuid NOT NULL,
    confirmed_values jsonb NOT NULL,
    confirmed_by text[] NOT NULL,
    confirmed_at timestamptz NOT NULL,
    CONSTRAINT pk_invoice_confirmations PRIMARY KEY (document_id, run_id),
    CONSTRAINT fk_invoice_confirmations_document FOREIGN KEY (document_id) REFERENCES documents (id)
  )`,
  `CREATE TABLE field_corrections (
    document_id uuid NOT NULL,
    run_id uuid NOT NULL,
    field text NOT NULL,
    extracted_value text NULL,
    corrected_value text NULL,
    corrected_by text[] NOT NULL,
    corrected_at timestamptz NOT NULL,
    CONSTRAINT pk_field_corrections PRIMARY KEY (document_id, run_id, field),
    CONSTRAINT fk_field_corrections_confirmation FOREIGN KEY (document_id, run_id) REFERENCES invoice_confirmations (document_id, run_id)
  )`,
  `CREATE INDEX ix_field_corrections_at ON field_corrections (corrected_at, field)`,
  `CREATE TABLE vendor_profiles (
    vendor_key text NOT NULL,
    profile jsonb NOT NULL,
    confirmations int NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT pk_vendor_profiles PRIMARY KEY (vendor_key)
  )`,
];
const DOWN: string[] = ['DROP TABLE IF EXISTS vendor_profiles', 'DROP TABLE IF EXISTS field_corrections', 'DROP TABLE IF EXISTS invoice_confirmations', 'DROP TABLE IF EXISTS invoice_register'];
