import Decimal from 'decimal.js';
import { munkres } from 'munkres';
import type { InvoiceLineToMatch, PurchaseOrderLine } from './purchasing.model';

export interface LinePair {
  invoiceLineIndex: number;
  poLine: PurchaseOrderLine;
  /** Why these two lines belong together. */
  reason: string;
}

// Words that say nothing about what was bought.
const NOISE = new Set(['the', 'and', 'of', 'for', 'pcs', 'pc', 'stk', 'st', 'x', 'ea', 'each', 'unit', 'units', 'und', 'de', 'la', 'le', 'et']);

function tokens(text: string | null | undefined): Set<string> {
  return new Set(
    (text ?? '')
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((token) => token.length > 1 && !NOISE.has(token)),
  );
}

/** Share of the words two descriptions have in common (Jaccard), 0..1. */
export function descriptionSimilarity(a: string | null | undefined, b: string | null | undefined): number {
  const left = tokens(a);
  const right = tokens(b);
  if (left.size === 0 || right.size === 0) return 0;
  let common = 0;
  for (const token of left) if (right.has(token)) common += 1;
  return common / (left.size + right.size - common);
}

function priceCloseness(invoicePrice: string | null, orderPrice: string): number {
  if (!invoicePrice) return 0;
  const ordered = new Decimal(orderPrice);
  if (ordered.isZero()) return new Decimal(invoicePrice).isZero() ? 1 : 0;
  const relative = new Decimal(invoicePrice).minus(ordered).abs().dividedBy(ordered.abs()).toNumber();
  return Math.max(0, 1 - relative);
}

const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s.-]/g, '');

/** Above this cost a pair is no pair: the invoice line is not on the order. */
const MAX_COST = 0.65;

/**
 * Pairs invoice lines with order lines, whatever their order on the page: the same item code pairs at once;
 * otherwise description words and unit price decide, with one optimal assignment over all lines (Hungarian
 * method), so a greedy early choice cannot steal the right partner of a later line.
 */
export function pairLines(invoiceLines: readonly InvoiceLineToMatch[], orderLines: readonly PurchaseOrderLine[]): { pairs: LinePair[]; unpairedInvoiceLines: number[] } {
  if (invoiceLines.length === 0 || orderLines.length === 0) return { pairs: [], unpairedInvoiceLines: invoiceLines.map((_, index) => index) };
  const costs = invoiceLines.map((line) =>
    orderLines.map((order) => {
      if (line.itemCode && order.itemCode && normaliseCode(line.itemCode) === normaliseCode(order.itemCode)) return 0;
      const similarity = descriptionSimilarity(line.description, order.description);
      return 1 - (0.7 * similarity + 0.3 * priceCloseness(line.unitPrice, order.unitPrice));
    }),
  );
  const pairs: LinePair[] = [];
  const paired = new Set<number>();
  for (const [row, column] of munkres(costs)) {
    const cost = costs[row][column];
    if (cost > MAX_COST) continue;
    const line = invoiceLines[row];
    const order = orderLines[column];
    const reason = cost === 0
      ? `item code ${order.itemCode} is on order line ${order.lineNo}`
      : `description matches order line ${order.lineNo} (${Math.round(descriptionSimilarity(line.description, order.description) * 100)}% of words) at a close unit price`;
    pairs.push({ invoiceLineIndex: row, poLine: order, reason });
    paired.add(row);
  }
  pairs.sort((a, b) => a.invoiceLineIndex - b.invoiceLineIndex);
  return { pairs, unpairedInvoiceLines: invoiceLines.map((_, index) => index).filter((index) => !paired.has(index)) };
}
