import { DomainError } from '@conveyor/kernel';
import { fromContractItems, toNewOpenItems } from './open-item-input';

describe('open items sent to the ledger', () => {
  let next = 0;
  const newId = () => `id-${++next}`;

  it('keeps the amount in minor units of its currency and the sender id apart from ours', () => {
    const [yen, euro] = toNewOpenItems([
      { id: 'AP-7', vendorName: 'Kyoto Tools', invoiceNumber: 'K-1', currency: 'jpy', amount: '125000', issueDate: '2026-03-01' },
      { vendorName: 'Müller GmbH', vendorIban: 'de02 1203 0000 0000 2020 51', invoiceNumber: 'RE-1', currency: 'EUR', amount: '1190.5', issueDate: '2026-03-01', dueDate: '2026-03-31' },
    ], newId);
    expect(yen).toMatchObject({ externalId: 'AP-7', currency: 'JPY', amountMinor: 125000, dueDate: null, paymentReferences: [] });
    expect(euro).toMatchObject({ externalId: null, vendorIban: 'DE02120300000000202051', amountMinor: 119050, dueDate: '2026-03-31' });
    expect(yen.id).not.toBe(euro.id);
  });

  it('refuses the whole batch with every problem named when one item is wrong', () => {
    const attempt = () => toNewOpenItems([
      { vendorName: 'A', invoiceNumber: '1', currency: 'EUR', amount: '10.001', issueDate: '2026-03-01' },
      { vendorName: 'B', invoiceNumber: '2', currency: 'EURO', amount: '-5', issueDate: '1.3.2026' },
      { vendorName: 'C', invoiceNumber: '3', currency: 'EUR', amount: '0.00', issueDate: '2026-03-01' },
    ], newId);
    expect(attempt).toThrow(DomainError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as DomainError).details['problems'] as string[];
      expect((error as DomainError).code).toBe('OPEN_ITEMS_INVALID');
      expect(problems.join('\n')).toMatch(/item 1: .*more decimals than EUR/);
      expect(problems.filter((problem) => problem.startsWith('item 2'))).toHaveLength(3);
      expect(problems.join('\n')).toMatch(/item 3: amount must be above zero/);
    }
  });

  it('reads the items of the `conveyor reconcile --open-items` contract', () => {
    const items = fromContractItems([{ id: 'X-1', vendorName: 'V', vendorIban: null, invoiceNumber: 'N-1', currency: 'EUR', amount: '5.00', issueDate: '2026-03-01', dueDate: null }]);
    expect(toNewOpenItems(items, newId)).toEqual([expect.objectContaining({ externalId: 'X-1', amountMinor: 500 })]);
  });
});
