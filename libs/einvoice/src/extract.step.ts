import { z } from 'zod';
import type { ExtractionResult } from '@conveyor/documents';
import { DomainError } from '@conveyor/kernel';
import type { StepType } from '@conveyor/workflow-engine';
import { checkStepWith, parseStepInput } from '@conveyor/workflow-steps';
import { extractEInvoiceDocument } from './einvoice-document.extractor';

/** Where the step reads a stored document's bytes (the document store, through the platform). */
export interface DocumentBytesReader {
  read(documentId: string): Promise<{ bytes: Uint8Array; fileName: string }>;
}

const extractInputSchema = z.strictObject({ documentId: z.string().uuid({ error: 'must be a document id' }) });
export type ExtractStepInput = z.infer<typeof extractInputSchema>;

/**
 * The `extract` step: reads a stored document and returns its fields. Today it reads e-invoices exactly from
 * their XML (Factur-X/ZUGFeRD/XRechnung PDFs, CII and UBL files); other documents fail with UNSUPPORTED_YET
 * (not retried), which a workflow routes to manual entry. Outputs: `kind`, `values` (field → value),
 * `fields` (with confidence, source, page, box), `lineItems`, `issues`, and `needsReview` (any warning or error).
 */
export function createExtractStepType(reader: DocumentBytesReader): StepType<ExtractStepInput> {
  return {
    type: 'extract',
    description: 'Reads a stored invoice and returns its fields, line items and issues',
    parseInput: (input) => parseStepInput('extract', extractInputSchema, input),
    checkWith: (withValues) => checkStepWith(extractInputSchema, withValues),
    async execute(input) {
      const { bytes, fileName } = await reader.read(input.documentId);
      const result = await extractEInvoiceDocument(bytes, fileName).catch((error: unknown) => {
        if (error instanceof DomainError) throw new DomainError(error.code, error.message, { ...error.details, documentId: input.documentId }, false);
        throw error;
      });
      return { status: 'succeeded', outputs: toOutputs(result) };
    },
  };
}

function toOutputs(result: ExtractionResult): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(result.fields)) if (field) values[name] = field.value;
  return {
    kind: result.kind,
    sha256: result.sha256,
    values,
    fields: result.fields,
    lineItems: result.lineItems,
    issues: result.issues,
    needsReview: result.issues.some((issue) => issue.severity !== 'info'),
  };
}
