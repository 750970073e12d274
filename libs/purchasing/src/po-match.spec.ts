import { matchInvoiceToOrder, type PoMatchContext } from './po-match';
import { pairLines } from './line-pairing';
import type { InvoiceToMatch, PurchaseOrder, Vendor } from './purchasing.model';
import { DEFAULT_TOLERANCE_POLICY, deviation, toleranceFor, type TolerancePolicy } from './tolerance-profile';
import Decimal from 'decimal.js';

const vendor: Vendor = { id: 'v-1', name: 'Bürobedarf Müller GmbH', aliases: [], vatIds: ['DE123456789'], ibans: ['DE89370400440532013000'] };
const order: PurchaseOrder = {
  id: 'po-1', number: 'PO-4711', vendorId: 'v-1', currency: 'EUR', status: 'open',
  lines: [
    { lineNo: 1, itemCode: 'A-100', description: 'Copy paper A4 80g, box of 2500 sheets', quantity: '10', unitPrice: '24.90', taxRate: '19', category: 'office' },
    { lineNo: 2, itemCode: null, description: 'Toner cartridge black HP 26X', quantity: '4', unitPrice: '129.00', taxRate: '19', category: 'office' },
    { lineNo: 3, itemCode: null, description: 'Installation service on site', quantity: '2', unitPrice: '85.00', taxRate: '19', category: 'services' },
  ],
};
// Lines in another order than on the PO; the toner line has no item code.
const invoice = (overrides: Partial<InvoiceToMatch> = {}): InvoiceToMatch => ({
  documentId: 'doc-1', vendorId: 'v-1', iban: 'DE89 3704 0044 0532 0130 00', purchaseOrderNumber: 'PO-4711', currency: 'EUR',
  totalNet: '667.80', totalTax: '126.88',
  lines: [
    { description: 'HP 26X black toner cartridge', quantity: '4', unitPrice: '129.00', amount: '516.00', taxRate: '19' },
    { description: 'Paper A4', itemCode: 'a-100', quantity: '2', unitPrice: '24.90', amount: '49.80', taxRate: '19' },
    { description: 'On-site installation', quantity: '1.2', unitPrice: '85.00', amount: '102.00', taxRate: '19' },
  ].map((line) => ({ itemCode: null, ...line })),
  ...overrides,
});
const context = (overrides: Partial<PoMatchContext> = {}): PoMatchContext => ({
  order, vendor, receipts: [{ id: 'gr-1', poNumber: 'PO-4711', receivedAt: '2026-03-01', lines: [{ poLineNo: 1, quantity: '10' }, { poLineNo: 2, quantity: '4' }, { poLineNo: 3, quantity: '2' }] }],
  previouslyInvoiced: new Map(), policy: DEFAULT_TOLERANCE_POLICY, mode: '3-way', ...overrides,
});

describe('purchase-order matching', () => {
  it('pairs lines in any order by item code, else words and price, and matches a clean invoice 3-way', () => {
    const result = matchInvoiceToOrder(invoice({ totalNet: '667.80' }), context());
    expect(result.exceptions).toEqual([]);
    expect(result).toMatchObject({ status: 'matched', blocking: false, writeOff: null });
    expect(result.lines.map((line) => [line.invoiceLineIndex, line.poLineNo])).toEqual([[0, 2], [1, 1], [2, 3]]);
    expect(result.lines[1].reason).toContain('item code A-100');
  });

  it('reports a price variance beyond tolerance with its evidence, and posts one under the write-off limit', () => {
    const dearer = invoice();
    dearer.lines[0] = { ...dearer.lines[0], unitPrice: '139.00', amount: '556.00' };
    const blocked = matchInvoiceToOrder({ ...dearer, totalNet: '707.80', totalTax: '134.48' }, context());
    expect(blocked.status).toBe('exceptions');
    expect(blocked.exceptions).toEqual([expect.objectContaining({ code: 'PRICE_VARIANCE', blocking: true, evidence: { invoiceLine: 1, poLine: 2, invoiceUnitPrice: '139.00', orderUnitPrice: '129.00' } })]);

    // 0.25 a unit above: outside the 0.01 / 2% (of 24.90 = 0.498)? No: 0.25 < 0.498, within tolerance.
    const slightly = invoice();
    slightly.lines[1] = { ...slightly.lines[1], unitPrice: '25.15', amount: '50.30' };
    expect(matchInvoiceToOrder({ ...slightly, totalNet: '668.30', totalTax: '126.98' }, context())).toMatchObject({ status: 'matched-with-write-off', writeOff: '0.50', exceptions: [] });

    // Strict vendor profile: the same 0.25 is a variance, but 0.50 in all is under the 1.00 write-off limit.
    const strict: TolerancePolicy = { ...DEFAULT_TOLERANCE_POLICY, vendors: { 'v-1': { price: { absoluteOver: '0', absoluteUnder: '0', percentOver: '0', percentUnder: '0' } } } };
    const posted = matchInvoiceToOrder({ ...slightly, totalNet: '668.30', totalTax: '126.98' }, context({ policy: strict }));
    expect(posted).toMatchObject({ status: 'matched-with-write-off', blocking: false, writeOff: '0.50' });
    expect(posted.exceptions).toEqual([expect.objectContaining({ code: 'PRICE_VARIANCE', blocking: false })]);
  });

  it('checks quantities against what was ordered and received, counting earlier invoices', () => {
    const overReceived = matchInvoiceToOrder(invoice({ totalNet: '667.80' }), context({
      receipts: [{ id: 'gr-1', poNumber: 'PO-4711', receivedAt: '2026-03-01', lines: [{ poLineNo: 1, quantity: '1' }, { poLineNo: 2, quantity: '4' }] }],
    }));
    expect(overReceived.exceptions.map((exception) => [exception.code, exception.evidence['poLine']])).toEqual([['QTY_OVER_RECEIVED', 1], ['NO_RECEIPT', 3]]);
    const overOrdered = matchInvoiceToOrder(invoice({ totalNet: '667.80' }), context({ previouslyInvoiced: new Map([[2, '1']]), mode: '2-way' }));
    expect(overOrdered.exceptions).toEqual([expect.objectContaining({ code: 'QTY_OVER_ORDERED', evidence: expect.objectContaining({ previouslyInvoiced: '1', orderedQuantity: '4' }) })]);
  });

  it('flags a missing order, new bank details, a line not ordered and tax that does not add up', () => {
    expect(matchInvoiceToOrder(invoice({ purchaseOrderNumber: 'PO-9' }), context({ order: null })).exceptions.map((exception) => exception.code)).toEqual(['MISSING_PO']);
    const changed = matchInvoiceToOrder(invoice({ iban: 'GB29NWBK60161331926819', totalNet: '667.80' }), context());
    expect(changed.exceptions.map((exception) => exception.code)).toEqual(['BANK_DETAILS_CHANGED']);
    const extra = invoice({ totalNet: '717.80', totalTax: '136.38' });
    extra.lines.push({ description: 'Express delivery surcharge', itemCode: null, quantity: '1', unitPrice: '50.00', amount: '50.00', taxRate: '19' });
    expect(matchInvoiceToOrder(extra, context()).exceptions.map((exception) => exception.code)).toEqual(['LINE_NOT_ON_PO']);
    const wrongTax = invoice({ totalNet: '667.80', totalTax: '46.75' });
    wrongTax.lines[0] = { ...wrongTax.lines[0], taxRate: '7' };
    const codes = matchInvoiceToOrder(wrongTax, context()).exceptions.map((exception) => exception.code);
    expect(codes).toEqual(['TAX_MISMATCH', 'TAX_MISMATCH']);
  });
});

describe('tolerances', () => {
  it('allows the larger of the absolute and the percentage limit, separately over and under', () => {
    const limit = { absoluteOver: '1', absoluteUnder: '0', percentOver: '5', percentUnder: '10' };
    expect(deviation(new Decimal('104.99'), new Decimal('100'), limit)).toBe('within');
    expect(deviation(new Decimal('105.01'), new Decimal('100'), limit)).toBe('over');
    expect(deviation(new Decimal('10.9'), new Decimal('10'), limit)).toBe('within');
    expect(deviation(new Decimal('90'), new Decimal('100'), limit)).toBe('within');
    expect(deviation(new Decimal('89.99'), new Decimal('100'), limit)).toBe('under');
  });

  it('takes the most specific profile: category over vendor over company', () => {
    const policy: TolerancePolicy = {
      company: DEFAULT_TOLERANCE_POLICY.company,
      vendors: { v: { writeOffLimit: '5' } },
      categories: { freight: { writeOffLimit: '20' } },
    };
    expect(toleranceFor(policy, 'v', 'freight').writeOffLimit).toBe('20');
    expect(toleranceFor(policy, 'v', 'office').writeOffLimit).toBe('5');
    expect(toleranceFor(policy, 'w', null).writeOffLimit).toBe('1.00');
  });
});

describe('line pairing', () => {
  it('leaves lines unpaired rather than forcing a bad pair', () => {
    const { pairs, unpairedInvoiceLines } = pairLines(
      [{ description: 'Completely unrelated consulting', quantity: '1', unitPrice: '999', amount: '999', taxRate: null }],
      order.lines,
    );
    expect(pairs).toEqual([]);
    expect(unpairedInvoiceLines).toEqual([0]);
  });
});
