import { readFileSync } from 'node:fs';
import Decimal from 'decimal.js';
import { electronicFormatIBAN } from 'ibantools';
import type { ExtractionResult, InvoiceFieldName } from '@conveyor/documents';
import { extractionResultSchema } from '@conveyor/documents';
import { extractEInvoiceDocument } from './einvoice-document.extractor';
import { loadEInvoiceCorpus, type CorpusEInvoice, type EInvoiceExpectation } from './einvoice-corpus.fixture';

// Reads files only (no services): every e-invoice of the shared corpus against its XML ground truth.
const corpus = loadEInvoiceCorpus();

const TEXT_FIELDS: [keyof EInvoiceExpectation, InvoiceFieldName][] = [
  ['invoice_number', 'invoiceNumber'],
  ['issue_date', 'issueDate'],
  ['due_date', 'dueDate'],
  ['currency', 'currency'],
  ['seller_name', 'vendorName'],
  ['buyer_name', 'customerName'],
  ['seller_vat_id', 'vendorVatId'],
  ['purchase_order_number', 'purchaseOrderNumber'],
];
const AMOUNT_FIELDS: [keyof EInvoiceExpectation, InvoiceFieldName][] = [
  ['total_net', 'totalNet'],
  ['total_tax', 'totalTax'],
  ['total_gross', 'totalGross'],
  ['amount_due', 'amountDue'],
];

/** Issues the corpus documents deliberately carry (MANIFEST.md); every other document must come out clean. */
const EXPECTED_FINDINGS: Record<string, string[]> = {
  'mustang/MustangBeispiel20221026': ['XML_TOTAL_MISMATCH:totalGross', 'XML_TOTAL_MISMATCH:amountDue'],
  'ferd-zugferd233/EN16931_Einfach_negativePaymentDue': ['NEGATIVE_AMOUNT_DUE:amountDue'],
  'mustang/validAvoir_FR_type380_BASICWL': ['NEGATIVE_AMOUNT_DUE:amountDue'],
  'ferd-zugferd10/ZUGFeRD_1p0_COMFORT_Sachversicherung_berechneter_Steuersatz': ['IBAN_INVALID:iban'],
  'ferd-zugferd233/EN16931_AbweichenderZahlungsempf': ['IBAN_INVALID:iban'],
};

describe('e-invoice corpus (../shared/corpus)', () => {
  it('has all 28 e-invoices of the four subsets', () => {
    expect(corpus).toHaveLength(28);
  });

  const results = new Map<string, ExtractionResult>();
  beforeAll(async () => {
    for (const document of corpus) results.set(key(document), await extractEInvoiceDocument(readFileSync(document.pdfPath), document.pdfPath));
  }, 60_000);

  it.each(corpus.map((document) => [key(document), document] as const))('%s: core fields equal the XML ground truth', (_name, document) => {
    const result = results.get(key(document))!;
    expect(extractionResultSchema.safeParse(result).success).toBe(true);
    expect(result.kind).toBe('einvoice');
    const { expected } = document;
    const actual = (field: InvoiceFieldName): string | null => result.fields[field]?.value ?? null;
    for (const [truth, field] of TEXT_FIELDS) {
      if (expected[truth] !== undefined) expect({ field, value: actual(field) }).toEqual({ field, value: expected[truth] });
    }
    for (const [truth, field] of AMOUNT_FIELDS) {
      const value = expected[truth] as number | null | undefined;
      if (value === undefined) continue;
      expect({ field, value: actual(field) }).toEqual({ field, value: value === null ? null : new Decimal(value).toFixed(2) });
    }
    // The ground truth keeps the IBAN as written (sometimes with spaces); the result holds its electronic format.
    if (expected.iban !== undefined) expect(actual('iban')).toBe(expected.iban === null ? null : electronicFormatIBAN(expected.iban));
    for (const field of Object.values(result.fields)) expect(field).toMatchObject({ confidence: 1, source: 'xml' });
  });

  it.each(corpus.map((document) => [key(document), document] as const))('%s: line items equal the XML ground truth', (_name, document) => {
    const lines = results.get(key(document))!.lineItems;
    // The projection also lists ZUGFeRD 1.0 free-text lines (every value null); they are notes, not items.
    const expectedLines = (document.expected.line_items ?? []).filter((line) => line.line_net_amount !== null);
    expect(lines.map((line) => [line.description, line.quantity, line.amount])).toEqual(
      expectedLines.map((line) => [line.name, new Decimal(line.quantity!).toFixed(), new Decimal(line.line_net_amount!).toFixed(2)]),
    );
  });

  it.each(corpus.map((document) => [key(document), document] as const))('%s: flags exactly the deliberate inconsistencies', (_name, document) => {
    const findings = results
      .get(key(document))!
      .issues.filter((issue) => issue.severity !== 'info' && issue.code !== 'IBAN_NATIONAL_CHECK_FAILED')
      .map((issue) => `${issue.code}:${issue.fields.join(',')}`);
    expect(findings).toEqual(EXPECTED_FINDINGS[key(document)] ?? []);
  });
});

function key(document: CorpusEInvoice): string {
  return `${document.subset}/${document.name}`;
}
