import { extractInvoiceFields } from '../extract-invoice-fields';
import { layoutOf, stacked, type PlacedText } from '../layout-builder.fixture';

function read(lines: readonly PlacedText[]) {
  const result = extractInvoiceFields(layoutOf(lines));
  return { result, number: result.fields.invoiceNumber?.value, vendor: result.fields.vendorName?.value, vat: result.fields.vendorVatId?.value };
}

const totals = stacked(0.55, 0.7, ['Total: 119.00 EUR']);

describe('invoice number', () => {
  it.each([
    ['Inv. No.: F2024-026', 'F2024-026'],
    ['Réf. facture : V-24034', 'V-24034'],
    ['Factura nº FV/13/05/2026', 'FV/13/05/2026'],
    ['N° de facture: FV/122/05/2022', 'FV/122/05/2022'],
    ['Nº de factura rectificativa FA22-66400', 'FA22-66400'],
  ])('"%s" → %s', (line, expected) => {
    expect(read([...stacked(0.1, 0.1, ['Acme Consulting Ltd', line]), ...totals]).number).toBe(expected);
  });

  it('reads a number that contains a date-like run, but not a date, after its label', () => {
    expect(read([...stacked(0.1, 0.1, ['Acme Consulting Ltd', 'Invoice No.: RE-20250428/781']), ...totals]).number).toBe('RE-20250428/781');
    expect(read([...stacked(0.1, 0.1, ['Acme Consulting Ltd', 'Invoice No.: 2021/03/9694']), ...totals]).number).toBe('2021/03/9694');
    expect(read([...stacked(0.1, 0.1, ['Acme Consulting Ltd', 'Invoice No.: 05.03.2024']), ...totals]).number).toBeUndefined();
  });

  it('reads a number printed in groups whole ("RG 2024 0042"), but not amount-like groups of three', () => {
    expect(read([...stacked(0.1, 0.1, ['Acme Consulting Ltd', 'Rechnungsnummer: RG 2024 0042']), ...totals]).number).toBe('RG 2024 0042');
    expect(read([...stacked(0.1, 0.1, ['Acme Consulting Ltd', 'Invoice number: 2024 00117']), ...totals]).number).toBe('2024 00117');
    expect(read([...stacked(0.1, 0.1, ['Acme Consulting Ltd', 'Invoice number: 123 456']), ...totals]).number).toBe('123');
  });

  it('takes a bare "Nummer:" heading its cell as the invoice number label, weakly, not inside another label', () => {
    const bare = read([...stacked(0.1, 0.1, ['Voorbeeld B.V.', 'FACTUUR', 'Nummer:   2020/11/2464']), ...totals]);
    expect(bare.number).toBe('2020/11/2464');
    expect(bare.result.fields.invoiceNumber!.confidence).toBeLessThan(0.7);
    expect(read([...stacked(0.1, 0.1, ['Voorbeeld B.V.', 'Telefoon nummer: 0612345678']), ...totals]).number).toBeUndefined();
  });

  it('does not join a label across a wide gap: "Klant      Nummer:" are two cells', () => {
    const { number } = read([
      { text: 'Klant                              Nummer:    2026/02/0162', x: 0.08, y: 0.1 },
      ...stacked(0.08, 0.12, ['Visser Drukwerk B.V.', 'Dorpsstraat 96']),
      ...totals,
    ]);
    expect(number).toBe('2026/02/0162');
  });

  it('reads a value wrapped under its label even when the next row\'s label follows it on that line', () => {
    const { number, result } = read([
      { text: 'Invoice Number:      Date of issue: 2025-04-28      Pay by: 2025-05-05', x: 0.08, y: 0.2 },
      { text: 'RE-20250428/781 Currency: SEK', x: 0.08, y: 0.213 },
      ...totals,
    ]);
    expect(number).toBe('RE-20250428/781');
    expect(result.fields.currency?.value).toBe('SEK');
  });

  it('keeps a tax-rate stack (same label under the label) apart: the rows are values of their own labels', () => {
    const { result } = read([
      ...stacked(0.5, 0.6, ['Total HT   1 000,00 €', 'Montant TVA 20%   150,00 €', '(750,00) Montant TVA 10%   25,00 €', 'Total TVA   175,00 €', 'Montant TTC   1 175,00 €']),
      ...stacked(0.1, 0.1, ['Exemple SARL', 'Facture n° F-1']),
    ]);
    expect(result.fields.totalTax?.value).toBe('175.00');
  });
});

describe('vendor name and its VAT id', () => {
  it.each([
    ['Nordlicht Logistik GmbH & Co. KG', 'Nordlicht Logistik GmbH & Co. KG'],
    ['Rhein Metallbau e.K.', 'Rhein Metallbau e.K.'],
    ['Donau Installationen OG', 'Donau Installationen OG'],
    ['Schelde Informatica CommV', 'Schelde Informatica CommV'],
    ['Informatyka Wiśniewski Spółka Akcyjna', 'Informatyka Wiśniewski Spółka Akcyjna'],
  ])('reads the legal form of "%s" in the footer, against the buyer\'s', (name, expected) => {
    const page = [...stacked(0.1, 0.05, ['RECHNUNG', 'Rechnungsnummer: 1']), ...stacked(0.1, 0.2, ['Kunde:', 'Beispiel Handel AG']), ...totals, { text: `${name}      Hauptstraße 1, 10115 Berlin`, x: 0.1, y: 0.92 }];
    expect(read(page).vendor).toBe(expected);
  });

  it('joins a name wrapped onto the next line in a narrow block when its legal form ends there', () => {
    const receipt = [
      { text: 'Informatyka Wiśniewski Spółka', x: 0.1, y: 0.05 },
      { text: 'Akcyjna', x: 0.2, y: 0.062 },
      ...stacked(0.1, 0.1, ['ul. Marszałkowska 130', 'Faktura nr FA20-50192', 'Razem brutto: 123,00 zł']),
    ];
    expect(read(receipt).vendor).toBe('Informatyka Wiśniewski Spółka Akcyjna');
  });

  it('does not take the buyer\'s VAT id, printed under the buyer\'s address, for the vendor\'s', () => {
    const layout = [
      { text: 'Schelde Informatica CommV          Factuurnummer   1482552', x: 0.07, y: 0.05 },
      ...stacked(0.07, 0.17, ['Maes Logistiek BV', 'Meir 124', '15241 Antwerpen', 'BTW-nummer: BE0329957970']),
      ...totals,
      { text: 'Schelde Informatica CommV     BTW-nummer: BE 0685813655', x: 0.07, y: 0.9 },
    ];
    expect(read(layout)).toMatchObject({ vendor: 'Schelde Informatica CommV', vat: 'BE0685813655' });
    // With no VAT id of its own, the vendor gets none rather than the buyer's.
    expect(read(layout.slice(0, -1)).vat).toBeUndefined();
  });

  it('takes the VAT id in the vendor\'s column when both parties print theirs side by side', () => {
    const { vendor, vat } = read([
      { text: 'From                                     Sold to', x: 0.07, y: 0.05 },
      { text: 'Nordström & Ekberg AB                    Lindqvist Teknik AB', x: 0.07, y: 0.062 },
      { text: 'VAT No.: SE458208047101                  VAT No.: SE 560249424601', x: 0.07, y: 0.074 },
      ...stacked(0.07, 0.2, ['Invoice Number: 77']),
      ...totals,
    ]);
    expect({ vendor, vat }).toEqual({ vendor: 'Nordström & Ekberg AB', vat: 'SE458208047101' });
  });
});
