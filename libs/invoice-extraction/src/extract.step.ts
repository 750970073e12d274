import { z } from 'zod';
import { INVOICE_FIELD_NAMES, hasInvoiceFields, invoiceFieldsOf, type ExtractionResult, type InvoiceFieldsRecorder } from '@conveyor/documents';
import { DomainError } from '@conveyor/kernel';
import type { StepType } from '@conveyor/workflow-engine';
import { checkStepWith, parseStepInput } from '@conveyor/workflow-steps';
import { needsReview } from './auto-accept';
import { extractDocument, type ExtractDocumentDeps } from './extract-document';

/** Where the step reads a stored document's bytes (the document store, through the platform). */
export interface DocumentBytesReader {
  read(documentId: string): Promise<{ bytes: Uint8Array; fileName: string }>;
}

const extractInputSchema = z.strictObject({ documentId: z.string().uuid({ error: 'must be a document id' }) });
export type ExtractStepInput = z.infer<typeof extractInputSchema>;

/**
 * The `extract` step: reads a stored document and returns its fields. E-invoices exactly from their XML; other
 * PDFs and images from their pages (text layer or OCR), template-free, then by the vendor's profile. A document
 * that cannot be read, or in which nothing of an invoice is found (NOT_AN_INVOICE), fails with its code (not
 * retried), which a workflow routes to manual entry. Outputs:
 * `kind`, `values` (field → value), `fields` (with confidence, source, page, box), `lineItems`, `issues`, and
 * `needsReview` (an error, a warning about a posting-critical field or the whole document, or a missing required
 * field: see auto-accept.ts; warnings only about informational fields stay in `issues` without blocking). With a `recorder`, the header fields
 * are also recorded where the document list searches them (vendor, number, date, amount).
 */
export function createExtractStepType(reader: DocumentBytesReader, deps: ExtractDocumentDeps = {}, recorder?: InvoiceFieldsRecorder): StepType<ExtractStepInput> {
  return {
    type: 'extract',
    description: 'Reads a stored invoice and returns its fields, line items and issues',
    parseInput: (input) => parseStepInput('extract', extractInputSchema, input),
    checkWith: (withValues) => checkStepWith(extractInputSchema, withValues),
    async execute(input, context) {
      const { bytes, fileName } = await reader.read(input.documentId);
      const result = await extractDocument(bytes, fileName, deps).catch((error: unknown) => {
        if (error instanceof DomainError) throw new DomainError(error.code, error.message, { ...error.details, documentId: input.documentId }, error.retryable);
        throw error;
      });
      // Nothing of an invoice was found (a blank scan, a letter): nothing to check, so someone enters it by hand.
      const notAnInvoice = result.issues.find((issue) => issue.code === 'NOT_AN_INVOICE');
      if (notAnInvoice) throw new DomainError('NOT_AN_INVOICE', notAnInvoice.message, { documentId: input.documentId, kind: result.kind, issues: result.issues }, false);
      const outputs = toOutputs(result);
      const fields = invoiceFieldsOf(outputs['values'] as Record<string, unknown>);
      if (recorder && hasInvoiceFields(fields)) await recorder.recordExtracted(input.documentId, fields, context.now());
      return { status: 'succeeded', outputs };
    },
  };
}

function toOutputs(result: ExtractionResult): Record<string, unknown> {
  // Every field name is present (null when not found), so workflow expressions never trip over a missing key.
  const values: Record<string, unknown> = Object.fromEntries(INVOICE_FIELD_NAMES.map((name) => [name, null]));
  for (const [name, field] of Object.entries(result.fields)) if (field) values[name] = field.value;
  return {
    kind: result.kind,
    sha256: result.sha256,
    values,
    fields: result.fields,
    lineItems: result.lineItems,
    issues: result.issues,
    needsReview: needsReview(result),
  };
}
