import { extractionResultSchema } from '@conveyor/documents';
import { extractInvoiceFields } from './extract-invoice-fields';
import { layoutOf, ocrLayoutOf, stacked, type PlacedText } from './layout-builder.fixture';

function valuesOf(lines: readonly PlacedText[]) {
  const result = extractInvoiceFields(layoutOf(lines));
  const values: Record<string, string | null | undefined> = {};
  for (const [name, field] of Object.entries(result.fields)) values[name] = field?.value;
  return { result, values };
}

function codes(result: { issues: { code: string }[] }): string[] {
  return result.issues.map((issue) => issue.code);
}

describe('extractInvoiceFields: labels in seven languages', () => {
  it('German, values right of their labels', () => {
    const { result, values } = valuesOf([
      ...stacked(0.08, 0.05, ['ACME Bürotechnik GmbH', 'Musterstraße 1, 10115 Berlin']),
      { text: 'Rechnung', x: 0.08, y: 0.15 },
      ...stacked(0.55, 0.15, ['Rechnungsnummer:  RE-2024-0042', 'Rechnungsdatum:   03.04.2024', 'Fällig am:        17.04.2024', 'Ihre Bestellung:  PO-7781']),
      ...stacked(0.08, 0.3, ['Rechnungsempfänger:', 'Beispiel Handel AG', 'Hauptweg 5, 80331 München']),
      ...stacked(0.55, 0.7, ['Nettobetrag:     1.234,56 EUR', 'MwSt. 19%:         234,57 EUR', 'Gesamtbetrag:    1.469,13 EUR']),
      { text: 'IBAN: DE89 3704 0044 0532 0130 00   USt-IdNr.: DE136695976', x: 0.08, y: 0.92 },
    ]);
    expect(values).toMatchObject({
      vendorName: 'ACME Bürotechnik GmbH', customerName: 'Beispiel Handel AG', invoiceNumber: 'RE-2024-0042', issueDate: '2024-04-03', dueDate: '2024-04-17',
      purchaseOrderNumber: 'PO-7781', totalNet: '1234.56', totalTax: '234.57', totalGross: '1469.13', currency: 'EUR', iban: 'DE89370400440532013000', vendorVatId: 'DE136695976',
    });
    expect(result.locale).toMatchObject({ language: 'de', decimalSeparator: ',', dateOrder: 'dmy' });
    expect(result.fields.totalGross).toMatchObject({ source: 'text', page: 1 });
    expect(result.fields.totalGross!.confidence).toBeGreaterThan(0.9);
    expect(result.fields.totalGross!.bbox!.y).toBeGreaterThan(0.7);
    expect(codes(result)).toEqual([]);
  });

  it('French, values under their labels, day first and space-grouped amounts', () => {
    const { result, values } = valuesOf([
      ...stacked(0.08, 0.05, ['Société Exemple SARL', '12 rue de la Paix, 75002 Paris', 'N° TVA : FR40303265045']),
      { text: 'Numéro de facture       Date de facture       Date d\'échéance', x: 0.1, y: 0.2 },
      { text: 'F-2024/117              05/03/2024            04/04/2024', x: 0.1, y: 0.218 },
      ...stacked(0.55, 0.7, ['Total HT       2 500,00 €', 'TVA 20 %         500,00 €', 'Total TTC      3 000,00 €']),
    ]);
    expect(values).toMatchObject({
      vendorName: 'Société Exemple SARL', vendorVatId: 'FR40303265045', invoiceNumber: 'F-2024/117', issueDate: '2024-03-05', dueDate: '2024-04-04',
      totalNet: '2500.00', totalTax: '500.00', totalGross: '3000.00', currency: 'EUR',
    });
    expect(result.locale.language).toBe('fr');
    expect(codes(result)).not.toContain('DATE_AMBIGUOUS');
  });

  it('Dutch, with an item table read by its column headers', () => {
    const { result, values } = valuesOf([
      ...stacked(0.6, 0.05, ['Voorbeeld B.V.', 'Kerkstraat 1, Utrecht', 'BTW NL004495445B01', 'IBAN NL91ABNA0417164300']),
      ...stacked(0.08, 0.2, ['Factuurnummer: 2024-0007', 'Factuurdatum: 12 maart 2024', 'Vervaldatum: 11 april 2024']),
      { text: 'Omschrijving                 Aantal    Prijs      BTW     Bedrag', x: 0.08, y: 0.35 },
      { text: 'Adviesuren                    10      € 95,00     21%    € 950,00', x: 0.08, y: 0.37 },
      { text: 'Reiskosten                     1      € 50,00     21%     € 50,00', x: 0.08, y: 0.39 },
      ...stacked(0.5, 0.5, ['Subtotaal             € 1.000,00', 'BTW 21%                 € 210,00', 'Totaal                € 1.210,00']),
    ]);
    expect(values).toMatchObject({
      vendorName: 'Voorbeeld B.V.', vendorVatId: 'NL004495445B01', iban: 'NL91ABNA0417164300', invoiceNumber: '2024-0007', issueDate: '2024-03-12', dueDate: '2024-04-11',
      totalNet: '1000.00', totalTax: '210.00', totalGross: '1210.00', currency: 'EUR',
    });
    expect(result.lineItems.map(({ description, quantity, unitPrice, amount, taxRate }) => ({ description, quantity, unitPrice, amount, taxRate }))).toEqual([
      { description: 'Adviesuren', quantity: '10', unitPrice: '95.00', amount: '950.00', taxRate: '21' },
      { description: 'Reiskosten', quantity: '1', unitPrice: '50.00', amount: '50.00', taxRate: '21' },
    ]);
    expect(result.lineItems[0].confidence).toBeGreaterThan(0.8);
    expect(codes(result)).toEqual([]);
  });

  it('Spanish', () => {
    const { result, values } = valuesOf([
      ...stacked(0.08, 0.05, ['Distribuciones Ejemplo S.L.', 'NIF: ESB12345674']),
      ...stacked(0.55, 0.15, ['Nº Factura: 2024-015', 'Fecha de emisión: 15/02/2024', 'Fecha de vencimiento: 16/03/2024']),
      ...stacked(0.55, 0.7, ['Base imponible     100,00 €', 'IVA 21%             21,00 €', 'Total factura      121,00 €']),
    ]);
    expect(values).toMatchObject({
      vendorName: 'Distribuciones Ejemplo S.L.', vendorVatId: 'ESB12345674', invoiceNumber: '2024-015', issueDate: '2024-02-15', dueDate: '2024-03-16',
      totalNet: '100.00', totalTax: '21.00', totalGross: '121.00', currency: 'EUR',
    });
    expect(result.locale.language).toBe('es');
  });

  it('Italian', () => {
    const { values } = valuesOf([
      ...stacked(0.08, 0.05, ['Forniture Esempio S.r.l.', 'Partita IVA: IT00743110157']),
      ...stacked(0.55, 0.15, ['Numero fattura: 45/2024', 'Data fattura: 12/03/2024', 'Scadenza: 11/04/2024']),
      ...stacked(0.55, 0.7, ['Imponibile           € 200,00', 'IVA 22%               € 44,00', 'Totale documento     € 244,00']),
    ]);
    expect(values).toMatchObject({
      vendorName: 'Forniture Esempio S.r.l.', vendorVatId: 'IT00743110157', invoiceNumber: '45/2024', issueDate: '2024-03-12', dueDate: '2024-04-11',
      totalNet: '200.00', totalTax: '44.00', totalGross: '244.00', currency: 'EUR',
    });
  });

  it('Polish, with złoty and a NIP printed without its country prefix', () => {
    const { result, values } = valuesOf([
      ...stacked(0.08, 0.05, ['Sprzedawca:', 'Firma Handlowa Sp. z o.o.', 'NIP: 526-000-12-46']),
      ...stacked(0.55, 0.15, ['Faktura VAT nr FV/12/2024', 'Data wystawienia: 2024-03-15', 'Termin płatności: 29.03.2024']),
      ...stacked(0.5, 0.7, ['Razem netto     1 000,00 zł', 'Kwota VAT         230,00 zł', 'Razem brutto    1 230,00 zł']),
    ]);
    expect(values).toMatchObject({
      vendorName: 'Firma Handlowa Sp. z o.o.', vendorVatId: '5260001246', invoiceNumber: 'FV/12/2024', issueDate: '2024-03-15', dueDate: '2024-03-29',
      totalNet: '1000.00', totalTax: '230.00', totalGross: '1230.00', currency: 'PLN',
    });
    expect(codes(result)).not.toContain('VAT_ID_FORMAT');
  });

  it('English (US): month first, proven by a day above 12; "$" is USD without other evidence', () => {
    const { result, values } = valuesOf([
      ...stacked(0.08, 0.05, ['Northwind Traders Inc.', '1 Main Street, Springfield']),
      { text: 'INVOICE', x: 0.6, y: 0.05 },
      ...stacked(0.55, 0.12, ['Invoice No: INV-1001', 'Invoice Date: 03/14/2024', 'Due Date: 04/13/2024']),
      ...stacked(0.08, 0.2, ['Bill To:', 'Contoso Ltd']),
      ...stacked(0.55, 0.7, ['Subtotal:    $1,200.00', 'Sales Tax:      $99.00', 'Total:       $1,299.00', 'Balance Due: $1,299.00']),
    ]);
    expect(values).toMatchObject({
      vendorName: 'Northwind Traders Inc.', customerName: 'Contoso Ltd', invoiceNumber: 'INV-1001', issueDate: '2024-03-14', dueDate: '2024-04-13',
      totalNet: '1200.00', totalTax: '99.00', totalGross: '1299.00', amountDue: '1299.00', currency: 'USD',
    });
    expect(result.fields.currency!.confidence).toBeLessThanOrEqual(0.75);
  });

  it('returns a shape the published schema accepts, with OCR as the source on OCR pages', () => {
    const result = extractInvoiceFields(ocrLayoutOf([
      ...stacked(0.1, 0.1, ['Invoice Number: A-17', 'Invoice Date: 2024-05-02', 'Total: 12.50 EUR'].map((text) => text)).map((line) => ({ ...line, confidence: 0.9 })),
    ]));
    expect(result.fields.invoiceNumber).toMatchObject({ value: 'A-17', source: 'ocr' });
    expect(result.fields.invoiceNumber!.confidence).toBeLessThan(1);
    const parsed = extractionResultSchema.safeParse({ file: 'x.png', sha256: 'a'.repeat(64), kind: 'image', pages: 1, fields: result.fields, lineItems: result.lineItems, issues: result.issues });
    expect(parsed.success).toBe(true);
  });

  it('tolerates one-letter OCR slips in labels on OCR pages', () => {
    const result = extractInvoiceFields(ocrLayoutOf(stacked(0.1, 0.1, ['Rechnungsnumrner: 4711-A', 'Rechnungsdatum: 02.05.2024', 'Gesamtbetrag: 99,00 EUR'])));
    expect(result.fields.invoiceNumber?.value).toBe('4711-A');
    expect(result.fields.invoiceNumber!.confidence).toBeLessThan(result.fields.totalGross!.confidence + 0.2);
  });
});

describe('extractInvoiceFields: never "the first date in the document"', () => {
  it('takes the date next to its label, not an earlier one', () => {
    const { values } = valuesOf([
      { text: 'Angebot vom 01.01.2024 angenommen', x: 0.1, y: 0.05 },
      ...stacked(0.1, 0.2, ['Rechnungsnummer: 77', 'Rechnungsdatum: 20.02.2024', 'Gesamtbetrag: 10,00 EUR']),
    ]);
    expect(values.issueDate).toBe('2024-02-20');
  });

  it('finds no issue date among several unlabelled dates', () => {
    const { values } = valuesOf(stacked(0.1, 0.1, ['Lieferung 01.01.2024', 'Angebot 15.12.2023', 'Rechnungsnummer: 77', 'Gesamtbetrag: 10,00 EUR']));
    expect(values.issueDate).toBeUndefined();
  });

  it('takes the only date a document prints (a receipt), below the auto-accept threshold', () => {
    const { result } = valuesOf(stacked(0.1, 0.1, ['MR. D.I.Y. SDN BHD', '18-10-2017 10:24', 'TOTAL  RM 5.90']));
    expect(result.fields.issueDate).toMatchObject({ value: '2017-10-18' });
    expect(result.fields.issueDate!.confidence).toBeLessThan(0.7);
    expect(result.issues.find((issue) => issue.code === 'LOW_CONFIDENCE' && issue.fields.includes('issueDate'))).toBeDefined();
  });

  it('reads "$" as the currency of a dollar country its company form names, else USD', () => {
    expect(valuesOf(stacked(0.1, 0.1, ['UNIHAKKA INTERNATIONAL SDN BHD', 'Invoice number: 5', 'Total: $8.20'])).values.currency).toBe('MYR');
    expect(valuesOf(stacked(0.1, 0.1, ['Northwind Inc.', 'Invoice number: 5', 'Total: $8.20'])).values.currency).toBe('USD');
    // A receipt of a dollar-country company that prints no currency at all: nothing guessed, nothing thrown.
    expect(valuesOf(stacked(0.1, 0.1, ['UNIHAKKA INTERNATIONAL SDN BHD', 'Receipt number: 5', 'Total: 8.20'])).values.currency).toBeUndefined();
  });
});

describe('extractInvoiceFields: document structures', () => {
  it('reads "Rechnung Nr. X vom D": a title with a number word, and a date connector right after the number', () => {
    const { values } = valuesOf([
      { text: 'Stylesheet 2.5 vom 10.01.2023', x: 0.1, y: 0.03 },
      { text: 'Handelsrechnung (380) Nr. 471102 vom 05.03.2018', x: 0.1, y: 0.1 },
      { text: 'Gesamtbetrag: 10,00 EUR', x: 0.5, y: 0.5 },
    ]);
    expect(values).toMatchObject({ invoiceNumber: '471102', issueDate: '2018-03-05' });
  });

  it('takes a party\'s name from the "Name:" field of its section', () => {
    const { values } = valuesOf([
      ...stacked(0.1, 0.1, ['Verkäufer', 'Nummer:      549910', 'Name:        Lieferant GmbH', 'Anschrift:   Lieferantenstraße 20']),
      ...stacked(0.1, 0.3, ['Käufer/Leistungsempfänger', 'Nummer:      GE2020211', 'Name:        Kunden AG Mitte']),
      { text: 'Rechnungsnummer: 1   Gesamtbetrag: 10,00 EUR', x: 0.1, y: 0.6 },
    ]);
    expect(values).toMatchObject({ vendorName: 'Lieferant GmbH', customerName: 'Kunden AG Mitte' });
  });

  it('takes the sum row of a tax breakdown, not its first rate', () => {
    const { result } = valuesOf([
      { text: 'Rechnungsnummer: 5', x: 0.1, y: 0.05 },
      { text: 'Nettobetrag     MwSt-Betrag     Endbetrag', x: 0.4, y: 0.8 },
      { text: '321,40          61,07           382,47', x: 0.4, y: 0.815 },
      { text: '127,59           8,93           136,52', x: 0.4, y: 0.83 },
      { text: '448,99          70,00           518,99', x: 0.4, y: 0.845 },
    ]);
    expect([result.fields.totalNet?.value, result.fields.totalTax?.value, result.fields.totalGross?.value]).toEqual(['448.99', '70.00', '518.99']);
  });

  it('makes the amounts of a credit note negative and says so', () => {
    const { result } = valuesOf([
      { text: 'Gutschrift', x: 0.1, y: 0.05 },
      ...stacked(0.1, 0.1, ['Gutschriftsnummer: G-7', 'Nettobetrag: 100,00 EUR', 'MwSt.: 19,00 EUR', 'Gesamtbetrag: 119,00 EUR']),
    ]);
    expect(result.fields.totalGross?.value).toBe('-119.00');
    expect(result.fields.totalNet?.value).toBe('-100.00');
    expect(result.issues.find((issue) => issue.code === 'CREDIT_NOTE')).toMatchObject({ severity: 'info' });
    expect(result.issues.map((issue) => issue.code)).not.toContain('TOTALS_INCONSISTENT');
  });
});
