import { extractInvoiceFields } from '../extract-invoice-fields';
import { layoutOf, stacked, type PlacedText } from '../layout-builder.fixture';

function numberOf(lines: readonly PlacedText[]) {
  return extractInvoiceFields(layoutOf(lines)).fields.invoiceNumber;
}

const seller = stacked(0.08, 0.05, ['Bluewater Technologies Inc', '180 Pine Street', 'Columbus, OH 80600']);
const totals = stacked(0.55, 0.7, ['Total: 119.00 EUR']);

describe('a number named by a title of several words', () => {
  it.each([
    ['Final Invoice PF-2025-7996', 'PF-2025-7996'],
    ['Facture de solde INV-202005-062', 'INV-202005-062'],
    ['Schlussrechnung Nr. 2024-117', '2024-117'],
  ])('beside it: "%s"', (heading, expected) => {
    expect(numberOf([...seller, { text: heading, x: 0.6, y: 0.07 }, ...stacked(0.6, 0.12, ['Date: 2025-12-24']), ...totals])?.value).toBe(expected);
  });

  it.each([
    ['Facture de solde', 'PF-2024-9060'],
    ['Invoice / Delivery Note No.', 'INV-202101-081'],
    ['FACTURE PROFORMA', 'PF-2026-9466'],
  ])('heading its cell, the number alone under it: "%s"', (heading, value) => {
    const found = numberOf([...seller, ...stacked(0.6, 0.07, [heading, value, 'Date: 2025-12-24']), ...totals]);
    expect(found?.value).toBe(value);
    // A title is weaker evidence than a number label: it is never auto-accepted on its own.
    expect(found!.confidence).toBeLessThan(0.9);
  });

  it('names nothing over an address or beside a street', () => {
    expect(numberOf([...seller, ...stacked(0.6, 0.07, ['Commercial Invoice', 'Hauptstraße 12']), ...totals])).toBeUndefined();
    expect(numberOf([...seller, ...stacked(0.6, 0.07, ['Final Invoice', 'Acme Trading Ltd']), ...totals])).toBeUndefined();
  });

  it.each([
    'Korrektur zu unserer Rechnung FV/54/12/2023.',
    'Avoir relatif à notre facture FV/54/12/2023.',
    'Credit against our invoice FV/54/12/2023.',
    'Abono de nuestra factura FV/54/12/2023.',
  ])('is not a sentence citing the corrected invoice: "%s"', (sentence) => {
    const page = [...seller, ...stacked(0.08, 0.2, ['Datum: 12.01.2024']), { text: sentence, x: 0.08, y: 0.3 }, ...totals];
    expect(numberOf(page)?.value).not.toBe('FV/54/12/2023');
  });
});
