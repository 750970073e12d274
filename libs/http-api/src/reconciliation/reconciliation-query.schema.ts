import { z } from 'zod';
import { TRANSACTION_STATES } from '@conveyor/reconciliation';

const limit = z.coerce.number().int().min(1).max(1000).default(100);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

export const transactionsQuerySchema = z.strictObject({ state: z.enum(TRANSACTION_STATES).optional(), accountId: z.string().uuid().optional(), from: date.optional(), to: date.optional(), limit });
export const limitQuerySchema = z.strictObject({ limit });
export const openItemsQuerySchema = z.strictObject({ status: z.enum(['open', 'paid']).optional(), vendorName: z.string().min(1).optional(), after: z.string().uuid().optional(), limit });
export const exceptionsQuerySchema = z.strictObject({ status: z.enum(['open', 'resolved']).optional(), code: z.string().regex(/^[A-Z_]+$/).optional(), limit });

export const importByDocumentSchema = z.strictObject({ documentId: z.string().uuid(), csvMapping: z.looseObject({}).optional() });
export const decisionBodySchema = z.strictObject({ note: z.string().trim().max(2000).optional() });
export const linkBodySchema = z.strictObject({
  transactionId: z.string().uuid(),
  allocations: z.array(z.strictObject({ openItemId: z.string().uuid(), amount: z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal string such as "100.00"') })).min(1).max(50),
  note: z.string().trim().max(2000).optional(),
});
export const resolveBodySchema = z.strictObject({ resolution: z.string().trim().min(1).max(2000) });
export const runBodySchema = z.strictObject({
  direction: z.enum(['payables', 'receivables']).optional(),
  autoThreshold: z.number().min(0).max(1).optional(),
  suggestThreshold: z.number().min(0).max(1).optional(),
});
