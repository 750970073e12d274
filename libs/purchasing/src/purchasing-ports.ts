import type { GoodsReceipt, PurchaseOrder, Vendor } from './purchasing.model';

/** Changes that commit together; `handle` is what the audit recorder writes through. */
export interface PurchasingTransaction {
  readonly handle: unknown;
  upsertVendor(vendor: Vendor, at: Date): Promise<void>;
  /** Inserts or replaces the order and all its lines. */
  upsertOrder(order: PurchaseOrder, at: Date): Promise<void>;
  /** False when the order already has a receipt with this reference (a re-import). */
  insertReceipt(receipt: GoodsReceipt & { orderId: string; reference: string | null }, at: Date): Promise<boolean>;
  /** Replaces what this document drew on the order's lines. */
  recordInvoiced(documentId: string, orderId: string, lines: { lineNo: number; quantity: string }[], at: Date): Promise<void>;
}

export interface PurchasingRepository {
  transaction<T>(work: (tx: PurchasingTransaction) => Promise<T>): Promise<T>;
  listVendors(): Promise<Vendor[]>;
  findVendorByName(name: string): Promise<Vendor | undefined>;
  /** The vendor holding any of these keys (VAT id, IBAN, name or alias, case-insensitive). */
  findVendor(keys: { vatId?: string | null; iban?: string | null; name?: string | null }): Promise<Vendor | undefined>;
  listOrders(query: { vendorId?: string; status?: string; limit: number }): Promise<PurchaseOrder[]>;
  findOrder(number: string): Promise<PurchaseOrder | undefined>;
  receiptsOf(orderId: string): Promise<GoodsReceipt[]>;
  /** Quantity drawn per order line by documents other than `excludeDocumentId`. */
  invoicedQuantities(orderId: string, excludeDocumentId: string): Promise<Map<number, string>>;
}
