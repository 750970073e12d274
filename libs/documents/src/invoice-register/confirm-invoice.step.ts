import { z } from 'zod';
import type { AuditRecorder } from '@conveyor/audit';
import type { StepType } from '@conveyor/workflow-engine';
import { checkStepWith, parseStepInput } from '@conveyor/workflow-steps';
import type { FieldCorrection, InvoiceConfirmation, InvoiceRegister, VendorProfileTeacher } from './invoice-register-ports';

const fieldValues = z.record(z.string(), z.unknown());
const inputSchema = z.strictObject({
  documentId: z.string().uuid({ error: 'must be a document id' }),
  /** What extraction produced (`steps.extract.outputs.values`). */
  extracted: fieldValues,
  /** What the person changed (`steps.review.outputs.data`): only the keys that are invoice fields count. */
  corrections: fieldValues.default({}),
  /** Who confirmed (`steps.review.outputs.decidedBy`); learning needs a person. */
  confirmedBy: z.array(z.string().min(1)).min(1, 'a confirmation needs the person who confirmed'),
});
export type ConfirmInvoiceInput = z.infer<typeof inputSchema>;

const INVOICE_FIELDS = new Set([
  'vendorName', 'vendorVatId', 'customerName', 'invoiceNumber', 'issueDate', 'dueDate', 'currency',
  'totalNet', 'totalTax', 'totalGross', 'amountDue', 'iban', 'purchaseOrderNumber',
]);

function asText(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The changed fields only: a field "corrected" to what extraction read is a confirmation, not a correction. */
export function correctionsBetween(extracted: Record<string, unknown>, corrected: Record<string, unknown>): FieldCorrection[] {
  return Object.entries(corrected)
    .filter(([field]) => INVOICE_FIELDS.has(field))
    .map(([field, value]) => ({ field, extracted: asText(extracted[field]), corrected: asText(value) }))
    .filter((correction) => correction.extracted !== correction.corrected)
    .sort((a, b) => a.field.localeCompare(b.field));
}

/**
 * The `confirm-invoice` step, after a person reviewed an invoice: records the confirmed values and each
 * corrected field (audited as invoice.confirmed), then teaches the vendor's profile, so the next invoice from
 * that vendor comes out right. Only confirmed documents teach: auto-accepted ones never reach this step.
 */
export function createConfirmInvoiceStepType(register: InvoiceRegister, audit: AuditRecorder, teacher?: VendorProfileTeacher): StepType<ConfirmInvoiceInput> {
  return {
    type: 'confirm-invoice',
    description: "Records a person's confirmation and corrections of an invoice and teaches the vendor profile",
    parseInput: (input) => parseStepInput('confirm-invoice', inputSchema, input),
    checkWith: (withValues) => checkStepWith(inputSchema, withValues),
    async execute(input, context) {
      const corrections = correctionsBetween(input.extracted, input.corrections);
      const values: Record<string, string | null> = {};
      for (const [field, value] of Object.entries(input.extracted)) if (INVOICE_FIELDS.has(field)) values[field] = asText(value);
      for (const correction of corrections) values[correction.field] = correction.corrected;
      const confirmation: InvoiceConfirmation = {
        documentId: input.documentId,
        runId: context.runId,
        values,
        corrections,
        confirmedBy: input.confirmedBy,
        confirmedAt: context.now(),
      };
      const recorded = await register.confirm(confirmation, audit);
      if (recorded && teacher) await teacher.learn(confirmation);
      return { status: 'succeeded', outputs: { values, corrections, corrected: corrections.map((correction) => correction.field), learned: recorded && Boolean(teacher) } };
    },
  };
}
