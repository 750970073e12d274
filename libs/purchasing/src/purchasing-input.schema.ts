import { z } from 'zod';

const decimal = z.string().trim().regex(/^-?\d+(\.\d+)?$/, 'a decimal number with a dot, e.g. "12.50"');
const positive = decimal.refine((value) => Number(value) > 0, 'more than zero');
const currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR');
const isoDate = z.iso.date({ error: 'a date as YYYY-MM-DD' });

export const vendorInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(300),
  aliases: z.array(z.string().trim().min(1).max(300)).max(50).default([]),
  vatIds: z.array(z.string().trim().min(4).max(20)).max(10).default([]),
  ibans: z.array(z.string().trim().min(15).max(42)).max(10).default([]),
});
export type VendorInput = z.infer<typeof vendorInputSchema>;

export const purchaseOrderInputSchema = z.strictObject({
  number: z.string().trim().min(1).max(100),
  vendorName: z.string().trim().min(1),
  currency,
  status: z.enum(['open', 'closed', 'cancelled']).default('open'),
  lines: z.array(z.strictObject({
    lineNo: z.number().int().min(1),
    itemCode: z.string().trim().min(1).nullish(),
    description: z.string().trim().min(1),
    quantity: positive,
    unitPrice: decimal,
    taxRate: decimal.nullish(),
    category: z.string().trim().min(1).nullish(),
  })).min(1).max(1000)
    .refine((lines) => new Set(lines.map((line) => line.lineNo)).size === lines.length, 'line numbers must be unique'),
});
export type PurchaseOrderInput = z.infer<typeof purchaseOrderInputSchema>;

export const goodsReceiptInputSchema = z.strictObject({
  poNumber: z.string().trim().min(1),
  /** The delivery note number: importing the same receipt twice is recognised by it. */
  reference: z.string().trim().min(1).max(100).nullish(),
  receivedAt: isoDate,
  lines: z.array(z.strictObject({ poLineNo: z.number().int().min(1), quantity: positive })).min(1).max(1000),
});
export type GoodsReceiptInput = z.infer<typeof goodsReceiptInputSchema>;
