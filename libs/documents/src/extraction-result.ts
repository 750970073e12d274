import { z } from 'zod';

/**
 * The result of reading one document: what `conveyor extract <file> --json` prints and what the `extract`
 * step produces. Every reader (e-invoice XML, PDF text layer, OCR, vendor profiles) fills the same shape, so
 * validation, review and matching never care where a value came from, only how sure we are of it.
 */

/** Where the documents ship their generated JSON Schema (relative to the repository root). */
export const EXTRACTION_RESULT_JSON_SCHEMA_PATH = 'libs/documents/schema/extraction-result.schema.json';

export const DOCUMENT_KINDS = ['einvoice', 'pdf-text', 'pdf-scanned', 'image', 'xml'] as const;
export const FIELD_SOURCES = ['xml', 'text', 'ocr', 'vendor-profile'] as const;
export const ISSUE_SEVERITIES = ['info', 'warning', 'error'] as const;

export const INVOICE_FIELD_NAMES = [
  'vendorName',
  'vendorVatId',
  'customerName',
  'invoiceNumber',
  'issueDate',
  'dueDate',
  'currency',
  'totalNet',
  'totalTax',
  'totalGross',
  'amountDue',
  'iban',
  'purchaseOrderNumber',
] as const;
export type InvoiceFieldName = (typeof INVOICE_FIELD_NAMES)[number];

/** Fields whose value is a decimal amount string. */
export const AMOUNT_FIELD_NAMES = ['totalNet', 'totalTax', 'totalGross', 'amountDue'] as const satisfies readonly InvoiceFieldName[];
/** Fields whose value is a calendar date. */
export const DATE_FIELD_NAMES = ['issueDate', 'dueDate'] as const satisfies readonly InvoiceFieldName[];

/** Signed decimal with a dot, no grouping, no exponent: "-1234.50". Never a float. */
export const decimalStringSchema = z
  .string()
  .regex(/^-?(0|[1-9]\d*)(\.\d+)?$/, 'a decimal string with a dot and no grouping, e.g. "-1234.50"')
  .describe('Signed decimal number as a string with a dot and no grouping (e.g. "-1234.50"); never a float.');

/** A calendar date (no time, no zone: invoices carry days, not instants). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date as YYYY-MM-DD')
  .describe('Calendar date as YYYY-MM-DD.');

export const currencyCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code').describe('ISO 4217 currency code (e.g. "EUR").');

/**
 * Where a value sits on its page, as fractions of the page's width and height (origin top-left), so text-layer
 * points and OCR pixels land in the same space whatever the resolution.
 */
export const boundingBoxSchema = z
  .object({
    x: z.number().min(0).max(1),
    y: z.number().min(0).max(1),
    width: z.number().min(0).max(1),
    height: z.number().min(0).max(1),
  })
  .strict()
  .describe('Box on the page as fractions of page width/height, origin top-left.');

const provenance = {
  confidence: z.number().min(0).max(1).describe('How sure the reader is, 0 to 1 (XML: 1).'),
  source: z.enum(FIELD_SOURCES).describe('Which reader produced the value.'),
  page: z.number().int().min(1).nullable().describe('1-based page the value was read on; null when it comes from XML.'),
  bbox: boundingBoxSchema.nullable().describe('Where on the page; null when it comes from XML.'),
};

function fieldSchema<T extends z.ZodType>(value: T, description: string) {
  return z
    .object({ value: value.nullable(), ...provenance })
    .strict()
    .describe(description);
}

const text = z.string().min(1);

export const invoiceFieldsSchema = z
  .object({
    vendorName: fieldSchema(text, 'Seller name (EN 16931 BT-27); may span lines.').nullish(),
    vendorVatId: fieldSchema(text, 'Seller VAT identifier (BT-31), as written.').nullish(),
    customerName: fieldSchema(text, 'Buyer name (BT-44).').nullish(),
    invoiceNumber: fieldSchema(text, 'Invoice number as issued (BT-1).').nullish(),
    issueDate: fieldSchema(isoDateSchema, 'Issue date (BT-2).').nullish(),
    dueDate: fieldSchema(isoDateSchema, 'Payment due date (BT-9).').nullish(),
    currency: fieldSchema(currencyCodeSchema, 'Invoice currency (BT-5).').nullish(),
    totalNet: fieldSchema(decimalStringSchema, 'Total without VAT (BT-109); negative on credit notes.').nullish(),
    totalTax: fieldSchema(decimalStringSchema, 'Total VAT in the invoice currency (BT-110).').nullish(),
    totalGross: fieldSchema(decimalStringSchema, 'Total with VAT (BT-112).').nullish(),
    amountDue: fieldSchema(decimalStringSchema, 'Amount due for payment (BT-115); differs from the gross total after prepayments.').nullish(),
    iban: fieldSchema(text, 'Payee IBAN in electronic format (no spaces), transcribed even when its checksum fails (an issue flags it).').nullish(),
    purchaseOrderNumber: fieldSchema(text, "Buyer's purchase order reference (BT-13).").nullish(),
  })
  .strict()
  .describe('Extracted header fields; a field not found is absent or null.');

export const lineItemSchema = z
  .object({
    description: z.string().nullable().describe('Item name or description.'),
    quantity: decimalStringSchema.nullable(),
    unitCode: z.string().nullable().describe('UN/ECE Rec. 20 unit code when known (e.g. "C62", "H87").'),
    unitPrice: decimalStringSchema.nullable().describe('Net price per unit.'),
    amount: decimalStringSchema.nullable().describe('Line net amount; negative on credit notes.'),
    taxRate: decimalStringSchema.nullable().describe('VAT rate in percent (e.g. "19").'),
    ...provenance,
  })
  .strict();

export const extractionIssueSchema = z
  .object({
    code: z.string().regex(/^[A-Z][A-Z0-9_]*$/).describe('Stable machine-readable code, e.g. TOTALS_INCONSISTENT.'),
    severity: z.enum(ISSUE_SEVERITIES),
    message: z.string().min(1),
    fields: z.array(z.enum(INVOICE_FIELD_NAMES)).describe('The fields the issue concerns (may be empty).'),
  })
  .strict();

export const extractionResultSchema = z
  .object({
    file: z.string().describe('The file name or path as given.'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the file content, lowercase hex.'),
    kind: z.enum(DOCUMENT_KINDS).describe('einvoice: PDF with embedded invoice XML; xml: a CII/UBL file; pdf-text, pdf-scanned, image: read from the page.'),
    pages: z.number().int().min(0).describe('Number of pages (0 for XML files, which have none).'),
    fields: invoiceFieldsSchema,
    lineItems: z.array(lineItemSchema),
    issues: z.array(extractionIssueSchema).describe('Failed checks and warnings; they route the document to review.'),
  })
  .strict()
  .describe('Conveyor extraction result (one document).');

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type FieldSource = (typeof FIELD_SOURCES)[number];
export type IssueSeverity = (typeof ISSUE_SEVERITIES)[number];
export type BoundingBox = z.infer<typeof boundingBoxSchema>;
export type InvoiceFields = z.infer<typeof invoiceFieldsSchema>;
export type ExtractedField<V = string> = { value: V | null; confidence: number; source: FieldSource; page: number | null; bbox: BoundingBox | null };
export type LineItem = z.infer<typeof lineItemSchema>;
export type ExtractionIssue = z.infer<typeof extractionIssueSchema>;
export type ExtractionResult = z.infer<typeof extractionResultSchema>;

/** A value read exactly from structured XML: certain, and not tied to a place on a page. */
export function xmlField(value: string): ExtractedField {
  return { value, confidence: 1, source: 'xml', page: null, bbox: null };
}

/** JSON Schema (draft 2020-12) of the result, generated from the zod model so the two cannot disagree. */
export function extractionResultJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(extractionResultSchema, { io: 'output', target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: 'https://conveyor.local/schemas/extraction-result.schema.json', title: 'Conveyor extraction result', ...rest };
}

/** The committed file's exact text: two-space indent, trailing newline. */
export function extractionResultJsonSchemaText(): string {
  return `${JSON.stringify(extractionResultJsonSchema(), null, 2)}\n`;
}
