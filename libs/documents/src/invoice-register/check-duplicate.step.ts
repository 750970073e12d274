import { z } from 'zod';
import type { StepType } from '@conveyor/workflow-engine';
import { checkStepWith, parseStepInput } from '@conveyor/workflow-steps';
import { findDuplicates, type DuplicateInvoice } from './duplicate-invoices';
import { hasVendor, invoiceIdentityOf } from './invoice-identity';
import type { InvoiceRegister } from './invoice-register-ports';

const value = z.string().nullish();
const inputSchema = z.strictObject({
  documentId: z.string().uuid({ error: 'must be a document id' }),
  /** The extracted values (`steps.extract.outputs.values`). */
  values: z.looseObject({
    vendorName: value, vendorVatId: value, iban: value, invoiceNumber: value, issueDate: value, totalGross: value, currency: value,
  }),
});
export type CheckDuplicateInput = z.infer<typeof inputSchema>;

const REASON_TEXT: Record<DuplicateInvoice['reason'], string> = {
  'same-vendor-and-number': 'the same vendor and invoice number',
  'same-vendor-date-and-amount': 'the same vendor, date and amount',
};

/**
 * The `check-duplicate` step: registers the invoice and reports the documents it duplicates (same vendor and
 * number, or same vendor, date and amount). Outputs `duplicate`, `duplicates` and `issues` (DUPLICATE_INVOICE,
 * severity error, with the other document ids as evidence), which a workflow routes to review. Re-running the
 * step for the same document replaces its entry, so retries never report the document as its own duplicate.
 */
export function createCheckDuplicateStepType(register: InvoiceRegister): StepType<CheckDuplicateInput> {
  return {
    type: 'check-duplicate',
    description: 'Registers an extracted invoice and reports earlier invoices it duplicates',
    parseInput: (input) => parseStepInput('check-duplicate', inputSchema, input),
    checkWith: (withValues) => checkStepWith(inputSchema, withValues),
    async execute(input, context) {
      const identity = invoiceIdentityOf(input.values);
      if (!hasVendor(identity)) {
        return { status: 'succeeded', outputs: { duplicate: false, duplicates: [], issues: [], checked: false } };
      }
      const candidates = await register.registerAndFindCandidates(input.documentId, context.runId, identity, context.now());
      const duplicates = findDuplicates(identity, candidates, input.documentId);
      const issues = duplicates.length === 0 ? [] : [{
        code: 'DUPLICATE_INVOICE',
        severity: 'error',
        message: `This invoice looks like ${duplicates.length === 1 ? 'an earlier one' : `${duplicates.length} earlier ones`}: ` +
          duplicates.map((duplicate) => `document ${duplicate.documentId} (${REASON_TEXT[duplicate.reason]})`).join('; '),
        fields: duplicates.some((duplicate) => duplicate.reason === 'same-vendor-and-number') ? ['vendorName', 'invoiceNumber'] : ['vendorName', 'issueDate', 'totalGross'],
        evidence: { documentIds: duplicates.map((duplicate) => duplicate.documentId) },
      }];
      return { status: 'succeeded', outputs: { duplicate: duplicates.length > 0, duplicates, issues, checked: true } };
    },
  };
}
