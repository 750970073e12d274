import { parseOpenItemsFile } from './open-items-file';

const item = { id: 'OI-1', vendorName: 'Nordwind GmbH', vendorIban: 'DE89370400440532013000', invoiceNumber: 'INV-1', currency: 'eur', amount: '1190.00', issueDate: '2026-03-01', dueDate: '2026-03-31' };

describe('parseOpenItemsFile', () => {
  it('reads a JSON array or { openItems } and normalises currency and empty fields', () => {
    const expected = [{ ...item, currency: 'EUR' }];
    expect(parseOpenItemsFile(Buffer.from(JSON.stringify([item])), 'items.json')).toEqual(expected);
    expect(parseOpenItemsFile(Buffer.from(JSON.stringify({ openItems: [item] })), 'items.json')).toEqual(expected);
    expect(parseOpenItemsFile(Buffer.from(JSON.stringify([{ ...item, vendorIban: '', dueDate: null }])), 'items.json')[0]).toMatchObject({ vendorIban: null, dueDate: null });
  });

  it('reads CSV with a header row, comma or semicolon separated', () => {
    const header = 'id,vendorName,vendorIban,invoiceNumber,currency,amount,issueDate,dueDate';
    const comma = `${header}\nOI-1,"Nordwind GmbH, Werk 2",,INV-1,EUR,1190.00,2026-03-01,2026-03-31\n`;
    expect(parseOpenItemsFile(Buffer.from(comma), 'items.csv')).toEqual([{ ...item, vendorName: 'Nordwind GmbH, Werk 2', vendorIban: null, currency: 'EUR' }]);
    const semicolon = `\uFEFF${header.replace(/,/g, ';')}\r\nOI-2;Lotus SA;;7;JPY;1500;2026-03-01;\r\n`;
    expect(parseOpenItemsFile(Buffer.from(semicolon), 'ITEMS.CSV')).toEqual([
      { id: 'OI-2', vendorName: 'Lotus SA', vendorIban: null, invoiceNumber: '7', currency: 'JPY', amount: '1500', issueDate: '2026-03-01', dueDate: null },
    ]);
  });

  it.each([
    ['not JSON', '{"openItems": [', 'is not valid JSON'],
    ['not a list', '{"items": []}', 'must hold an array'],
    ['an amount with a comma', JSON.stringify([{ ...item, amount: '1.190,00' }]), 'item 1: amount must be a decimal string'],
    ['more decimals than the currency has', JSON.stringify([{ ...item, currency: 'JPY', amount: '10.5' }]), 'item 1: "10.5" has more decimals than JPY allows'],
    ['a missing id and a bad date', JSON.stringify([{ ...item, id: '', issueDate: '01.03.2026' }]), 'item 1: id'],
    ['an empty file', '  ', 'is empty'],
  ])('refuses %s with OPEN_ITEMS_INVALID and the reason', (_case, text, reason) => {
    expect(() => parseOpenItemsFile(Buffer.from(text), 'items.json')).toThrow(expect.objectContaining({ code: 'OPEN_ITEMS_INVALID', message: expect.stringContaining(reason) }));
  });

  it('refuses a CSV whose rows do not fit the header', () => {
    expect(() => parseOpenItemsFile(Buffer.from('id,amount\nA,1,2\n'), 'items.csv')).toThrow(expect.objectContaining({ code: 'OPEN_ITEMS_INVALID' }));
  });
});
