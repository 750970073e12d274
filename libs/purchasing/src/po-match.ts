import Decimal from 'decimal.js';
import { electronicFormatIBAN } from 'ibantools';
import { pairLines, type LinePair } from './line-pairing';
import type { GoodsReceipt, InvoiceToMatch, PurchaseOrder, Vendor } from './purchasing.model';
import { deviation, toleranceFor, type TolerancePolicy } from './tolerance-profile';

export const PO_MATCH_EXCEPTION_CODES = [
  'MISSING_PO', 'PO_NOT_OPEN', 'VENDOR_MISMATCH', 'CURRENCY_MISMATCH', 'BANK_DETAILS_CHANGED', 'LINE_NOT_ON_PO', 'PRICE_VARIANCE',
  'QTY_OVER_ORDERED', 'QTY_OVER_RECEIVED', 'NO_RECEIPT', 'TAX_MISMATCH',
] as const;
export type PoMatchExceptionCode = (typeof PO_MATCH_EXCEPTION_CODES)[number];

export interface PoMatchException {
  code: PoMatchExceptionCode;
  /** Blocking exceptions stop the invoice until a person decides; the others are recorded. */
  blocking: boolean;
  message: string;
  evidence: Record<string, string | number | null>;
}

export interface MatchedLine {
  invoiceLineIndex: number;
  poLineNo: number;
  reason: string;
  invoicedQuantity: string;
  /** Ordered, received (3-way) and invoiced before this invoice, for the order line. */
  orderedQuantity: string;
  receivedQuantity: string | null;
  previouslyInvoicedQuantity: string;
  orderUnitPrice: string;
  invoiceUnitPrice: string | null;
}

export interface PoMatchResult {
  mode: '2-way' | '3-way';
  purchaseOrderNumber: string | null;
  status: 'matched' | 'matched-with-write-off' | 'exceptions';
  blocking: boolean;
  lines: MatchedLine[];
  exceptions: PoMatchException[];
  /** Net difference posted as a write-off (invoice minus order prices), when under the limit. */
  writeOff: string | null;
}

export interface PoMatchContext {
  order: PurchaseOrder | null;
  vendor: Vendor | null;
  receipts: readonly GoodsReceipt[];
  /** Quantity already invoiced per order line by other invoices. */
  previouslyInvoiced: ReadonlyMap<number, string>;
  policy: TolerancePolicy;
  /** 3-way also checks goods receipts. */
  mode: '2-way' | '3-way';
}

const d = (value: string | null | undefined) => new Decimal(value ?? 0);

function received(receipts: readonly GoodsReceipt[], lineNo: number): Decimal {
  return receipts.flatMap((receipt) => receipt.lines).filter((line) => line.poLineNo === lineNo).reduce((sum, line) => sum.plus(line.quantity), new Decimal(0));
}

/**
 * Matches an invoice against its purchase order (2-way) and goods receipts (3-way): every invoice line pairs
 * with an order line (by item code, else description and unit price, in any order), then price, quantity and
 * tax are checked against tolerance profiles (category, vendor, company). Each exception carries its evidence;
 * a net difference under the write-off limit is posted rather than blocking.
 */
export function matchInvoiceToOrder(invoice: InvoiceToMatch, context: PoMatchContext): PoMatchResult {
  const { order, vendor, mode } = context;
  const exceptions: PoMatchException[] = [];
  const result = (lines: MatchedLine[], writeOff: string | null): PoMatchResult => {
    const blocking = exceptions.some((exception) => exception.blocking);
    return {
      mode, purchaseOrderNumber: order?.number ?? invoice.purchaseOrderNumber, lines, exceptions, writeOff,
      blocking, status: blocking ? 'exceptions' : writeOff ? 'matched-with-write-off' : 'matched',
    };
  };

  if (vendor && invoice.iban) {
    const iban = electronicFormatIBAN(invoice.iban) ?? invoice.iban;
    if (!vendor.ibans.includes(iban)) {
      exceptions.push({
        code: 'BANK_DETAILS_CHANGED', blocking: true,
        message: `The invoice asks for payment to ${iban}, which is not on file for ${vendor.name}`,
        evidence: { invoiceIban: iban, ibansOnFile: vendor.ibans.join(', ') || null },
      });
    }
  }
  if (!order) {
    exceptions.push({
      code: 'MISSING_PO', blocking: true,
      message: invoice.purchaseOrderNumber ? `No purchase order ${invoice.purchaseOrderNumber} exists` : 'The invoice names no purchase order',
      evidence: { purchaseOrderNumber: invoice.purchaseOrderNumber },
    });
    return result([], null);
  }
  if (order.status !== 'open') {
    exceptions.push({ code: 'PO_NOT_OPEN', blocking: true, message: `Purchase order ${order.number} is ${order.status}`, evidence: { status: order.status } });
  }
  if (invoice.vendorId && invoice.vendorId !== order.vendorId) {
    exceptions.push({ code: 'VENDOR_MISMATCH', blocking: true, message: `Purchase order ${order.number} was placed with another vendor`, evidence: { invoiceVendorId: invoice.vendorId, orderVendorId: order.vendorId } });
  }
  if (invoice.currency && invoice.currency !== order.currency) {
    exceptions.push({ code: 'CURRENCY_MISMATCH', blocking: true, message: `The invoice is in ${invoice.currency}, the order in ${order.currency}`, evidence: { invoiceCurrency: invoice.currency, orderCurrency: order.currency } });
  }

  const { pairs, unpairedInvoiceLines } = pairLines(invoice.lines, order.lines);
  for (const index of unpairedInvoiceLines) {
    const line = invoice.lines[index];
    exceptions.push({
      code: 'LINE_NOT_ON_PO', blocking: true, message: `Invoice line ${index + 1} ("${line.description ?? ''}") matches no line of order ${order.number}`,
      evidence: { invoiceLine: index + 1, description: line.description, amount: line.amount },
    });
  }

  const lines = pairs.map((pair) => checkLine(invoice, pair, context, exceptions));
  checkTax(invoice, pairs, exceptions);

  // Price differences small enough in money terms are posted, not argued about.
  const expectedNet = pairs.reduce((sum, pair) => sum.plus(d(invoice.lines[pair.invoiceLineIndex].quantity).times(pair.poLine.unitPrice)), new Decimal(0));
  const invoicedNet = invoice.totalNet ? d(invoice.totalNet) : pairs.reduce((sum, pair) => sum.plus(d(invoice.lines[pair.invoiceLineIndex].amount)), new Decimal(0));
  const difference = invoicedNet.minus(expectedNet);
  const onlyPriceProblems = exceptions.every((exception) => !exception.blocking || exception.code === 'PRICE_VARIANCE');
  const writeOffLimit = toleranceFor(context.policy, order.vendorId, null).writeOffLimit;
  let writeOff: string | null = null;
  if (!difference.isZero() && onlyPriceProblems && unpairedInvoiceLines.length === 0 && difference.abs().lessThanOrEqualTo(writeOffLimit)) {
    writeOff = difference.toFixed(2);
    for (const exception of exceptions) if (exception.code === 'PRICE_VARIANCE') exception.blocking = false;
  }
  return result(lines, writeOff);
}

function checkLine(invoice: InvoiceToMatch, pair: LinePair, context: PoMatchContext, exceptions: PoMatchException[]): MatchedLine {
  const line = invoice.lines[pair.invoiceLineIndex];
  const order = pair.poLine;
  const tolerance = toleranceFor(context.policy, context.order?.vendorId ?? null, order.category);
  const where = { invoiceLine: pair.invoiceLineIndex + 1, poLine: order.lineNo };
  const invoiced = d(line.quantity ?? order.quantity);
  const before = d(context.previouslyInvoiced.get(order.lineNo));
  const cumulative = before.plus(invoiced);

  if (line.unitPrice && deviation(d(line.unitPrice), d(order.unitPrice), tolerance.price) !== 'within') {
    exceptions.push({
      code: 'PRICE_VARIANCE', blocking: true,
      message: `Line ${where.invoiceLine}: unit price ${line.unitPrice} against ${order.unitPrice} on the order`,
      evidence: { ...where, invoiceUnitPrice: line.unitPrice, orderUnitPrice: order.unitPrice },
    });
  }
  if (deviation(cumulative, d(order.quantity), tolerance.quantity) === 'over') {
    exceptions.push({
      code: 'QTY_OVER_ORDERED', blocking: true,
      message: `Line ${where.invoiceLine}: ${cumulative.toString()} invoiced in all, ${order.quantity} ordered`,
      evidence: { ...where, invoicedQuantity: invoiced.toString(), previouslyInvoiced: before.toString(), orderedQuantity: order.quantity },
    });
  }
  let receivedQuantity: Decimal | null = null;
  if (context.mode === '3-way') {
    receivedQuantity = received(context.receipts, order.lineNo);
    if (receivedQuantity.isZero()) {
      exceptions.push({ code: 'NO_RECEIPT', blocking: true, message: `Line ${where.invoiceLine}: nothing received yet for order line ${order.lineNo}`, evidence: { ...where, invoicedQuantity: invoiced.toString() } });
    } else if (deviation(cumulative, receivedQuantity, tolerance.quantity) === 'over') {
      exceptions.push({
        code: 'QTY_OVER_RECEIVED', blocking: true,
        message: `Line ${where.invoiceLine}: ${cumulative.toString()} invoiced in all, ${receivedQuantity.toString()} received`,
        evidence: { ...where, invoicedQuantity: invoiced.toString(), previouslyInvoiced: before.toString(), receivedQuantity: receivedQuantity.toString() },
      });
    }
  }
  return {
    invoiceLineIndex: pair.invoiceLineIndex, poLineNo: order.lineNo, reason: pair.reason, invoicedQuantity: invoiced.toString(),
    orderedQuantity: order.quantity, receivedQuantity: receivedQuantity?.toString() ?? null, previouslyInvoicedQuantity: before.toString(),
    orderUnitPrice: order.unitPrice, invoiceUnitPrice: line.unitPrice,
  };
}

function checkTax(invoice: InvoiceToMatch, pairs: readonly LinePair[], exceptions: PoMatchException[]): void {
  for (const pair of pairs) {
    const line = invoice.lines[pair.invoiceLineIndex];
    if (line.taxRate && pair.poLine.taxRate && !d(line.taxRate).equals(d(pair.poLine.taxRate))) {
      exceptions.push({
        code: 'TAX_MISMATCH', blocking: true,
        message: `Line ${pair.invoiceLineIndex + 1}: VAT ${line.taxRate}% against ${pair.poLine.taxRate}% on the order`,
        evidence: { invoiceLine: pair.invoiceLineIndex + 1, poLine: pair.poLine.lineNo, invoiceTaxRate: line.taxRate, orderTaxRate: pair.poLine.taxRate },
      });
    }
  }
  if (!invoice.totalTax || invoice.lines.some((line) => !line.amount || !line.taxRate)) return;
  // Document-level charges and allowances carry tax too: the lines explain the tax only when they make up the net.
  const lineSum = invoice.lines.reduce((sum, line) => sum.plus(d(line.amount)), new Decimal(0));
  if (invoice.totalNet && !lineSum.equals(d(invoice.totalNet))) return;
  // Tax is rounded once per rate: allow a cent per rate.
  const byRate = new Map<string, Decimal>();
  for (const line of invoice.lines) byRate.set(d(line.taxRate).toString(), (byRate.get(d(line.taxRate).toString()) ?? new Decimal(0)).plus(d(line.amount)));
  const expected = [...byRate].reduce((sum, [rate, base]) => sum.plus(base.times(rate).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)), new Decimal(0));
  if (d(invoice.totalTax).minus(expected).abs().greaterThan(new Decimal('0.01').times(byRate.size))) {
    exceptions.push({
      code: 'TAX_MISMATCH', blocking: true, message: `Total VAT ${invoice.totalTax} does not follow from the lines (${expected.toFixed(2)})`,
      evidence: { totalTax: invoice.totalTax, expectedTax: expected.toFixed(2) },
    });
  }
}
