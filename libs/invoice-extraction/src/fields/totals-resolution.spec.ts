import Decimal from 'decimal.js';
import { DEFAULT_LOW_CONFIDENCE_THRESHOLD, extractInvoiceFields } from '../extract-invoice-fields';
import { layoutOf, stacked, type PlacedText } from '../layout-builder.fixture';
import type { Candidate } from './field-candidates';
import { groupCandidates } from './field-resolution';
import { resolveTotals } from './totals-resolution';

const HEAD: PlacedText[] = [
  ...stacked(0.08, 0.05, ['Summit Supply Inc.', '12 Main Street, Austin, TX 78701']),
  { text: 'INVOICE', x: 0.6, y: 0.05 },
  ...stacked(0.6, 0.1, ['Invoice No.: INV-2024-0117', 'Invoice Date: 03/14/2024']),
];

const accept = DEFAULT_LOW_CONFIDENCE_THRESHOLD;
const extract = (...pages: (readonly PlacedText[])[]) => extractInvoiceFields(layoutOf(...pages)).fields;

describe('totals: net, tax and gross chosen together', () => {
  it('adds up tax printed once per rate, so net + tax = gross confirms all three', () => {
    const fields = extract([
      ...HEAD,
      ...stacked(0.5, 0.6, ['Total excl. VAT        1,000.00', 'VAT 20% (800.00)         160.00', 'VAT 5% (200.00)           10.00', 'Total                  1,170.00']),
    ]);
    expect(fields.totalTax?.value).toBe('170.00');
    expect([fields.totalNet?.value, fields.totalGross?.value]).toEqual(['1000.00', '1170.00']);
    for (const name of ['totalNet', 'totalTax', 'totalGross'] as const) expect(fields[name]!.confidence).toBeGreaterThanOrEqual(accept);
  });

  it('adds up tax cells printed under their labels side by side', () => {
    const fields = extract([
      ...HEAD,
      { text: 'Totaal excl. btw       BTW 6% (808,42)     BTW 21% (13 348,47)       Totaal', x: 0.05, y: 0.6 },
      { text: '€ 14 156,89               € 48,51            € 2 803,18          € 17 008,58', x: 0.05, y: 0.625 },
    ]);
    expect(fields.totalTax?.value).toBe('2851.69');
    expect(fields.totalNet?.value).toBe('14156.89');
    expect(fields.totalGross?.value).toBe('17008.58');
  });

  it('does not read the base in brackets after a rate as a negative tax', () => {
    const fields = extract([...HEAD, { text: 'BTW 6% (808,42)', x: 0.5, y: 0.6 }, { text: '€ 48,51', x: 0.5, y: 0.625 }]);
    expect(fields.totalTax?.value).toBe('48.51');
  });

  it('a subtotal carried forward on page one loses to the final net that the line items and the gross confirm', () => {
    const table = (rows: string[]) => [{ text: 'Description                   Qty      Price      Amount', x: 0.05, y: 0.3 }, ...stacked(0.05, 0.33, rows)];
    const fields = extract(
      [...HEAD, ...table(['Consulting services           2     300.00      600.00', 'Toner cartridge               1     150.00      150.00']), { text: 'Subtotal carried forward: 750.00', x: 0.5, y: 0.8 }],
      [{ text: 'Subtotal carried forward: 750.00', x: 0.5, y: 0.08 }, ...table(['Delivery charge               1      50.00       50.00']), ...stacked(0.5, 0.6, ['Total excl. VAT        800.00', 'Sales tax 7.25% (500.00)   36.25', 'Sales tax 6% (300.00)      18.00', 'Total                  854.25'])],
    );
    expect(fields.totalNet?.value).toBe('800.00');
    expect(fields.totalTax?.value).toBe('54.25');
    expect(fields.totalGross?.value).toBe('854.25');
  });

  it('keeps every total below the auto-accept threshold when net + tax ≠ gross', () => {
    const fields = extract([...HEAD, ...stacked(0.5, 0.6, ['Net amount     1,000.00', 'VAT 20%          200.00', 'Invoice total  1,250.00'])]);
    expect(fields.totalGross?.value).toBe('1250.00');
    for (const name of ['totalNet', 'totalTax', 'totalGross'] as const) expect(fields[name]!.confidence).toBeLessThan(accept);
  });

  it('takes the net the line items add up to when nothing else decides', () => {
    const group = (value: string, score: number): ReturnType<typeof groupCandidates>[number] =>
      groupCandidates([{ field: 'totalNet', value, score, tokens: [], evidence: 'test', amount: new Decimal(value) } satisfies Candidate])[0];
    const groups = { totalNet: [group('750.00', 0.9), group('800.00', 0.8)], totalTax: [], totalGross: [] };
    expect(resolveTotals(groups).chosen.totalNet?.group.value).toBe('750.00');
    expect(resolveTotals(groups, { lineSum: { value: new Decimal('800.00'), includesTax: false } }).chosen.totalNet?.group.value).toBe('800.00');
  });
});

describe('amount due', () => {
  const totals = ['Net amount     1,000.00', 'VAT 19%          190.00', 'Invoice total  1,190.00'];

  it('is not auto-accepted when it differs from the gross and no deduction explains the gap', () => {
    const fields = extract([...HEAD, ...stacked(0.5, 0.6, [...totals, 'Amount due       990.00'])]);
    expect(fields.amountDue?.value).toBe('990.00');
    expect(fields.amountDue!.confidence).toBeLessThan(accept);
  });

  it('is auto-accepted when a printed deposit explains the gap', () => {
    const fields = extract([...HEAD, ...stacked(0.5, 0.6, [...totals, 'Less deposit paid  -200.00', 'Amount due       990.00'])]);
    expect(fields.amountDue?.value).toBe('990.00');
    expect(fields.amountDue!.confidence).toBeGreaterThanOrEqual(accept);
    expect(fields.totalGross?.value).toBe('1190.00');
  });
});

describe('wrapped total labels', () => {
  it('reads "Total toutes taxes / comprises" wrapped onto two lines as the gross', () => {
    const fields = extract([
      ...HEAD,
      ...stacked(0.45, 0.6, ['Total HT :                 CHF 15 179,28', 'TVA 8,1% :                 CHF 1 229,52', 'Total toutes taxes         CHF 16 408,80', 'comprises :']),
    ]);
    expect(fields.totalGross?.value).toBe('16408.80');
    expect(fields.totalTax?.value).toBe('1229.52');
  });
});

describe('rounding', () => {
  it('a printed rounding line explains a gap of a few cents: no contradiction, so the totals keep their confidence', () => {
    const receipt = (rounding: string[]) =>
      extract([...stacked(0.1, 0.05, ['KEDAI RUNCIT MAJU SDN BHD', 'TAX INVOICE', 'Invoice No: CS00012345', 'Date: 29/10/2017', 'SUB-TOTAL 27.27', 'GST 1.64', ...rounding, 'TOTAL AMOUNT 28.90'])]);
    expect(receipt(['ROUNDING -0.01']).totalGross!.confidence).toBeGreaterThanOrEqual(accept);
    expect(receipt([]).totalGross!.confidence).toBeLessThan(accept);
  });
});
