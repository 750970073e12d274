import { DEFAULT_LOW_CONFIDENCE_THRESHOLD, extractInvoiceFields } from '../extract-invoice-fields';
import { layoutOf, stacked, type PlacedText } from '../layout-builder.fixture';

const totals = stacked(0.55, 0.8, ['Total: 119.00 EUR']);
const read = (lines: readonly PlacedText[]) => extractInvoiceFields(layoutOf([...lines, ...totals])).fields;

describe('invoice number named by a title without a number word', () => {
  it.each([
    ['Factuur 342/2020', '342/2020'],
    ['Factuur OK2039012', 'OK2039012'],
    ['Rechnungskorrektur Nr. SI-374691', 'SI-374691'],
  ])('"%s" as a subject line → %s', (subject, expected) => {
    const fields = read([...stacked(0.1, 0.05, ['Jansen Transport BV', 'Dorpsstraat 139']), ...stacked(0.1, 0.25, ['Visser Kantoorartikelen B.V.', 'Stationsweg 108']), { text: subject, x: 0.1, y: 0.4 }]);
    expect(fields.invoiceNumber?.value).toBe(expected);
  });

  it('reads the number under a title heading a column of the header table, or a sidebar label', () => {
    const table = read([
      ...stacked(0.1, 0.05, ['Jansen Transport BV', 'Dorpsstraat 139']),
      { text: 'Factuur           Datum              Relatienummer', x: 0.08, y: 0.3 },
      { text: 'SI-196588         11 oktober 2022    3723001', x: 0.08, y: 0.32 },
    ]);
    expect(table.invoiceNumber?.value).toBe('SI-196588');
    const sidebar = read([...stacked(0.03, 0.05, ['Jansen Transport BV', 'Dorpsstraat 139', '', 'Factuur', '2025-0114', '', 'Datum', '04-09-2025'])]);
    expect(sidebar.invoiceNumber?.value).toBe('2025-0114');
  });

  it('does not read a street number, postcode or year beside or under a title as the number', () => {
    expect(read([{ text: 'FACTUUR                 Kerkstraat 114', x: 0.1, y: 0.05 }, ...stacked(0.1, 0.1, ['Jansen Transport BV'])]).invoiceNumber).toBeUndefined();
    expect(read([...stacked(0.1, 0.05, ['Factuur', '1025 OH Utrecht'])]).invoiceNumber).toBeUndefined();
    expect(read([...stacked(0.1, 0.05, ['Invoice 1 of 2 for the period of the contract'])]).invoiceNumber).toBeUndefined();
  });

  it.each([
    ['RG-Nr.: AN1972940', 'AN1972940'],
    ['Korrekturbeleg-Nr.: 34791', '34791'],
    ['Fatt. n. FR2089130', 'FR2089130'],
    ['Nr. factuur: MTQ-397-0350', 'MTQ-397-0350'],
    ['Credit No.: RS2429845', 'RS2429845'],
    ['Nota credito n. SI-270482', 'SI-270482'],
  ])('reads the label "%s"', (line, expected) => {
    const fields = read([...stacked(0.1, 0.05, ['Jansen Transport BV', 'Dorpsstraat 139']), { text: line, x: 0.5, y: 0.2 }]);
    expect(fields.invoiceNumber?.value).toBe(expected);
    expect(fields.invoiceNumber!.confidence).toBeGreaterThanOrEqual(DEFAULT_LOW_CONFIDENCE_THRESHOLD);
  });
});

describe('party names wrapped in a narrow block', () => {
  it.each([
    [['Wiśniewski Transport Spółka', 'Akcyjna'], 'Wiśniewski Transport Spółka Akcyjna'],
    [['Schneider Maschinenbau', 'GmbH & Co. KG'], 'Schneider Maschinenbau GmbH & Co. KG'],
    [['Hoffmann Haustechnik GmbH & Co.', 'KG'], 'Hoffmann Haustechnik GmbH & Co. KG'],
    [['Lakeside Office Products', 'Incorporated'], 'Lakeside Office Products Incorporated'],
  ])('%j under the seller label → %s', (name, expected) => {
    const lines: PlacedText[] = [
      { text: 'Dostawca', x: 0.03, y: 0.05 },
      ...name.map((text, index) => ({ text, x: 0.03, y: 0.062 + index * 0.0115 })),
      ...stacked(0.03, 0.1, ['Hauptstraße 92', '70299 Berlin']),
      { text: 'RECHNUNG', x: 0.4, y: 0.05 },
      ...stacked(0.4, 0.2, ['Kunde', 'Nordlicht Maschinenbau AG', 'Gartenweg 9']),
    ];
    expect(read(lines).vendorName?.value).toBe(expected);
  });
});

describe('party names under a label line', () => {
  it('does not join a label alone on its line to the legal name under it', () => {
    const fields = read([
      { text: 'Absender                                                     Rechnungsanschrift', x: 0.05, y: 0.05 },
      { text: 'Keller Informatik GmbH                                       Brunner Transporte GmbH', x: 0.05, y: 0.0615 },
      { text: 'Seestrasse 64                                                Seestrasse 105', x: 0.05, y: 0.073 },
      { text: 'MWST-Nr.: CHE-104.216.232', x: 0.05, y: 0.0845 },
    ]);
    expect(fields.vendorName?.value).toBe('Keller Informatik GmbH');
  });
});
