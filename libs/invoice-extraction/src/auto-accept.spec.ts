import type { ExtractionIssue, ExtractionResult, InvoiceFieldName } from '@conveyor/documents';
import { autoAcceptedFields, CONDITIONAL_POSTING_FIELDS, needsReview, REQUIRED_POSTING_FIELDS, reviewReasons } from './auto-accept';
import { extractInvoiceFields } from './extract-invoice-fields';
import { layoutOf, stacked } from './layout-builder.fixture';

type Review = Pick<ExtractionResult, 'fields' | 'issues'>;

const read = (value: string, confidence = 0.95) => ({ value, confidence, source: 'text' as const, page: 1, bbox: null });

/** A clean invoice: every posting field read confidently, net + tax = gross. */
function invoice(issues: ExtractionIssue[] = [], without: InvoiceFieldName[] = []): Review {
  const fields: Review['fields'] = {
    vendorName: read('ACME Bürotechnik GmbH'),
    vendorVatId: read('DE136695976'),
    customerName: read('Beispiel Handel AG', 0.5),
    invoiceNumber: read('RE-2024-0042'),
    issueDate: read('2024-04-03'),
    dueDate: read('2024-04-17'),
    currency: read('EUR'),
    totalNet: read('1234.56'),
    totalTax: read('234.57'),
    totalGross: read('1469.13'),
    amountDue: read('1469.13'),
    iban: read('DE89370400440532013000'),
    purchaseOrderNumber: read('PO-7781', 0.4),
  };
  for (const name of without) delete fields[name];
  return { fields, issues };
}

const lowConfidence = (field: InvoiceFieldName): ExtractionIssue => ({ code: 'LOW_CONFIDENCE', severity: 'warning', message: `${field} was read with confidence 0.50`, fields: [field] });
const lineSumMismatch: ExtractionIssue = { code: 'LINE_SUM_MISMATCH', severity: 'warning', message: 'the 3 line amounts add up to 1200.00, but the net total reads 1234.56', fields: ['totalNet'] };

describe('needsReview: what blocks', () => {
  it('blocks on any error, even one naming only an informational field', () => {
    expect(needsReview(invoice([{ code: 'TOTALS_INCONSISTENT', severity: 'error', message: 'net + tax ≠ gross', fields: ['totalNet', 'totalTax', 'totalGross'] }]))).toBe(true);
    expect(needsReview(invoice([{ code: 'PO_UNKNOWN', severity: 'error', message: 'no such order', fields: ['purchaseOrderNumber'] }]))).toBe(true);
    expect(needsReview(invoice([{ code: 'NOT_AN_INVOICE', severity: 'error', message: 'nothing found', fields: [] }]))).toBe(true);
  });

  it.each([...REQUIRED_POSTING_FIELDS, ...CONDITIONAL_POSTING_FIELDS])('blocks on low confidence in the posting-critical field %s', (field) => {
    expect(needsReview(invoice([lowConfidence(field)]))).toBe(true);
  });

  it.each<[string, ExtractionIssue]>([
    ['a one-cent totals gap', { code: 'TOTALS_INCONSISTENT', severity: 'warning', message: 'one cent off', fields: ['totalNet', 'totalTax', 'totalGross'] }],
    ['a failing national IBAN check', { code: 'IBAN_NATIONAL_CHECK_FAILED', severity: 'warning', message: 'national check digits fail', fields: ['iban'] }],
    ['a failing VAT id check digit', { code: 'VAT_ID_CHECKSUM', severity: 'warning', message: 'check digit fails', fields: ['vendorVatId'] }],
    ['an ambiguous due date', { code: 'DATE_AMBIGUOUS', severity: 'warning', message: '04/05 or 05/04', fields: ['dueDate'] }],
    ['a second currency printed', { code: 'CURRENCY_INCONSISTENT', severity: 'warning', message: 'also USD', fields: ['currency'] }],
    ['a warning naming an informational and a critical field', { code: 'XML_TOTAL_MISMATCH', severity: 'warning', message: 'printed total differs', fields: ['purchaseOrderNumber', 'totalGross'] }],
    ['a warning about the whole document (no field)', { code: 'OCR_FAILED', severity: 'warning', message: 'page 2 could not be read', fields: [] }],
  ])('blocks on %s', (_case, issue) => {
    expect(needsReview(invoice([issue]))).toBe(true);
  });

  it.each<[string, ExtractionIssue]>([
    ['an invalid IBAN', { code: 'IBAN_INVALID', severity: 'error', message: 'mod-97 fails', fields: ['iban'] }],
    ['a VAT id of the wrong format', { code: 'VAT_ID_FORMAT', severity: 'error', message: 'wrong format', fields: ['vendorVatId'] }],
    ['a due date before the issue date', { code: 'DUE_BEFORE_ISSUE', severity: 'error', message: 'due before issue', fields: ['dueDate', 'issueDate'] }],
  ])('blocks on %s', (_case, issue) => {
    expect(needsReview(invoice([issue]))).toBe(true);
  });

  it.each(REQUIRED_POSTING_FIELDS)('blocks when the required field %s was not read, though no issue names it', (field) => {
    const result = invoice([], [field]);
    expect(needsReview(result)).toBe(true);
    expect(reviewReasons(result)).toEqual({ blockingIssues: [], missingFields: [field] });
  });

  it('blocks on line amounts that do not add up when the totals cannot vouch for themselves', () => {
    expect(needsReview(invoice([lineSumMismatch], ['totalTax']))).toBe(true);
    const disagreeing = invoice([lineSumMismatch]);
    disagreeing.fields.totalGross = read('1469.14');
    expect(needsReview(disagreeing)).toBe(true);
  });
});

describe('needsReview: what does not block', () => {
  it('passes a clean invoice carrying only the required fields', () => {
    expect(needsReview(invoice([], [...CONDITIONAL_POSTING_FIELDS, 'customerName', 'purchaseOrderNumber']))).toBe(false);
  });

  it('passes low confidence on the customer name or the purchase order number, and keeps the warnings on the result', () => {
    const issues = [lowConfidence('customerName'), lowConfidence('purchaseOrderNumber')];
    const result = invoice(issues);
    expect(needsReview(result)).toBe(false);
    expect(result.issues).toEqual(issues);
  });

  it('passes line amounts that do not add up when net + tax = gross', () => {
    expect(needsReview(invoice([lineSumMismatch]))).toBe(false);
  });

  it('passes informational issues', () => {
    expect(needsReview(invoice([{ code: 'CREDIT_NOTE', severity: 'info', message: 'credit note', fields: ['totalNet', 'totalTax', 'totalGross', 'amountDue'] }]))).toBe(false);
  });
});

describe('autoAcceptedFields: exactly what the rule lets through', () => {
  it('takes every read value of a passing document except the ones a warning flags', () => {
    const accepted = autoAcceptedFields(invoice([lowConfidence('customerName'), lineSumMismatch]));
    expect([...accepted].sort()).toEqual(['amountDue', 'currency', 'dueDate', 'iban', 'invoiceNumber', 'issueDate', 'purchaseOrderNumber', 'totalGross', 'totalTax', 'vendorName', 'vendorVatId']);
  });

  it('takes nothing from a document that needs review', () => {
    expect(autoAcceptedFields(invoice([lowConfidence('issueDate')])).size).toBe(0);
    expect(autoAcceptedFields(invoice([], ['vendorName'])).size).toBe(0);
  });
});

describe('needsReview on a page read for real', () => {
  it('passes a German invoice whose only doubt is the customer block', () => {
    const result = extractInvoiceFields(
      layoutOf([
        ...stacked(0.08, 0.05, ['ACME Bürotechnik GmbH', 'Musterstraße 1, 10115 Berlin']),
        { text: 'Rechnung', x: 0.08, y: 0.15 },
        ...stacked(0.55, 0.15, ['Rechnungsnummer:  RE-2024-0042', 'Rechnungsdatum:   03.04.2024', 'Fällig am:        17.04.2024']),
        ...stacked(0.08, 0.3, ['Rechnungsempfänger:', '/ Lieferanschrift', 'Hauptweg 5, 80331 München']),
        ...stacked(0.55, 0.7, ['Nettobetrag:     1.234,56 EUR', 'MwSt. 19%:         234,57 EUR', 'Gesamtbetrag:    1.469,13 EUR']),
        { text: 'IBAN: DE89 3704 0044 0532 0130 00   USt-IdNr.: DE136695976', x: 0.08, y: 0.92 },
      ]),
    );
    const flagged = result.issues.filter((issue) => issue.severity !== 'info').flatMap((issue) => issue.fields);
    expect(flagged).toEqual(['customerName']);
    expect(needsReview(result)).toBe(false);
    expect(autoAcceptedFields(result).has('customerName')).toBe(false);
    expect(autoAcceptedFields(result).has('totalGross')).toBe(true);
  });
});
