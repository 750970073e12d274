import { extractInvoiceFields } from '../extract-invoice-fields';
import { layoutOf, stacked } from '../layout-builder.fixture';
import { decideDecimalSeparator, readAmountText } from './amount-reading';

describe('amounts', () => {
  it.each([
    ['1.234,56', ',', '1234.56'],
    ['1,234.56', '.', '1234.56'],
    ["1'234.50", '.', '1234.5'],
    ['1 234,56', ',', '1234.56'],
    ['-12,00', ',', '-12'],
    ['12,00-', ',', '-12'],
    ['(12.00)', '.', '-12'],
    ['3.441.812', ',', '3441812'],
    ['€4.11', '.', '4.11'],
    ['1939', '.', '1939'],
  ])('reads %s (document separator %s) as %s', (printed, separator, expected) => {
    expect(readAmountText(printed, separator as ',' | '.')?.value.toString()).toBe(expected);
  });

  it('reads "1.234" by the document separator: grouping in a comma document, decimal in a dot document', () => {
    expect(readAmountText('1.234', ',')).toMatchObject({ separatorAmbiguous: true });
    expect(readAmountText('1.234', ',')!.value.toString()).toBe('1234');
    expect(readAmountText('1.234', '.')!.value.toString()).toBe('1.234');
  });

  it('decides the separator from all amounts, and from the language only without evidence', () => {
    expect(decideDecimalSeparator(['1.234', '12,50', '3,99'], '.')).toMatchObject({ separator: ',' });
    expect(decideDecimalSeparator(['1,234.50', '7.00'], ',')).toMatchObject({ separator: '.' });
    expect(decideDecimalSeparator(['1.234', '17'], ',')).toEqual({ separator: ',', evidence: 0 });
  });

  it('a German invoice whose only total is "1.234" means 1234 when its other amounts use decimal commas', () => {
    const result = extractInvoiceFields(layoutOf(stacked(0.1, 0.1, ['Rechnungsnummer: 5', 'Versand: 4,90 EUR', 'Gesamtbetrag: 1.234 EUR'])));
    expect(result.fields.totalGross?.value).toBe('1234.00');
    expect(result.locale.decimalSeparator).toBe(',');
  });

  it('a number of days is a payment term, not an amount due', () => {
    const result = extractInvoiceFields(layoutOf(stacked(0.1, 0.1, ['Invoice number: 5', 'Total: 100.00 USD', 'Please pay within 45 days.'])));
    expect(result.fields.amountDue).toBeUndefined();
    expect(extractInvoiceFields(layoutOf(stacked(0.1, 0.1, ['Invoice number: 5', 'Please pay: 45.00 USD']))).fields.amountDue?.value).toBe('45.00');
  });

  it('an English invoice with "1.234" among dot-decimal amounts means 1.234', () => {
    const result = extractInvoiceFields(layoutOf(stacked(0.1, 0.1, ['Invoice number: 5', 'Shipping: 4.90 USD', 'Total: 1.234 USD'])));
    expect(result.fields.totalGross?.value).toBe('1.234');
  });
});

describe('dates', () => {
  const invoice = (dateLine: string, ...more: string[]) => extractInvoiceFields(layoutOf(stacked(0.1, 0.1, ['Invoice number: 42', dateLine, ...more, 'Total: 100.00'])));

  it('an ambiguous date with no evidence is flagged DATE_AMBIGUOUS with low confidence, both readings in the message', () => {
    const result = invoice('Invoice date: 03/04/2024');
    expect(result.fields.issueDate!.confidence).toBeLessThanOrEqual(0.5);
    const issue = result.issues.find((candidate) => candidate.code === 'DATE_AMBIGUOUS');
    expect(issue).toMatchObject({ severity: 'warning', fields: ['issueDate'] });
    expect(issue!.message).toContain('2024-04-03');
    expect(issue!.message).toContain('2024-03-04');
  });

  it('another date of the document with a day above 12 decides the order', () => {
    const result = invoice('Invoice date: 03/04/2024', 'Due date: 25/04/2024');
    expect(result.fields.issueDate).toMatchObject({ value: '2024-04-03' });
    expect(result.fields.issueDate!.confidence).toBeGreaterThan(0.7);
    expect(result.issues.map((issue) => issue.code)).not.toContain('DATE_AMBIGUOUS');
  });

  it('US dollars decide month first; a European VAT id decides day first', () => {
    expect(invoice('Invoice date: 03/04/2024', 'Amount: $100.00').fields.issueDate?.value).toBe('2024-03-04');
    expect(invoice('Invoice date: 03/04/2024', 'VAT number: GB980780684').fields.issueDate?.value).toBe('2024-04-03');
  });

  it('labels in German decide day first', () => {
    const result = extractInvoiceFields(layoutOf(stacked(0.1, 0.1, ['Rechnungsnummer: 42', 'Rechnungsdatum: 03/04/2024', 'Gesamtbetrag: 100,00'])));
    expect(result.fields.issueDate?.value).toBe('2024-04-03');
    expect(result.locale.dateOrderEvidence).toContain('de');
  });

  it.each([
    ['Invoice date: 19 april 2014', '2014-04-19'],
    ['Rechnungsdatum: 3. März 2024', '2024-03-03'],
    ['Date de facture : 1er juillet 2015', '2015-07-01'],
    ['Factuurdatum: 29 maart 2014', '2014-03-29'],
    ['Fecha de factura: 5 de marzo de 2024', '2024-03-05'],
    ['Data fattura: 12 dicembre 2023', '2023-12-12'],
    ['Data wystawienia: 15 stycznia 2024', '2024-01-15'],
    ['Invoice date: August 3 , 2014', '2014-08-03'],
    ['Invoice date: 03-Mar-24', '2024-03-03'],
    ['Invoice date: 2024-02-29', '2024-02-29'],
    ['Rechnungsdatum: 01.02.24', '2024-02-01'],
  ])('reads "%s" as %s', (line, iso) => {
    expect(invoice(line).fields.issueDate?.value).toBe(iso);
  });

  it('does not read a time as the year of a date whose year OCR lost ("18-10- 15:16")', () => {
    expect(invoice('Date: 18-10- 15:16').fields.issueDate).toBeUndefined();
    expect(invoice('Date: 18-10-17 15:16').fields.issueDate?.value).toBe('2017-10-18');
  });

  it('refuses impossible dates', () => {
    expect(invoice('Invoice date: 2023-02-29').fields.issueDate).toBeUndefined();
  });
});
