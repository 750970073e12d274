import { hasInvoiceFields, invoiceFieldsOf, isCalendarDate, isSearchableAmount } from './invoice-fields';

describe('invoice search fields', () => {
  it('keeps well-formed values and tidies whitespace', () => {
    expect(invoiceFieldsOf({ vendorName: '  Müller\n Bürobedarf  GmbH ', invoiceNumber: 'RE-1', issueDate: '2026-02-28', totalGross: '-1190.50', currency: 'EUR', iban: 'x' })).toEqual({
      vendorName: 'Müller Bürobedarf GmbH', invoiceNumber: 'RE-1', issueDate: '2026-02-28', totalGross: '-1190.50', currency: 'EUR',
    });
  });

  it('leaves out what cannot be searched exactly rather than storing it wrong', () => {
    expect(invoiceFieldsOf({ vendorName: '   ', invoiceNumber: 42, issueDate: '2026-02-30', totalGross: '12,50', currency: 'eur' })).toEqual({
      vendorName: null, invoiceNumber: null, issueDate: null, totalGross: null, currency: null,
    });
    expect(hasInvoiceFields(invoiceFieldsOf({}))).toBe(false);
    expect(hasInvoiceFields(invoiceFieldsOf({ totalGross: '1' }))).toBe(true);
  });

  it('accepts only days that exist and amounts the numeric(24, 6) column holds', () => {
    expect(['2024-02-29', '2026-12-31'].map(isCalendarDate)).toEqual([true, true]);
    expect(['2026-13-01', '2025-02-29', '2026-1-01', '2026-04-31', ''].map(isCalendarDate)).toEqual([false, false, false, false, false]);
    expect(['0', '-0.5', '123456789012345678.123456', '1190.50'].map(isSearchableAmount)).toEqual([true, true, true, true]);
    expect(['1234567890123456789', '1.1234567', '01', '1e3', 'abc', '1,5', '.5'].map(isSearchableAmount)).toEqual([false, false, false, false, false, false, false]);
  });
});
