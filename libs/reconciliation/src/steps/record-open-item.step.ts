import { z } from 'zod';
import type { StepType } from '@conveyor/workflow-engine';
import { checkStepWith, parseStepInput } from '@conveyor/workflow-steps';
import type { BankReconciliationService } from '../ledger/bank-reconciliation.service';

const amount = z.string().trim().regex(/^\d+(\.\d+)?$/, 'must be a decimal string such as "1190.50"');
const inputSchema = z.strictObject({
  documentId: z.string().uuid({ error: 'must be a document id' }),
  vendorName: z.string().trim().min(1),
  vendorIban: z.string().nullish(),
  invoiceNumber: z.string().trim().min(1),
  currency: z.string().trim().regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code'),
  /** What is still to pay; the gross total is used when there is no amount due. */
  amountDue: amount.nullish(),
  totalGross: amount.nullish(),
  issueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').nullish(),
}).refine((input) => input.amountDue || input.totalGross, { message: 'needs amountDue or totalGross', path: ['amountDue'] });
export type RecordOpenItemInput = z.infer<typeof inputSchema>;

/**
 * The `record-open-item` step: an accepted invoice becomes an open item of the ledger, which bank reconciliation
 * then settles. Once per document: a retried step returns the item already recorded. Outputs `openItemId`,
 * `created` and the amount.
 */
export function createRecordOpenItemStepType(reconciliation: BankReconciliationService): StepType<RecordOpenItemInput> {
  return {
    type: 'record-open-item',
    description: 'Records an accepted invoice as an open item awaiting payment',
    parseInput: (input) => parseStepInput('record-open-item', inputSchema, input),
    checkWith: (withValues) => checkStepWith(inputSchema, withValues),
    async execute(input, context) {
      const { openItem, created } = await reconciliation.recordInvoice({
        documentId: input.documentId, vendorName: input.vendorName, vendorIban: input.vendorIban ?? null, invoiceNumber: input.invoiceNumber,
        currency: input.currency.toUpperCase(), amount: (input.amountDue || input.totalGross) as string, issueDate: input.issueDate, dueDate: input.dueDate ?? null,
      }, `run:${context.runId}`);
      return { status: 'succeeded', outputs: { openItemId: openItem.id, created, currency: openItem.currency, amountMinor: openItem.amountMinor, status: openItem.status } };
    },
  };
}
