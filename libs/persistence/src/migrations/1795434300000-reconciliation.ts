import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Vendors, purchase orders, goods receipts, open items, bank statements and matches (issue 5). */
export class Reconciliation1795434300000 implements MigrationInterface {
  readonly name = 'Reconciliation1795434300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}

const UP: string[] = [
  /**
   * The accounts-payable open-items ledger: one row per invoice we still owe (wholly or in part).
   * amount_minor is the amount still open in minor units of the currency (cents; whole yen), positive for
   * a payable; a payment lowers it, and an item paid in full becomes status 'paid'. due_date null means due
   * on issue. The AP aging and vendor statement reports read it (libs/persistence/src/reports); the
   * reconciliation tables (vendors, matches, bank lines) join here later.
   */
  `CREATE TABLE open_items (
    id uuid NOT NULL,
    vendor_id uuid NULL,
    vendor_name text NOT NULL,
    vendor_iban text NULL,
    invoice_number text NOT NULL,
    document_id uuid NULL,
    currency char(3) NOT NULL,
    amount_minor bigint NOT NULL,
    issue_date date NOT NULL,
    due_date date NULL,
    status text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT pk_open_items PRIMARY KEY (id),
    CONSTRAINT ck_open_items_currency CHECK (currency ~ '^[A-Z]{3}$')
  )`,
  // The aging's reading order (see SqlOpenItemSource): open items by vendor, currency and due date.
  `CREATE INDEX ix_open_items_aging ON open_items (vendor_name COLLATE "C", (COALESCE(vendor_id::text, '')), currency, (COALESCE(due_date, issue_date)), invoice_number COLLATE "C", id) WHERE status = 'open'`,
];
const DOWN: string[] = [`DROP TABLE IF EXISTS open_items`];
