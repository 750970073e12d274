import { extractInvoiceFields } from '../extract-invoice-fields';
import { layoutOf, stacked } from '../layout-builder.fixture';

const codes = (lines: string[], threshold?: number) => {
  const result = extractInvoiceFields(layoutOf(stacked(0.1, 0.1, lines)), { lowConfidenceThreshold: threshold });
  return { result, codes: result.issues.map((issue) => issue.code) };
};

describe('validation issues', () => {
  it('flags an IBAN whose checksum fails, keeping it exactly as printed (never repaired)', () => {
    const { result, codes: found } = codes(['Rechnungsnummer: 1', 'Gesamtbetrag: 10,00 EUR', 'IBAN: DE89 3704 0044 0532 0130 01']);
    expect(result.fields.iban?.value).toBe('DE89370400440532013001');
    expect(found).toContain('IBAN_INVALID');
    expect(result.issues.find((issue) => issue.code === 'IBAN_INVALID')).toMatchObject({ severity: 'error', fields: ['iban'] });
  });

  it('accepts a valid IBAN without an issue', () => {
    const { codes: found } = codes(['Rechnungsnummer: 1', 'Gesamtbetrag: 10,00 EUR', 'IBAN: DE89 3704 0044 0532 0130 00']);
    expect(found).not.toContain('IBAN_INVALID');
  });

  it('flags a labelled VAT id that does not have its country format (VAT_ID_FORMAT), and a failing check digit softer', () => {
    const bad = codes(['Rechnungsnummer: 1', 'Gesamtbetrag: 10,00 EUR', 'USt-IdNr.: DE12345']);
    expect(bad.result.fields.vendorVatId?.value).toBe('DE12345');
    expect(bad.codes).toContain('VAT_ID_FORMAT');
    const checksum = codes(['Rechnungsnummer: 1', 'Gesamtbetrag: 10,00 EUR', 'USt-IdNr.: DE123456789']);
    expect(checksum.result.fields.vendorVatId?.value).toBe('DE123456789');
    expect(checksum.result.issues.find((issue) => issue.code === 'VAT_ID_CHECKSUM')).toMatchObject({ severity: 'warning' });
    expect(codes(['Rechnungsnummer: 1', 'Gesamtbetrag: 10,00 EUR', 'USt-IdNr.: DE136695976']).codes).toEqual([]);
  });

  it('chooses among total candidates the ones where net + tax = gross', () => {
    const { result, codes: found } = codes(['Factuurnummer: 9', 'Subtotaal   € 717,97', 'Exclusief BTW   € 593,36', 'BTW 21%   € 124,61', 'Totaal   € 717,97']);
    expect(result.fields.totalNet?.value).toBe('593.36');
    expect(result.fields.totalTax?.value).toBe('124.61');
    expect(result.fields.totalGross?.value).toBe('717.97');
    expect(found).not.toContain('TOTALS_INCONSISTENT');
    expect(result.fields.totalNet!.confidence).toBeGreaterThan(0.8);
  });

  it('reports totals that do not add up, with the arithmetic as evidence', () => {
    const { result } = codes(['Invoice number: 9', 'Subtotal: 100.00', 'VAT: 20.00', 'Total: 125.00']);
    const issue = result.issues.find((candidate) => candidate.code === 'TOTALS_INCONSISTENT');
    expect(issue).toMatchObject({ severity: 'error', fields: ['totalNet', 'totalTax', 'totalGross'] });
    expect(issue!.message).toContain('120.00');
  });

  it('reports a due date before the issue date', () => {
    expect(codes(['Invoice number: 9', 'Invoice date: 2024-05-10', 'Due date: 2024-05-01', 'Total: 5.00 EUR']).codes).toContain('DUE_BEFORE_ISSUE');
  });

  it('reports line amounts that do not add up to the net total', () => {
    const result = extractInvoiceFields(layoutOf([
      { text: 'Invoice number: 12', x: 0.1, y: 0.05 },
      { text: 'Description            Qty     Unit price      Amount', x: 0.1, y: 0.2 },
      { text: 'Widget                   2        10.00         20.00', x: 0.1, y: 0.22 },
      { text: 'Gadget                   1         5.00          5.00', x: 0.1, y: 0.24 },
      ...stacked(0.5, 0.4, ['Subtotal:   30.00 EUR', 'VAT:         5.70 EUR', 'Total:      35.70 EUR']),
    ]));
    expect(result.lineItems).toHaveLength(2);
    expect(result.issues.find((issue) => issue.code === 'LINE_SUM_MISMATCH')?.message).toContain('25.00');
  });

  it('reports amounts printed in another currency than the invoice currency', () => {
    expect(codes(['Invoice number: 9', 'Shipping: 5.00 USD', 'Total: 100.00 EUR', 'Amount due: 100.00 EUR']).codes).toContain('CURRENCY_INCONSISTENT');
  });

  it('marks fields under the configurable confidence threshold LOW_CONFIDENCE, so the step asks for review', () => {
    const lines = ['Invoice number: 9', 'Date: 2024-05-10', 'Total: 5.00 EUR'];
    const strict = codes(lines, 0.99);
    expect(strict.result.issues.filter((issue) => issue.code === 'LOW_CONFIDENCE').length).toBeGreaterThan(0);
    expect(codes(lines, 0.1).codes).not.toContain('LOW_CONFIDENCE');
  });
});
