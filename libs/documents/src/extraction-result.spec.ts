import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EXTRACTION_RESULT_JSON_SCHEMA_PATH,
  INVOICE_FIELD_NAMES,
  extractionResultJsonSchema,
  extractionResultJsonSchemaText,
  extractionResultSchema,
  xmlField,
  type ExtractionResult,
} from './extraction-result';

const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');

const sample = (): ExtractionResult => ({
  file: 'invoice.pdf',
  sha256: 'a'.repeat(64),
  kind: 'pdf-text',
  pages: 2,
  fields: {
    invoiceNumber: xmlField('RE-2024/001'),
    issueDate: { value: '2024-02-29', confidence: 0.93, source: 'text', page: 1, bbox: { x: 0.6, y: 0.1, width: 0.2, height: 0.02 } },
    totalGross: { value: '-1234.50', confidence: 0.8, source: 'ocr', page: 2, bbox: null },
    dueDate: null,
  },
  lineItems: [{ description: 'Widget', quantity: '2', unitCode: 'C62', unitPrice: '617.25', amount: '1234.50', taxRate: '19', confidence: 0.7, source: 'text', page: 1, bbox: null }],
  issues: [{ code: 'DUE_BEFORE_ISSUE', severity: 'error', message: 'due before issue', fields: ['dueDate', 'issueDate'] }],
});

describe('extraction result model', () => {
  it('is committed as JSON Schema exactly as generated (run libs/documents/scripts/generate-json-schema.ts after changing the model)', () => {
    const committed = readFileSync(join(REPOSITORY_ROOT, EXTRACTION_RESULT_JSON_SCHEMA_PATH), 'utf8');
    expect(committed).toBe(extractionResultJsonSchemaText());
  });

  it('publishes every field of the CLI contract', () => {
    const schema = extractionResultJsonSchema() as any;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['file', 'sha256', 'kind', 'pages', 'fields', 'lineItems', 'issues']);
    expect(Object.keys(schema.properties.fields.properties)).toEqual([...INVOICE_FIELD_NAMES]);
    expect(schema.properties.kind.enum).toEqual(['einvoice', 'pdf-text', 'pdf-scanned', 'image', 'xml']);
  });

  it('accepts a result from any reader', () => {
    expect(extractionResultSchema.safeParse(sample()).success).toBe(true);
  });

  it.each([
    ['a float amount', (result: any) => (result.fields.totalGross.value = 1234.5)],
    ['a grouped amount', (result: any) => (result.fields.totalGross.value = '1,234.50')],
    ['a comma decimal', (result: any) => (result.fields.totalGross.value = '1234,50')],
    ['a non-ISO date', (result: any) => (result.fields.issueDate.value = '29.02.2024')],
    ['a confidence above 1', (result: any) => (result.fields.issueDate.confidence = 1.2)],
    ['an unknown source', (result: any) => (result.fields.issueDate.source = 'guess')],
    ['an unknown field', (result: any) => (result.fields.total = xmlField('1.00'))],
    ['a lowercase currency', (result: any) => (result.fields.currency = xmlField('eur'))],
    ['an issue about an unknown field', (result: any) => (result.issues[0].fields = ['total'])],
    ['an extra top-level key', (result: any) => (result.extra = true)],
  ])('rejects %s', (_case, spoil) => {
    const result = sample();
    spoil(result);
    expect(extractionResultSchema.safeParse(result).success).toBe(false);
  });
});
