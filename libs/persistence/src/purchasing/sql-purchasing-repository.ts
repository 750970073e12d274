import type { GoodsReceipt, PurchaseOrder, PurchasingRepository, PurchasingTransaction, Vendor } from '@conveyor/purchasing';
import type { DataSource } from 'typeorm';
import type { Sql } from '../repositories/sql';
import { inTransaction, plainSql } from '../repositories/transaction-runner';

interface VendorRow { id: string; name: string; aliases: string[]; vat_ids: string[]; ibans: string[] }
interface OrderRow { id: string; number: string; vendor_id: string; currency: string; status: PurchaseOrder['status'] }
interface LineRow { order_id: string; line_no: number; item_code: string | null; description: string; quantity: string; unit_price: string; tax_rate: string | null; category: string | null }

/** numeric(20,6) reads back as "12.500000": quantities and prices keep their value, not the column's scale. */
function plain(value: string): string;
function plain(value: string | null): string | null;
function plain(value: string | null): string | null {
  if (value === null) return null;
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

const toVendor = (row: VendorRow): Vendor => ({ id: row.id, name: row.name, aliases: row.aliases, vatIds: row.vat_ids, ibans: row.ibans });
const ORDER_COLUMNS = 'id, number, vendor_id, currency, status';
const LINE_COLUMNS = 'order_id, line_no, item_code, description, quantity::text AS quantity, unit_price::text AS unit_price, tax_rate::text AS tax_rate, category';

class SqlPurchasingTransaction implements PurchasingTransaction {
  constructor(readonly handle: Sql) {}

  async upsertVendor(vendor: Vendor, at: Date): Promise<void> {
    await this.handle(
      `INSERT INTO vendors (id, name, aliases, vat_ids, ibans, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, aliases = EXCLUDED.aliases, vat_ids = EXCLUDED.vat_ids, ibans = EXCLUDED.ibans, updated_at = EXCLUDED.updated_at`,
      [vendor.id, vendor.name, vendor.aliases, vendor.vatIds, vendor.ibans, at],
    );
  }

  async upsertOrder(order: PurchaseOrder, at: Date): Promise<void> {
    await this.handle(
      `INSERT INTO purchase_orders (id, number, vendor_id, currency, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (id) DO UPDATE SET vendor_id = EXCLUDED.vendor_id, currency = EXCLUDED.currency, status = EXCLUDED.status, updated_at = EXCLUDED.updated_at`,
      [order.id, order.number, order.vendorId, order.currency, order.status, at],
    );
    await this.handle(`DELETE FROM purchase_order_lines WHERE order_id = $1`, [order.id]);
    for (const line of order.lines) {
      await this.handle(
        `INSERT INTO purchase_order_lines (order_id, line_no, item_code, description, quantity, unit_price, tax_rate, category) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [order.id, line.lineNo, line.itemCode, line.description, line.quantity, line.unitPrice, line.taxRate, line.category],
      );
    }
  }

  async insertReceipt(receipt: GoodsReceipt & { orderId: string; reference: string | null }, at: Date): Promise<boolean> {
    const inserted = await this.handle(
      `INSERT INTO goods_receipts (id, order_id, reference, received_at, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (order_id, reference) WHERE reference IS NOT NULL DO NOTHING RETURNING id`,
      [receipt.id, receipt.orderId, receipt.reference, receipt.receivedAt, at],
    );
    if (inserted.length === 0) return false;
    for (const line of receipt.lines) {
      await this.handle(`INSERT INTO goods_receipt_lines (receipt_id, line_no, quantity) VALUES ($1, $2, $3)`, [receipt.id, line.poLineNo, line.quantity]);
    }
    return true;
  }

  async recordInvoiced(documentId: string, orderId: string, lines: { lineNo: number; quantity: string }[], at: Date): Promise<void> {
    await this.handle(`DELETE FROM po_line_invoices WHERE document_id = $1 AND order_id = $2`, [documentId, orderId]);
    for (const line of lines) {
      await this.handle(
        `INSERT INTO po_line_invoices (document_id, order_id, line_no, quantity, recorded_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (document_id, order_id, line_no) DO UPDATE SET quantity = po_line_invoices.quantity + EXCLUDED.quantity`,
        [documentId, orderId, line.lineNo, line.quantity, at],
      );
    }
  }
}

/** Vendors, purchase orders, receipts and invoiced quantities in PostgreSQL (or PGlite). */
export class SqlPurchasingRepository implements PurchasingRepository {
  private readonly sql: Sql;

  constructor(private readonly dataSource: DataSource) {
    this.sql = plainSql(dataSource);
  }

  transaction<T>(work: (tx: PurchasingTransaction) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, (sql) => work(new SqlPurchasingTransaction(sql)));
  }

  async listVendors(): Promise<Vendor[]> {
    return ((await this.sql(`SELECT id, name, aliases, vat_ids, ibans FROM vendors ORDER BY lower(name)`)) as VendorRow[]).map(toVendor);
  }

  async findVendorByName(name: string): Promise<Vendor | undefined> {
    const rows = (await this.sql(`SELECT id, name, aliases, vat_ids, ibans FROM vendors WHERE lower(name) = lower($1)`, [name.trim()])) as VendorRow[];
    return rows[0] && toVendor(rows[0]);
  }

  async findVendor(keys: { vatId?: string | null; iban?: string | null; name?: string | null }): Promise<Vendor | undefined> {
    const vat = keys.vatId?.toUpperCase().replace(/[\s.-]/g, '') || null;
    const iban = keys.iban?.toUpperCase().replace(/\s+/g, '') || null;
    const name = keys.name?.trim().toLowerCase() || null;
    // The strongest key wins: a VAT id names one company, an IBAN one account, a name can be shared.
    const rows = (await this.sql(
      `SELECT id, name, aliases, vat_ids, ibans,
              CASE WHEN $1::text IS NOT NULL AND $1 = ANY(vat_ids) THEN 0 WHEN $2::text IS NOT NULL AND $2 = ANY(ibans) THEN 1 ELSE 2 END AS rank
         FROM vendors
        WHERE ($1::text IS NOT NULL AND $1 = ANY(vat_ids)) OR ($2::text IS NOT NULL AND $2 = ANY(ibans))
           OR ($3::text IS NOT NULL AND (lower(name) = $3 OR $3 = ANY(SELECT lower(alias) FROM unnest(aliases) AS alias)))
        ORDER BY rank, lower(name) LIMIT 1`,
      [vat, iban, name],
    )) as VendorRow[];
    return rows[0] && toVendor(rows[0]);
  }

  async listOrders(query: { vendorId?: string; status?: string; limit: number }): Promise<PurchaseOrder[]> {
    const rows = (await this.sql(
      `SELECT ${ORDER_COLUMNS} FROM purchase_orders WHERE ($1::uuid IS NULL OR vendor_id = $1) AND ($2::text IS NULL OR status = $2) ORDER BY number LIMIT $3`,
      [query.vendorId ?? null, query.status ?? null, query.limit],
    )) as OrderRow[];
    return this.withLines(rows);
  }

  async findOrder(number: string): Promise<PurchaseOrder | undefined> {
    const rows = (await this.sql(`SELECT ${ORDER_COLUMNS} FROM purchase_orders WHERE number = $1`, [number])) as OrderRow[];
    return (await this.withLines(rows))[0];
  }

  async receiptsOf(orderId: string): Promise<GoodsReceipt[]> {
    const rows = (await this.sql(
      `SELECT r.id, o.number, r.received_at::text AS received_at, l.line_no, l.quantity::text AS quantity
         FROM goods_receipts r JOIN purchase_orders o ON o.id = r.order_id JOIN goods_receipt_lines l ON l.receipt_id = r.id
        WHERE r.order_id = $1 ORDER BY r.received_at, r.id, l.line_no`,
      [orderId],
    )) as { id: string; number: string; received_at: string; line_no: number; quantity: string }[];
    const receipts = new Map<string, GoodsReceipt>();
    for (const row of rows) {
      const receipt = receipts.get(row.id) ?? { id: row.id, poNumber: row.number, receivedAt: row.received_at, lines: [] };
      receipt.lines.push({ poLineNo: row.line_no, quantity: plain(row.quantity) });
      receipts.set(row.id, receipt);
    }
    return [...receipts.values()];
  }

  async invoicedQuantities(orderId: string, excludeDocumentId: string): Promise<Map<number, string>> {
    const rows = (await this.sql(
      `SELECT line_no, sum(quantity)::text AS quantity FROM po_line_invoices WHERE order_id = $1 AND document_id <> $2 GROUP BY line_no`,
      [orderId, excludeDocumentId],
    )) as { line_no: number; quantity: string }[];
    return new Map(rows.map((row) => [row.line_no, plain(row.quantity)]));
  }

  private async withLines(orders: OrderRow[]): Promise<PurchaseOrder[]> {
    if (orders.length === 0) return [];
    const lines = (await this.sql(`SELECT ${LINE_COLUMNS} FROM purchase_order_lines WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, line_no`, [orders.map((order) => order.id)])) as LineRow[];
    return orders.map((order) => ({
      id: order.id, number: order.number, vendorId: order.vendor_id, currency: order.currency.trim(), status: order.status,
      lines: lines.filter((line) => line.order_id === order.id).map((line) => ({
        lineNo: line.line_no, itemCode: line.item_code, description: line.description, quantity: plain(line.quantity), unitPrice: plain(line.unit_price),
        taxRate: plain(line.tax_rate), category: line.category,
      })),
    }));
  }
}
