import { bankLine, IBAN_NORDWIND, IBAN_OTHER, IBAN_THIRD, openItem } from './reconciliation-cases.fixture';
import { reconcilePayments, type ReconcileInput } from './reconcile-payments';
import type { MatchProposal } from './reconciliation-types';

function run(openItems: ReconcileInput['openItems'], transactions: ReconcileInput['statements'][number]['transactions'], extra: Partial<ReconcileInput> = {}) {
  return reconcilePayments({ openItems, statements: [{ transactions }], ...extra });
}

function matchOf(result: { matches: MatchProposal[] }, transactionId: string): MatchProposal {
  const match = result.matches.find((candidate) => candidate.transactionId === transactionId);
  if (match === undefined) throw new Error(`no match for ${transactionId}: ${JSON.stringify(result.matches)}`);
  return match;
}

const itemIds = (match: MatchProposal): string[] => match.allocations.map((allocation) => allocation.openItemId).sort();

describe('reconcilePayments: staged matching', () => {
  it('stage 1: a known end-to-end id settles the items of our payment run, amount and all', () => {
    const result = run(
      [openItem({ id: 'a', amount: '600.00' }), openItem({ id: 'b', amount: '400.00' }), openItem({ id: 'c', amount: '1000.00' })],
      [bankLine({ amount: '-1000.00', endToEndId: 'PMT-7-1' })],
      { options: { knownReferences: { 'PMT-7-1': ['a', 'b'] } } },
    );
    const match = matchOf(result, '0:0');
    expect(itemIds(match)).toEqual(['a', 'b']);
    expect(match.decision).toBe('auto');
    expect(match.reasons).toContain('payment id (end-to-end id or bank reference) is known for the item (2 of 2 items) (+0.44)');
  });

  it('stage 1: an open item may carry its own payment reference (bank reference)', () => {
    const result = run([openItem({ id: 'a', vendorIban: null, vendorName: null, paymentReferences: ['BANKREF-991'] })], [bankLine({ bankReference: 'BANKREF-991' })]);
    expect(matchOf(result, '0:0')).toMatchObject({ decision: 'auto', allocations: [{ openItemId: 'a', amount: '1000.00' }] });
  });

  it('stage 2: the reference field equal to the invoice number, with the amount, decides alone', () => {
    const result = run(
      [openItem({ id: 'a', invoiceNumber: 'INV-2026-0042', vendorIban: null }), openItem({ id: 'b', invoiceNumber: 'INV-2026-0043', vendorIban: null })],
      [bankLine({ reference: 'INV 2026/0042' })],
    );
    const match = matchOf(result, '0:0');
    expect(match).toMatchObject({ decision: 'auto', allocations: [{ openItemId: 'a', amount: '1000.00' }] });
    expect(match.reasons[0]).toMatch(/^reference field equals the invoice number \(\+0\.37\)$/);
    expect(match.score).toBeLessThanOrEqual(1);
  });

  it('leaves to a person a payment naming one of two equal invoices of a vendor when the other fits the date clearly better', () => {
    const twins = [
      openItem({ id: 'jan', invoiceNumber: 'RENT-2026-01', vendorIban: null, issueDate: '2026-01-01', dueDate: '2026-01-31' }),
      openItem({ id: 'mar', invoiceNumber: 'RENT-2026-03', vendorIban: null, issueDate: '2026-03-01', dueDate: '2026-03-31' }),
    ];
    // Paid at the end of March naming January's invoice: a mistyped month is likelier than a two-month-late payment.
    const mistyped = matchOf(run(twins, [bankLine({ bookingDate: '2026-03-30', valueDate: '2026-03-30', reference: 'RENT-2026-01' })]), '0:0');
    expect(mistyped).toMatchObject({ decision: 'suggest', allocations: [{ openItemId: 'jan' }] });
    expect(mistyped.reasons.join(' ')).toMatch(/another open invoice of this vendor for the same amount fits the payment date better/);
    // Naming the invoice whose date fits: decided alone.
    expect(matchOf(run(twins, [bankLine({ bookingDate: '2026-03-30', valueDate: '2026-03-30', reference: 'RENT-2026-03' })]), '0:0'))
      .toMatchObject({ decision: 'auto', allocations: [{ openItemId: 'mar' }] });
  });

  it('stage 3: finds an OCR-confused reference with a prefix in the free text', () => {
    const result = run(
      [openItem({ id: 'a', invoiceNumber: 'INV-2026-0042', vendorIban: null }), openItem({ id: 'b', invoiceNumber: 'INV-2026-0024', vendorIban: null })],
      [bankLine({ description: 'SEPA Ueberweisung Rechnung Nr. lNV-2O26-OO42 danke' })],
    );
    const match = matchOf(result, '0:0');
    expect(itemIds(match)).toEqual(['a']);
    expect(match.decision).toBe('auto');
    expect(match.reasons[0]).toContain('OCR look-alikes');
  });

  it('stage 4: amount, date window and IBAN decide when there is no reference and no competitor', () => {
    const result = run(
      [openItem({ id: 'a' }), openItem({ id: 'b', vendorName: 'Other Vendor Ltd', vendorIban: IBAN_OTHER, amount: '1000.00' })],
      [bankLine({ counterpartyIban: IBAN_NORDWIND, counterpartyName: 'NORDWIND MASCHINENBAU' })],
    );
    const match = matchOf(result, '0:0');
    expect(itemIds(match)).toEqual(['a']);
    expect(match.decision).toBe('auto');
    expect(match.reasons).toContain("counterparty IBAN equals the vendor's (+0.22)");
  });

  it('stage 4: a payment outside the date window loses its date points and is only suggested', () => {
    const result = run([openItem({ id: 'a', issueDate: '2026-03-01', dueDate: '2026-03-31' })], [
      bankLine({ bookingDate: '2026-12-20', valueDate: '2026-12-20', counterpartyIban: IBAN_NORDWIND }),
    ]);
    const match = matchOf(result, '0:0');
    expect(match.decision).toBe('suggest');
    expect(match.reasons).toContain('paid outside the expected date window (-0.15)');
  });

  it('never matches a party on common words and legal forms', () => {
    const result = run(
      [openItem({ id: 'a', vendorName: 'Apex Global Services GmbH', vendorIban: null, amount: '512.30' })],
      [bankLine({ amount: '-777.00', counterpartyName: 'Nova Global Services GmbH' }), bankLine({ amount: '-777.00', counterpartyName: 'GmbH' })],
    );
    expect(result.matches).toEqual([]);
    expect(result.exceptions.map((exception) => exception.code)).toEqual(['PAYMENT_UNMATCHED', 'PAYMENT_UNMATCHED']);
  });

  it('a different IBAN counts against an otherwise matching vendor', () => {
    const result = run([openItem({ id: 'a' })], [bankLine({ counterpartyIban: IBAN_THIRD, counterpartyName: 'Nordwind Maschinenbau GmbH' })]);
    const match = matchOf(result, '0:0');
    expect(match.decision).toBe('suggest');
    expect(match.reasons).toContain("counterparty IBAN differs from the vendor's (-0.11)");
  });
});

describe('reconcilePayments: several items, competitors and clusters', () => {
  it('stage 5: one payment settling three invoices of one vendor is found by subset sum', () => {
    const items = [
      openItem({ id: 'a', amount: '120.00', dueDate: '2026-03-20' }),
      openItem({ id: 'b', amount: '455.10', dueDate: '2026-03-22' }),
      openItem({ id: 'c', amount: '300.00', dueDate: '2026-03-24' }),
      openItem({ id: 'd', amount: '999.99', dueDate: '2026-03-24' }),
      openItem({ id: 'e', amount: '77.70', dueDate: '2026-04-24' }),
    ];
    const result = run(items, [bankLine({ amount: '-875.10', counterpartyIban: IBAN_NORDWIND })]);
    const match = matchOf(result, '0:0');
    expect(itemIds(match)).toEqual(['a', 'b', 'c']);
    expect(match.decision).toBe('auto');
    expect(match.reasons[0]).toBe('3 open items of one party settled by one payment');
  });

  it('stage 5: when two combinations fit, the split is only suggested', () => {
    const items = ['100.00', '200.00', '300.00', '150.00', '150.00'].map((amount, index) => openItem({ id: `i${index}`, amount }));
    const result = run(items, [bankLine({ amount: '-450.00', counterpartyIban: IBAN_NORDWIND })]);
    expect(matchOf(result, '0:0').decision).toBe('suggest');
    expect(result.exceptions.find((exception) => exception.code === 'PAYMENT_AMBIGUOUS')?.transactionId).toBe('0:0');
  });

  it('stage 5: references naming more than was paid allocate in due-date order and report UNDERPAID', () => {
    const items = [
      openItem({ id: 'a', invoiceNumber: 'RE-1001', amount: '500.00', dueDate: '2026-03-10' }),
      openItem({ id: 'b', invoiceNumber: 'RE-1002', amount: '500.00', dueDate: '2026-03-20' }),
    ];
    const result = run(items, [bankLine({ amount: '-800.00', reference: 'RE-1001 RE-1002', counterpartyIban: IBAN_NORDWIND })]);
    const match = matchOf(result, '0:0');
    expect(match.allocations).toEqual([
      { openItemId: 'a', amount: '500.00' },
      { openItemId: 'b', amount: '300.00' },
    ]);
    expect(result.exceptions).toContainEqual(expect.objectContaining({ code: 'UNDERPAID', transactionId: '0:0', openItemIds: ['a', 'b'] }));
  });

  it('stage 6: equal amounts from different vendors in one week go to the right vendor each', () => {
    const items = [
      openItem({ id: 'nordwind', amount: '1250.00', dueDate: '2026-03-24' }),
      openItem({ id: 'other', vendorName: 'Kestrel Packaging Ltd', vendorIban: IBAN_OTHER, amount: '1250.00', dueDate: '2026-03-25' }),
      openItem({ id: 'third', vendorName: 'Lotus Foods SA', vendorIban: IBAN_THIRD, amount: '1250.00', dueDate: '2026-03-26' }),
    ];
    const result = run(items, [
      bankLine({ amount: '-1250.00', counterpartyIban: IBAN_THIRD, bookingDate: '2026-03-23', valueDate: '2026-03-23' }),
      bankLine({ amount: '-1250.00', counterpartyIban: IBAN_NORDWIND, bookingDate: '2026-03-24', valueDate: '2026-03-24' }),
      bankLine({ amount: '-1250.00', counterpartyIban: IBAN_OTHER, bookingDate: '2026-03-25', valueDate: '2026-03-25' }),
    ]);
    expect(itemIds(matchOf(result, '0:0'))).toEqual(['third']);
    expect(itemIds(matchOf(result, '0:1'))).toEqual(['nordwind']);
    expect(itemIds(matchOf(result, '0:2'))).toEqual(['other']);
    expect(result.matches.every((match) => match.decision === 'auto')).toBe(true);
  });

  it('stage 6: equal amounts without anything telling them apart are suggested, never auto-matched', () => {
    const items = [
      openItem({ id: 'x', vendorIban: null, vendorName: 'Kestrel Packaging Ltd', amount: '1250.00' }),
      openItem({ id: 'y', vendorIban: null, vendorName: 'Lotus Foods SA', amount: '1250.00' }),
    ];
    const result = run(items, [bankLine({ amount: '-1250.00' }), bankLine({ amount: '-1250.00' })]);
    expect(result.matches).toHaveLength(2);
    expect(new Set(result.matches.flatMap(itemIds))).toEqual(new Set(['x', 'y']));
    expect(result.matches.map((match) => match.decision)).toEqual(['suggest', 'suggest']);
  });

  it('a close competitor for the same line turns a strong match into a suggestion with PAYMENT_AMBIGUOUS', () => {
    const items = [openItem({ id: 'march', amount: '800.00', dueDate: '2026-03-31' }), openItem({ id: 'april', amount: '800.00', dueDate: '2026-03-30' })];
    const result = run(items, [bankLine({ amount: '-800.00', counterpartyIban: IBAN_NORDWIND })]);
    const match = matchOf(result, '0:0');
    expect(match.decision).toBe('suggest');
    expect(match.reasons.some((reason) => reason.startsWith('another proposal for this line scores'))).toBe(true);
    expect(result.exceptions).toContainEqual(expect.objectContaining({ code: 'PAYMENT_AMBIGUOUS', transactionId: '0:0', openItemIds: expect.arrayContaining(['march', 'april']) }));
  });

  it('the same invoice paid twice: one line gets it, the other is reported OVERPAID as a possible duplicate', () => {
    const result = run([openItem({ id: 'a', invoiceNumber: 'F-77123' })], [
      bankLine({ reference: 'F-77123', counterpartyIban: IBAN_NORDWIND }),
      bankLine({ reference: 'F-77123', counterpartyIban: IBAN_NORDWIND, bookingDate: '2026-03-27', valueDate: '2026-03-27' }),
    ]);
    expect(result.matches).toHaveLength(1);
    expect(result.matches[0].decision).toBe('suggest');
    const duplicate = result.exceptions.find((exception) => exception.code === 'OVERPAID');
    expect(duplicate).toMatchObject({ openItemIds: ['a'], message: expect.stringContaining('possible duplicate payment') });
    expect(duplicate?.transactionId).not.toBe(result.matches[0].transactionId);
  });
});

describe('reconcilePayments: tolerances and exceptions', () => {
  const referenced = (overrides: Parameters<typeof openItem>[0]) => openItem({ invoiceNumber: 'INV-5001', ...overrides });

  it('explains a bank fee within tolerance instead of failing', () => {
    const result = run([referenced({ id: 'a' })], [bankLine({ amount: '-1007.50', reference: 'INV-5001', counterpartyIban: IBAN_NORDWIND })]);
    const match = matchOf(result, '0:0');
    expect(match).toMatchObject({ decision: 'auto', allocations: [{ openItemId: 'a', amount: '1000.00' }] });
    expect(match.reasons).toContain('differs by 7.50 EUR: bank fee within tolerance 25.00 EUR (+0.15)');
    expect(result.exceptions).toEqual([]);
  });

  it('takes the fee tolerance of the currency: 20.000 KWD short is no fee, 1234 JPY short is one', () => {
    const dinars = run(
      [referenced({ id: 'a', currency: 'KWD', amount: '1000.000' })],
      [bankLine({ amount: '-980.000', currency: 'KWD', reference: 'INV-5001', counterpartyIban: IBAN_NORDWIND, valueDate: '2026-05-20' })],
    );
    expect(dinars.exceptions).toContainEqual(expect.objectContaining({ code: 'UNDERPAID', openItemIds: ['a'] }));

    const yen = run(
      [referenced({ id: 'a', currency: 'JPY', amount: '150000' })],
      [bankLine({ amount: '-148766', currency: 'JPY', reference: 'INV-5001', counterpartyIban: IBAN_NORDWIND })],
    );
    expect(matchOf(yen, '0:0').reasons).toContain('differs by -1234 JPY: bank fee within tolerance 4000 JPY (+0.15)');
    expect(yen.exceptions).toEqual([]);
  });

  it('lets a workflow set the fee tolerance per currency', () => {
    const result = run(
      [referenced({ id: 'a', currency: 'JPY', amount: '150000' })],
      [bankLine({ amount: '-148766', currency: 'JPY', reference: 'INV-5001', counterpartyIban: IBAN_NORDWIND, valueDate: '2026-05-20' })],
      { options: { feeTolerances: { JPY: '1000' } } },
    );
    expect(result.exceptions).toContainEqual(expect.objectContaining({ code: 'UNDERPAID', openItemIds: ['a'] }));
  });

  it('explains an early-payment discount paid within the discount days', () => {
    const result = run([referenced({ id: 'a', issueDate: '2026-03-20' })], [bankLine({ amount: '-980.00', reference: 'INV-5001' })]);
    const match = matchOf(result, '0:0');
    expect(match.allocations).toEqual([{ openItemId: 'a', amount: '1000.00' }]);
    expect(match.reasons.join(' ')).toContain('paid 2% less within 30 days of the invoice: early-payment discount');
    expect(result.exceptions).toEqual([]);
  });

  it('a discount taken too late is an underpayment', () => {
    const result = run([referenced({ id: 'a', amount: '5000.00', issueDate: '2026-01-02', dueDate: '2026-03-31' })], [bankLine({ amount: '-4900.00', reference: 'INV-5001' })]);
    expect(result.exceptions).toContainEqual(expect.objectContaining({ code: 'UNDERPAID', transactionId: '0:0', openItemIds: ['a'] }));
    expect(matchOf(result, '0:0').allocations).toEqual([{ openItemId: 'a', amount: '4900.00' }]);
  });

  it('explains an FX difference within tolerance and reports it as FX_DIFFERENCE', () => {
    const result = run([referenced({ id: 'a', currency: 'USD', amount: '1000.00' })], [bankLine({ amount: '-925.00', reference: 'INV-5001', counterpartyIban: IBAN_NORDWIND })], {
      options: { fxRates: { USD: '0.92' } },
    });
    const match = matchOf(result, '0:0');
    expect(match).toMatchObject({ decision: 'auto', allocations: [{ openItemId: 'a', amount: '1000.00' }] });
    expect(match.reasons[1]).toBe('1000.00 USD at 0.92 is 920.00 EUR; paid differs by 0.54%: FX difference within 3% (+0.15)');
    expect(result.exceptions).toEqual([expect.objectContaining({ code: 'FX_DIFFERENCE', transactionId: '0:0', openItemIds: ['a'] })]);
  });

  it('reports a partial payment as UNDERPAID and an overpayment as OVERPAID (never auto)', () => {
    const result = run([referenced({ id: 'a' }), openItem({ id: 'b', invoiceNumber: 'INV-6001' })], [
      bankLine({ amount: '-400.00', reference: 'INV-5001', counterpartyIban: IBAN_NORDWIND }),
      bankLine({ amount: '-1300.00', reference: 'INV-6001', counterpartyIban: IBAN_NORDWIND }),
    ]);
    expect(matchOf(result, '0:0').allocations).toEqual([{ openItemId: 'a', amount: '400.00' }]);
    expect(matchOf(result, '0:1')).toMatchObject({ decision: 'suggest', allocations: [{ openItemId: 'b', amount: '1000.00' }] });
    expect(result.exceptions.map((exception) => [exception.code, exception.transactionId])).toEqual([
      ['UNDERPAID', '0:0'],
      ['OVERPAID', '0:1'],
    ]);
  });

  it('instalments of one invoice share it', () => {
    const result = run([referenced({ id: 'a' })], [
      bankLine({ amount: '-400.00', reference: 'INV-5001' }),
      bankLine({ amount: '-600.00', reference: 'INV-5001', bookingDate: '2026-03-28', valueDate: '2026-03-28' }),
    ]);
    expect(result.matches.map((match) => match.allocations)).toEqual([[{ openItemId: 'a', amount: '400.00' }], [{ openItemId: 'a', amount: '600.00' }]]);
  });

  it('reports unmatched lines, credits when matching payables, and balance breaks from the statement', () => {
    const result = reconcilePayments({
      openItems: [openItem({ id: 'a' })],
      statements: [{ transactions: [bankLine({ amount: '-33.10', description: 'VISA 4711 AMAZON' }), bankLine({ amount: '1000.00' })] }],
      issues: [{ code: 'STATEMENT_BALANCE_BREAK', message: 'opening 10.00 plus entries 5.00 is not closing 16.00', statementIndex: 0 }],
    });
    expect(result.matches).toEqual([]);
    expect(result.exceptions).toEqual([
      { code: 'PAYMENT_UNMATCHED', transactionId: '0:0', openItemIds: [], message: 'no open item matches this payment well enough' },
      { code: 'PAYMENT_UNMATCHED', transactionId: '0:1', openItemIds: [], message: 'no open item is settled by a line in this direction' },
      { code: 'STATEMENT_BALANCE_BREAK', transactionId: null, openItemIds: [], message: 'opening 10.00 plus entries 5.00 is not closing 16.00' },
    ]);
  });

  it('matches receivables against credits when asked to', () => {
    const result = run([openItem({ id: 'a', invoiceNumber: 'AR-9001' })], [bankLine({ amount: '1000.00', reference: 'AR-9001' })], { options: { direction: 'receivables' } });
    expect(matchOf(result, '0:0').decision).toBe('auto');
  });

  it('refuses open items with duplicate ids or unreadable amounts', () => {
    expect(() => run([openItem({ id: 'a' }), openItem({ id: 'a' })], [])).toThrow(expect.objectContaining({ code: 'OPEN_ITEM_DUPLICATE' }));
    expect(() => run([openItem({ id: 'a', amount: '12.345' })], [])).toThrow(expect.objectContaining({ code: 'AMOUNT_INVALID' }));
  });
});
