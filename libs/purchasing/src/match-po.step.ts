import { z } from 'zod';
import type { StepType } from '@conveyor/workflow-engine';
import { checkStepWith, parseStepInput } from '@conveyor/workflow-steps';
import type { PurchasingService } from './purchasing.service';

const text = z.string().nullish();
const inputSchema = z.strictObject({
  documentId: z.string().uuid({ error: 'must be a document id' }),
  /** `steps.extract.outputs.values` */
  values: z.looseObject({ vendorName: text, vendorVatId: text, iban: text, purchaseOrderNumber: text, currency: text, totalNet: text, totalTax: text }),
  /** `steps.extract.outputs.lineItems` */
  lineItems: z.array(z.looseObject({ description: text, quantity: text, unitPrice: text, amount: text, taxRate: text, itemCode: text })).default([]),
  /** 2-way: invoice against order; 3-way: and against goods receipts. */
  mode: z.enum(['2-way', '3-way']).default('3-way'),
});
export type MatchPoInput = z.infer<typeof inputSchema>;

/**
 * The `match-po` step: matches the extracted invoice against its purchase order and goods receipts. Outputs
 * `status` (matched, matched-with-write-off, exceptions), `blocking`, `exceptions` (code, message, evidence),
 * `issues` (the same, shaped like extraction issues for the review step), the paired `lines` and `writeOff`.
 */
export function createMatchPoStepType(purchasing: PurchasingService): StepType<MatchPoInput> {
  return {
    type: 'match-po',
    description: 'Matches an invoice against its purchase order (2-way) and goods receipts (3-way) within tolerances',
    parseInput: (input) => parseStepInput('match-po', inputSchema, input),
    checkWith: (withValues) => checkStepWith(inputSchema, withValues),
    async execute(input) {
      const { values } = input;
      const result = await purchasing.matchInvoice({
        documentId: input.documentId,
        vendorName: values.vendorName ?? null,
        vendorVatId: values.vendorVatId ?? null,
        iban: values.iban ?? null,
        purchaseOrderNumber: values.purchaseOrderNumber ?? null,
        currency: values.currency ?? null,
        totalNet: values.totalNet ?? null,
        totalTax: values.totalTax ?? null,
        lines: input.lineItems.map((line) => ({
          description: line.description ?? null, itemCode: line.itemCode ?? null, quantity: line.quantity ?? null,
          unitPrice: line.unitPrice ?? null, amount: line.amount ?? null, taxRate: line.taxRate ?? null,
        })),
      }, input.mode);
      const issues = result.exceptions.map((exception) => ({
        code: exception.code,
        severity: exception.blocking ? 'error' : 'warning',
        message: exception.message,
        fields: exception.code === 'BANK_DETAILS_CHANGED' ? ['iban'] : exception.code === 'MISSING_PO' ? ['purchaseOrderNumber'] : [],
        evidence: exception.evidence,
      }));
      return { status: 'succeeded', outputs: { ...result, issues } };
    },
  };
}
