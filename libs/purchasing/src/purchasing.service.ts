import { parse } from 'csv-parse/sync';
import { electronicFormatIBAN } from 'ibantools';
import type { z } from 'zod';
import type { AuditRecorder } from '@conveyor/audit';
import { DomainError, type Clock } from '@conveyor/kernel';
import { matchInvoiceToOrder, type PoMatchResult } from './po-match';
import type { PurchasingRepository } from './purchasing-ports';
import {
  goodsReceiptInputSchema, purchaseOrderInputSchema, vendorInputSchema, type GoodsReceiptInput, type PurchaseOrderInput,
} from './purchasing-input.schema';
import type { InvoiceToMatch, PurchaseOrder, Vendor } from './purchasing.model';
import { DEFAULT_TOLERANCE_POLICY, type TolerancePolicy } from './tolerance-profile';

export interface PurchasingDependencies {
  repository: PurchasingRepository;
  audit: AuditRecorder;
  clock: Clock;
  newId: () => string;
  policy?: TolerancePolicy;
}

export const CSV_IMPORT_KINDS = ['vendors', 'purchase-orders', 'goods-receipts'] as const;
export type CsvImportKind = (typeof CSV_IMPORT_KINDS)[number];

/** Most files hold far fewer; a bigger one is split by the sender, not half-imported by us. */
const MAX_IMPORT_ROWS = 50_000;

function invalid(problems: string[]): DomainError {
  return new DomainError('PURCHASING_INPUT_INVALID', `The data was refused, nothing was saved:\n  ${problems.slice(0, 50).join('\n  ')}`, { problems });
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(parsed.error.issues.map((issue) => `${where}${issue.path.length ? ` ${issue.path.join('.')}` : ''}: ${issue.message}`));
  return parsed.data;
}

const ibanOf = (iban: string) => electronicFormatIBAN(iban) ?? iban.replace(/\s+/g, '').toUpperCase();
const list = (cell: string | undefined) => (cell ?? '').split('|').map((part) => part.trim()).filter(Boolean);
const optional = (cell: string | undefined) => (cell && cell.trim() ? cell.trim() : null);

/**
 * Vendors, purchase orders and goods receipts (through the API or CSV import, all-or-nothing), and 2- or
 * 3-way matching of an extracted invoice against them. Every change is audited in its own transaction.
 */
export class PurchasingService {
  private readonly policy: TolerancePolicy;

  constructor(private readonly deps: PurchasingDependencies) {
    this.policy = deps.policy ?? DEFAULT_TOLERANCE_POLICY;
  }

  listVendors(): Promise<Vendor[]> {
    return this.deps.repository.listVendors();
  }

  listOrders(query: { vendorId?: string; status?: string; limit: number }): Promise<PurchaseOrder[]> {
    return this.deps.repository.listOrders(query);
  }

  async getOrder(number: string): Promise<PurchaseOrder> {
    const order = await this.deps.repository.findOrder(number);
    if (!order) throw new DomainError('PURCHASE_ORDER_NOT_FOUND', `No purchase order ${number}`, { number });
    return order;
  }

  async saveVendors(inputs: unknown[], actor: string): Promise<Vendor[]> {
    const parsed = inputs.map((input, index) => parseWith(vendorInputSchema, input, inputs.length > 1 ? `vendor ${index + 1}` : 'vendor'));
    const now = this.deps.clock.now();
    const vendors: Vendor[] = [];
    for (const input of parsed) {
      const existing = await this.deps.repository.findVendorByName(input.name);
      vendors.push({ id: existing?.id ?? this.deps.newId(), name: input.name, aliases: input.aliases, vatIds: input.vatIds.map((id) => id.toUpperCase().replace(/[\s.-]/g, '')), ibans: input.ibans.map(ibanOf) });
    }
    await this.deps.repository.transaction(async (tx) => {
      for (const vendor of vendors) {
        await tx.upsertVendor(vendor, now);
        await this.deps.audit.record({ actor, action: 'vendor.saved', entityType: 'vendor', entityId: vendor.id, after: vendor, at: now }, tx.handle);
      }
    });
    return vendors;
  }

  async saveOrders(inputs: unknown[], actor: string): Promise<PurchaseOrder[]> {
    const parsed = inputs.map((input, index) => parseWith(purchaseOrderInputSchema, input, inputs.length > 1 ? `order ${index + 1}` : 'order'));
    return this.storeOrders(parsed, actor);
  }

  async recordReceipts(inputs: unknown[], actor: string): Promise<{ recorded: number; alreadyKnown: number }> {
    const parsed = inputs.map((input, index) => parseWith(goodsReceiptInputSchema, input, inputs.length > 1 ? `receipt ${index + 1}` : 'receipt'));
    return this.storeReceipts(parsed, actor);
  }

  /** CSV with a header row (comma or semicolon separated); lists inside a cell are separated by "|". */
  async importCsv(kind: CsvImportKind, text: string, actor: string): Promise<{ kind: CsvImportKind; rows: number; saved: number }> {
    const rows = this.parseCsv(text);
    switch (kind) {
      case 'vendors': {
        const saved = await this.saveVendors(rows.map((row) => ({ name: row['name'], aliases: list(row['aliases']), vatIds: list(row['vat_ids']), ibans: list(row['ibans']) })), actor);
        return { kind, rows: rows.length, saved: saved.length };
      }
      case 'purchase-orders': {
        const orders = new Map<string, PurchaseOrderInput>();
        const problems: string[] = [];
        rows.forEach((row, index) => {
          const number = row['po_number']?.trim();
          if (!number) return problems.push(`row ${index + 2}: po_number is empty`);
          const order = orders.get(number) ?? { number, vendorName: row['vendor_name'] ?? '', currency: row['currency'] ?? '', status: 'open', lines: [] };
          order.lines.push({
            lineNo: Number(row['line_no']), itemCode: optional(row['item_code']), description: row['description'] ?? '', quantity: row['quantity'] ?? '',
            unitPrice: row['unit_price'] ?? '', taxRate: optional(row['tax_rate']), category: optional(row['category']),
          });
          orders.set(number, order);
          return undefined;
        });
        if (problems.length) throw invalid(problems);
        const parsed = [...orders.values()].map((order) => parseWith(purchaseOrderInputSchema, order, `order ${order.number}`));
        const saved = await this.storeOrders(parsed, actor);
        return { kind, rows: rows.length, saved: saved.length };
      }
      case 'goods-receipts': {
        const receipts = new Map<string, GoodsReceiptInput>();
        for (const row of rows) {
          const key = `${row['po_number']}\u0000${row['reference'] ?? ''}\u0000${row['received_at']}`;
          const receipt = receipts.get(key) ?? { poNumber: row['po_number'] ?? '', reference: optional(row['reference']), receivedAt: row['received_at'] ?? '', lines: [] };
          receipt.lines.push({ poLineNo: Number(row['po_line_no']), quantity: row['quantity'] ?? '' });
          receipts.set(key, receipt);
        }
        const parsed = [...receipts.values()].map((receipt) => parseWith(goodsReceiptInputSchema, receipt, `receipt ${receipt.reference ?? receipt.poNumber}`));
        const { recorded } = await this.storeReceipts(parsed, actor);
        return { kind, rows: rows.length, saved: recorded };
      }
    }
  }

  /**
   * Matches an extracted invoice against its purchase order (2-way) or order and receipts (3-way). When
   * nothing blocks, the quantities the invoice draws are recorded (once per document), so the next invoice
   * against the same order is checked against what is left.
   */
  async matchInvoice(invoice: Omit<InvoiceToMatch, 'vendorId'> & { vendorName: string | null; vendorVatId: string | null }, mode: '2-way' | '3-way'): Promise<PoMatchResult & { vendorId: string | null }> {
    const { repository } = this.deps;
    const vendor = await repository.findVendor({ vatId: invoice.vendorVatId, iban: invoice.iban, name: invoice.vendorName });
    const order = invoice.purchaseOrderNumber ? await repository.findOrder(invoice.purchaseOrderNumber.trim()) : undefined;
    const orderVendor = order && (!vendor || vendor.id !== order.vendorId) ? (await repository.listVendors()).find((candidate) => candidate.id === order.vendorId) : undefined;
    const result = matchInvoiceToOrder({ ...invoice, vendorId: vendor?.id ?? null }, {
      order: order ?? null,
      vendor: vendor ?? orderVendor ?? null,
      receipts: order ? await repository.receiptsOf(order.id) : [],
      previouslyInvoiced: order ? await repository.invoicedQuantities(order.id, invoice.documentId) : new Map(),
      policy: this.policy,
      mode,
    });
    if (order && !result.blocking) {
      await repository.transaction((tx) => tx.recordInvoiced(invoice.documentId, order.id, result.lines.map((line) => ({ lineNo: line.poLineNo, quantity: line.invoicedQuantity })), this.deps.clock.now()));
    }
    return { ...result, vendorId: vendor?.id ?? null };
  }

  private async storeOrders(inputs: PurchaseOrderInput[], actor: string): Promise<PurchaseOrder[]> {
    const problems: string[] = [];
    const orders: PurchaseOrder[] = [];
    for (const input of inputs) {
      const vendor = await this.deps.repository.findVendorByName(input.vendorName);
      if (!vendor) {
        problems.push(`order ${input.number}: no vendor named "${input.vendorName}" (create the vendor first)`);
        continue;
      }
      const existing = await this.deps.repository.findOrder(input.number);
      orders.push({
        id: existing?.id ?? this.deps.newId(), number: input.number, vendorId: vendor.id, currency: input.currency, status: input.status,
        lines: input.lines.map((line) => ({ lineNo: line.lineNo, itemCode: line.itemCode ?? null, description: line.description, quantity: line.quantity, unitPrice: line.unitPrice, taxRate: line.taxRate ?? null, category: line.category ?? null })),
      });
    }
    if (problems.length) throw invalid(problems);
    const now = this.deps.clock.now();
    await this.deps.repository.transaction(async (tx) => {
      for (const order of orders) {
        await tx.upsertOrder(order, now);
        await this.deps.audit.record({ actor, action: 'purchase-order.saved', entityType: 'purchase-order', entityId: order.id, after: order, at: now }, tx.handle);
      }
    });
    return orders;
  }

  private async storeReceipts(inputs: GoodsReceiptInput[], actor: string): Promise<{ recorded: number; alreadyKnown: number }> {
    const problems: string[] = [];
    const receipts: { input: GoodsReceiptInput; order: PurchaseOrder }[] = [];
    for (const input of inputs) {
      const order = await this.deps.repository.findOrder(input.poNumber);
      if (!order) {
        problems.push(`receipt ${input.reference ?? ''} for ${input.poNumber}: no such purchase order`);
        continue;
      }
      for (const line of input.lines) {
        if (!order.lines.some((orderLine) => orderLine.lineNo === line.poLineNo)) problems.push(`receipt for ${input.poNumber}: the order has no line ${line.poLineNo}`);
      }
      receipts.push({ input, order });
    }
    if (problems.length) throw invalid(problems);
    const now = this.deps.clock.now();
    let recorded = 0;
    await this.deps.repository.transaction(async (tx) => {
      for (const { input, order } of receipts) {
        const id = this.deps.newId();
        const inserted = await tx.insertReceipt({ id, orderId: order.id, poNumber: order.number, reference: input.reference ?? null, receivedAt: input.receivedAt, lines: input.lines }, now);
        if (!inserted) continue;
        recorded += 1;
        await this.deps.audit.record({ actor, action: 'goods-receipt.recorded', entityType: 'purchase-order', entityId: order.id, after: { receiptId: id, ...input }, at: now }, tx.handle);
      }
    });
    return { recorded, alreadyKnown: receipts.length - recorded };
  }

  private parseCsv(text: string): Record<string, string>[] {
    const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
    const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    let rows: Record<string, string>[];
    try {
      rows = parse(text, { columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()), delimiter, bom: true, skip_empty_lines: true, trim: true });
    } catch (error) {
      throw invalid([`the CSV cannot be read: ${(error as Error).message}`]);
    }
    if (rows.length === 0) throw invalid(['the CSV holds no rows']);
    if (rows.length > MAX_IMPORT_ROWS) throw invalid([`the CSV holds ${rows.length} rows; at most ${MAX_IMPORT_ROWS} at a time`]);
    return rows;
  }
}
