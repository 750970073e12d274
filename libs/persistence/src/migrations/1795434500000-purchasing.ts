import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Purchasing master and ledger data (issue 5): vendors with their names, VAT ids and IBANs; purchase orders
 * and their lines; goods receipts; and the quantities each invoice document drew on an order line, so the next
 * invoice against the same order is checked against what is left. Quantities and prices are exact numerics.
 */
export class Purchasing1795434500000 implements MigrationInterface {
  readonly name = 'Purchasing1795434500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['po_line_invoices', 'goods_receipt_lines', 'goods_receipts', 'purchase_order_lines', 'purchase_orders', 'vendors']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}

const UP = [
  `CREATE TABLE vendors (
    id uuid NOT NULL,
    name text NOT NULL,
    aliases text[] NOT NULL DEFAULT '{}',
    vat_ids text[] NOT NULL DEFAULT '{}',
    ibans text[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT pk_vendors PRIMARY KEY (id)
  )`,
  `CREATE INDEX ix_vendors_vat_ids ON vendors USING gin (vat_ids)`,
  `CREATE INDEX ix_vendors_ibans ON vendors USING gin (ibans)`,
  `CREATE UNIQUE INDEX uq_vendors_name ON vendors (lower(name))`,
  `CREATE TABLE purchase_orders (
    id uuid NOT NULL,
    number text NOT NULL,
    vendor_id uuid NOT NULL,
    currency char(3) NOT NULL,
    status text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT pk_purchase_orders PRIMARY KEY (id),
    CONSTRAINT uq_purchase_orders_number UNIQUE (number),
    CONSTRAINT fk_purchase_orders_vendor FOREIGN KEY (vendor_id) REFERENCES vendors (id),
    CONSTRAINT ck_purchase_orders_status CHECK (status IN ('open', 'closed', 'cancelled'))
  )`,
  `CREATE TABLE purchase_order_lines (
    order_id uuid NOT NULL,
    line_no int NOT NULL,
    item_code text NULL,
    description text NOT NULL,
    quantity numeric(20, 6) NOT NULL,
    unit_price numeric(20, 6) NOT NULL,
    tax_rate numeric(7, 4) NULL,
    category text NULL,
    CONSTRAINT pk_purchase_order_lines PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_purchase_order_lines_order FOREIGN KEY (order_id) REFERENCES purchase_orders (id) ON DELETE CASCADE,
    CONSTRAINT ck_purchase_order_lines_quantity CHECK (quantity > 0)
  )`,
  `CREATE TABLE goods_receipts (
    id uuid NOT NULL,
    order_id uuid NOT NULL,
    reference text NULL,
    received_at date NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT pk_goods_receipts PRIMARY KEY (id),
    CONSTRAINT fk_goods_receipts_order FOREIGN KEY (order_id) REFERENCES purchase_orders (id)
  )`,
  `CREATE UNIQUE INDEX uq_goods_receipts_reference ON goods_receipts (order_id, reference) WHERE reference IS NOT NULL`,
  `CREATE TABLE goods_receipt_lines (
    receipt_id uuid NOT NULL,
    line_no int NOT NULL,
    quantity numeric(20, 6) NOT NULL,
    CONSTRAINT pk_goods_receipt_lines PRIMARY KEY (receipt_id, line_no),
    CONSTRAINT fk_goods_receipt_lines_receipt FOREIGN KEY (receipt_id) REFERENCES goods_receipts (id) ON DELETE CASCADE
  )`,
  `CREATE TABLE po_line_invoices (
    document_id uuid NOT NULL,
    order_id uuid NOT NULL,
    line_no int NOT NULL,
    quantity numeric(20, 6) NOT NULL,
    recorded_at timestamptz NOT NULL,
    CONSTRAINT pk_po_line_invoices PRIMARY KEY (document_id, order_id, line_no),
    CONSTRAINT fk_po_line_invoices_order FOREIGN KEY (order_id) REFERENCES purchase_orders (id)
  )`,
];
