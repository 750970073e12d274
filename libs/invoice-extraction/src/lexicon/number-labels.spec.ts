import { DEFAULT_LOW_CONFIDENCE_THRESHOLD, extractInvoiceFields } from '../extract-invoice-fields';
import { layoutOf, stacked, type PlacedText } from '../layout-builder.fixture';

const header = stacked(0.1, 0.05, ['Jansen Transport BV', 'Dorpsstraat 139']);
const read = (lines: readonly PlacedText[], totals = ['Total: 119.00 EUR']) => extractInvoiceFields(layoutOf([...header, ...lines, ...stacked(0.55, 0.8, totals)])).fields;
/** A label cell, a wide gap, the value: how header fields are printed. */
const row = (label: string, value: string, y: number): PlacedText => ({ text: `${label}               ${value}`, x: 0.1, y });

describe('number labels built from a number word and a document word', () => {
  it.each([
    ['N° de pièce:', '2026-4634'],
    ['Num. documento:', 'F78-78822'],
    ['Nº documento', 'IN201973795'],
    ['Korrektur-Nr.:', '202010481'],
    ['N. nota credito:', 'GU/21/3026'],
    ['Rectificativa nº:', '475986'],
    ['Korekta nr:', 'NV-2019.089'],
    ['Nummer der Gutschrift:', 'GS-88121'],
  ])('"%s" names the invoice number', (label, number) => {
    expect(read([row(label, number, 0.3), row('Datum:', '24.10.2020', 0.33)]).invoiceNumber?.value).toBe(number);
  });

  it("prefers a credit note's own number to the invoice it cites, in either order", () => {
    const own = row('Korrektur-Nr.:', '202505488', 0.3);
    const cited = row('Bezug Rechnung Nr.:', '456522', 0.33);
    expect(read([own, cited]).invoiceNumber?.value).toBe('202505488');
    expect(read([{ ...cited, y: 0.3 }, { ...own, y: 0.33 }]).invoiceNumber?.value).toBe('202505488');
    for (const label of ['Rif. fattura n.:', 'Faktura korygowana nr:', 'Betreft factuur:', "Réf. facture initiale:", 'Ursprungsrechnung:']) {
      expect(read([row(label, 'OT-2019.794', 0.3), row('N. nota credito:', 'NV-2019.089', 0.33)]).invoiceNumber?.value).toBe('NV-2019.089');
    }
  });

  it('reads a cited number alone only below the auto-accept threshold', () => {
    const fields = read([row('Rif. fattura n.:', 'A60-44359', 0.3)]);
    expect(fields.invoiceNumber?.confidence ?? 0).toBeLessThan(DEFAULT_LOW_CONFIDENCE_THRESHOLD);
  });

  it('keeps an upper-case prefix with the number it starts ("Rechnung Nr. RG 2024 6860")', () => {
    expect(read([{ text: 'Rechnung Nr. RG 2024 6860', x: 0.1, y: 0.3 }]).invoiceNumber?.value).toBe('RG 2024 6860');
  });

  it.each([
    ['FAKTURA VAT 436253', '436253'],
    ['VAT INVOICE IN202121826', 'IN202121826'],
    ['Credit Note 2026-0042', '2026-0042'],
  ])('reads the number after a title of several words: "%s"', (title, number) => {
    expect(read([{ text: title, x: 0.55, y: 0.05 }]).invoiceNumber?.value).toBe(number);
  });

  it('reads "Referentie:" alone in its cell as the number, weakly; "Uw referentie" is the customer\'s', () => {
    const fields = read([row('Referentie:', 'IN201973795', 0.3), row('Uw referentie:', 'BP045049', 0.33)]);
    expect(fields.invoiceNumber?.value).toBe('IN201973795');
    expect(fields.invoiceNumber!.confidence).toBeLessThan(DEFAULT_LOW_CONFIDENCE_THRESHOLD);
  });
});

describe('"kr" amounts', () => {
  const totals = ['Totalt att betala    12 345,50 kr'];
  it('are the currency of the country of the IBAN or VAT id printed', () => {
    expect(read([row('Faktura nr:', '2024-17', 0.3), { text: 'IBAN: SE45 5000 0000 0583 9825 7466', x: 0.1, y: 0.9 }], totals).currency?.value).toBe('SEK');
    expect(read([row('Faktura nr:', '2024-17', 0.3), { text: 'IBAN: NO93 8601 1117 947', x: 0.1, y: 0.9 }], totals).currency?.value).toBe('NOK');
  });

  it('follow a country name in an address only below the auto-accept threshold, and nothing is guessed without one', () => {
    const named = read([row('Faktura nr:', '2024-17', 0.3), ...stacked(0.1, 0.15, ['Storgata 12', '0150 Oslo', 'Norge'])], totals).currency;
    expect(named?.value).toBe('NOK');
    expect(named!.confidence).toBeLessThan(DEFAULT_LOW_CONFIDENCE_THRESHOLD);
    expect(read([row('Faktura nr:', '2024-17', 0.3)], totals).currency).toBeUndefined();
  });
});
