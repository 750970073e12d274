import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEInvoiceXml } from './einvoice-xml.reader';

const fixture = (name: string): Buffer => readFileSync(join(__dirname, 'fixtures', name));
const values = (fields: object): Record<string, unknown> => Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field?.value]));

describe('UBL mapping', () => {
  it('reads an XRechnung UBL invoice with an allowance and its lines', () => {
    const reading = readEInvoiceXml(fixture('ubl-invoice.xml'));
    expect(values(reading.fields)).toEqual({
      invoiceNumber: 'XR-2024-1001',
      issueDate: '2024-05-02',
      dueDate: '2024-06-01',
      currency: 'EUR',
      vendorName: 'Schmidt IT-Service GmbH',
      vendorVatId: 'DE811907980',
      customerName: 'Stadtverwaltung Musterstadt',
      purchaseOrderNumber: '4500012345',
      iban: 'DE89370400440532013000',
      totalNet: '1475.00',
      totalTax: '280.25',
      totalGross: '1755.25',
      amountDue: '1755.25',
    });
    expect(reading.lineItems.map(({ description, quantity, unitCode, unitPrice, amount, taxRate }) => ({ description, quantity, unitCode, unitPrice, amount, taxRate }))).toEqual([
      { description: 'Consulting', quantity: '12.5', unitCode: 'HUR', unitPrice: '94.80', amount: '1185.00', taxRate: '19' },
      { description: 'Licence', quantity: '1', unitCode: 'C62', unitPrice: '300.00', amount: '300.00', taxRate: '19' },
    ]);
    // Lines 1485.00 − allowance 10.00 = net 1475.00: consistent.
    expect(reading.issues).toEqual([]);
  });

  it('reads a UBL CreditNote as negative amounts and flags its due date before the issue date', () => {
    const reading = readEInvoiceXml(fixture('ubl-credit-note.xml'));
    expect(values(reading.fields)).toMatchObject({ invoiceNumber: 'GS-77', dueDate: '2024-07-01', totalNet: '-100.00', totalTax: '-19.00', totalGross: '-119.00', amountDue: '-119.00' });
    expect(reading.lineItems[0]).toMatchObject({ quantity: '2', unitPrice: '50.00', amount: '-100.00' });
    expect(reading.issues.map((issue) => issue.code)).toEqual(['CREDIT_NOTE', 'DUE_BEFORE_ISSUE']);
  });

  it('flags a line sum that does not match the stated total', () => {
    const xml = fixture('ubl-invoice.xml').toString('utf8').replace('<cbc:LineExtensionAmount currencyID="EUR">300.00', '<cbc:LineExtensionAmount currencyID="EUR">310.00');
    const issue = readEInvoiceXml(xml).issues.find((candidate) => candidate.code === 'LINE_SUM_MISMATCH');
    expect(issue).toMatchObject({ severity: 'error', fields: ['totalNet'] });
    expect(issue?.message).toContain('1495.00');
  });
});
