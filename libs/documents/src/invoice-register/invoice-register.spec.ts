import { correctionsBetween } from './confirm-invoice.step';
import { duplicateReason, findDuplicates } from './duplicate-invoices';
import { invoiceIdentityOf, invoiceNumberKey, vendorNameKey } from './invoice-identity';

describe('invoice identity', () => {
  it('normalises vendor names without legal forms, accents or punctuation', () => {
    expect(vendorNameKey('Müller Bürobedarf GmbH & Co. KG')).toBe('muller burobedarf');
    expect(vendorNameKey('MULLER BUROBEDARF')).toBe('muller burobedarf');
    expect(vendorNameKey('GmbH')).toBeNull();
    expect(vendorNameKey(null)).toBeNull();
  });

  it('normalises invoice numbers the way they get retyped, keeping significant punctuation', () => {
    expect(invoiceNumberKey('Nr. RE-2026 / 0042')).toBe('RE-2026/0042');
    expect(invoiceNumberKey('#INV/2023/03/0008')).toBe('INV/2023/03/0008');
    expect(invoiceNumberKey('No.12')).toBe('12');
    expect(invoiceNumberKey('Nr12')).toBe('12');
    expect(invoiceNumberKey('NOVA-1')).toBe('NOVA-1');
    expect(invoiceNumberKey('  ')).toBeNull();
  });

  it('keys IBANs and VAT ids without spaces and compares amounts without trailing zeros', () => {
    const identity = invoiceIdentityOf({ iban: 'DE89 3704 0044 0532 0130 00', vendorVatId: 'de 123.456.789', totalGross: '1190.50' });
    expect([identity.vendorIbanKey, identity.vendorVatKey, identity.totalGross]).toEqual(['DE89370400440532013000', 'DE123456789', '1190.5']);
    expect(invoiceIdentityOf({ totalGross: '12,50' }).totalGross).toBeNull();
  });
});

describe('duplicate invoices', () => {
  const base = invoiceIdentityOf({ vendorName: 'Acme Ltd', invoiceNumber: 'A-1', issueDate: '2026-01-05', totalGross: '50.00', currency: 'GBP' });

  it('needs the same vendor by some key, then the same number, or the same date, amount and currency', () => {
    expect(duplicateReason(base, invoiceIdentityOf({ vendorName: 'ACME Limited', invoiceNumber: 'A-11' }))).toBeUndefined();
    expect(duplicateReason(base, invoiceIdentityOf({ vendorName: 'ACME Limited', invoiceNumber: 'A-1' }))).toBe('same-vendor-and-number');
    expect(duplicateReason(base, invoiceIdentityOf({ vendorName: 'Acme', invoiceNumber: 'A-2', issueDate: '2026-01-05', totalGross: '50', currency: 'GBP' }))).toBe('same-vendor-date-and-amount');
    expect(duplicateReason(base, invoiceIdentityOf({ vendorName: 'Acme', invoiceNumber: 'A-2', issueDate: '2026-01-05', totalGross: '50', currency: 'EUR' }))).toBeUndefined();
    expect(duplicateReason(base, invoiceIdentityOf({ vendorName: 'Apex Ltd', invoiceNumber: 'A-1' }))).toBeUndefined();
  });

  it('never reports a document as its own duplicate and lists the oldest first', () => {
    const registered = [
      { documentId: 'b', identity: base, registeredAt: new Date('2026-01-07') },
      { documentId: 'self', identity: base, registeredAt: new Date('2026-01-01') },
      { documentId: 'a', identity: base, registeredAt: new Date('2026-01-06') },
    ];
    expect(findDuplicates(base, registered, 'self').map((duplicate) => duplicate.documentId)).toEqual(['a', 'b']);
  });
});

describe('corrections', () => {
  it('keeps only invoice fields a person actually changed', () => {
    const extracted = { invoiceNumber: 'RE-1', totalGross: '10.00', dueDate: null };
    expect(correctionsBetween(extracted, { invoiceNumber: 'RE-1', totalGross: '100.00', dueDate: '2026-02-01', comment: 'fixed' })).toEqual([
      { field: 'dueDate', extracted: null, corrected: '2026-02-01' },
      { field: 'totalGross', extracted: '10.00', corrected: '100.00' },
    ]);
  });
});
