import { DEFAULT_LOW_CONFIDENCE_THRESHOLD, extractInvoiceFields } from '../extract-invoice-fields';
import { layoutOf, stacked, type PlacedText } from '../layout-builder.fixture';

const header = stacked(0.1, 0.3, ['INVOICE', 'Invoice No.: 2025-117', 'Date: 2025-08-18']);
const totals = stacked(0.55, 0.7, ['Net: 100.00 EUR', 'VAT: 19.00 EUR', 'Total: 119.00 EUR']);

function read(lines: readonly PlacedText[]) {
  return extractInvoiceFields(layoutOf([...header, ...totals, ...lines])).fields;
}

describe('a vendor name is confident only when corroborated', () => {
  it('keeps the letterhead company with its VAT id under it above the threshold', () => {
    const fields = read(stacked(0.1, 0.04, ['Mátra Kereskedelmi Kft.', 'Andrássy út 143, 7860 Debrecen', 'VAT ID: HU17818919']));
    expect(fields.vendorName?.value).toBe('Mátra Kereskedelmi Kft.');
    expect(fields.vendorName?.confidence).toBeGreaterThanOrEqual(DEFAULT_LOW_CONFIDENCE_THRESHOLD);
  });

  it('puts the name below the threshold when a buyer window without a label prints a second company at the top', () => {
    const fields = read([
      ...stacked(0.1, 0.06, ['Limmat SA', 'Rue du Rhône 47', '9972 St. Gallen', 'MWST-Nr.: CHE578382687']),
      ...stacked(0.6, 0.08, ['Mátra Kereskedelmi Kft.', 'Andrássy út 143', '7860 Debrecen', 'VAT ID: HU17818919']),
    ]);
    expect(fields.vendorName?.value).toBeDefined();
    expect(fields.vendorName!.confidence).toBeLessThan(DEFAULT_LOW_CONFIDENCE_THRESHOLD);
    // The VAT id was picked for sitting in that name's block: it is as unsure as the name.
    if (fields.vendorVatId) expect(fields.vendorVatId.confidence).toBeLessThan(DEFAULT_LOW_CONFIDENCE_THRESHOLD);
  });
});

describe('a customer name is confident only when it reads as a name', () => {
  it('puts label words read as the buyer ("/ Rechnungsanschrift" beside "Bill to") below the threshold', () => {
    const fields = read(stacked(0.1, 0.15, ['Bill to:    / Rechnungsanschrift', 'Beispiel Handel AG']));
    expect(fields.customerName?.value).toMatch(/Rechnungsanschrift/);
    expect(fields.customerName!.confidence).toBeLessThan(DEFAULT_LOW_CONFIDENCE_THRESHOLD);
  });

  it('keeps a buyer name under its label above the threshold', () => {
    const fields = read(stacked(0.1, 0.15, ['Bill to:', 'Beispiel Handel AG']));
    expect(fields.customerName?.value).toBe('Beispiel Handel AG');
    expect(fields.customerName?.confidence).toBeGreaterThanOrEqual(DEFAULT_LOW_CONFIDENCE_THRESHOLD);
  });
});
