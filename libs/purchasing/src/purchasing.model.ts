/**
 * Master and ledger data of purchasing as matching sees it. Quantities and amounts are decimal strings (never
 * floats); unit prices may carry more decimals than the currency (0.0125 EUR per screw).
 */
export interface Vendor {
  id: string;
  name: string;
  /** Other names the vendor appears under (trading names, OCR variants people confirmed). */
  aliases: string[];
  vatIds: string[];
  /** IBANs on file, electronic format; an invoice asking to be paid elsewhere is BANK_DETAILS_CHANGED. */
  ibans: string[];
}

export interface PurchaseOrderLine {
  lineNo: number;
  itemCode: string | null;
  description: string;
  quantity: string;
  unitPrice: string;
  /** VAT rate in percent ("19"), when the order says. */
  taxRate: string | null;
  /** Spend category (tolerance profiles can differ per category). */
  category: string | null;
}

export interface PurchaseOrder {
  id: string;
  number: string;
  vendorId: string;
  currency: string;
  status: 'open' | 'closed' | 'cancelled';
  lines: PurchaseOrderLine[];
}

export interface GoodsReceiptLine {
  poLineNo: number;
  quantity: string;
}

export interface GoodsReceipt {
  id: string;
  poNumber: string;
  receivedAt: string;
  lines: GoodsReceiptLine[];
}

/** The invoice to match: extracted (and perhaps corrected) values. */
export interface InvoiceToMatch {
  documentId: string;
  vendorId: string | null;
  iban: string | null;
  purchaseOrderNumber: string | null;
  currency: string | null;
  totalNet: string | null;
  totalTax: string | null;
  lines: InvoiceLineToMatch[];
}

export interface InvoiceLineToMatch {
  description: string | null;
  itemCode?: string | null;
  quantity: string | null;
  unitPrice: string | null;
  amount: string | null;
  taxRate: string | null;
}
