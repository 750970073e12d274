import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LinkByHand } from './LinkByHand';
import type { BankLine, OpenItem } from './types';

const line: BankLine = { id: 'line-1', bookingDate: '2026-11-20', valueDate: null, amount: '300.00', currency: 'EUR', counterpartyName: 'ACME', counterpartyIban: null, reference: 'INV 1 + 2', description: null, state: 'unmatched' };
const items: OpenItem[] = [
  { id: 'item-1', vendorName: 'ACME', invoiceNumber: 'INV-1', currency: 'EUR', amountOpen: '100.00', amount: '100.00', dueDate: null, status: 'open' },
  { id: 'item-2', vendorName: 'ACME', invoiceNumber: 'INV-2', currency: 'EUR', amountOpen: '250.00', amount: '250.00', dueDate: null, status: 'open' },
];

afterEach(() => vi.restoreAllMocks());

describe('LinkByHand', () => {
  it('splits one bank line over several open items with the amounts typed', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(Response.json({ id: 'match-1' }, { status: 201 }));
    const onLinked = vi.fn();
    render(<LinkByHand line={line} openItems={items} onLinked={onLinked} />);
    expect(screen.getByRole('button', { name: /Link/ })).toBeDisabled();
    await userEvent.type(screen.getByLabelText('Amount for INV-1'), '100.00');
    await userEvent.type(screen.getByLabelText('Amount for INV-2'), '200.00');
    await userEvent.click(screen.getByRole('button', { name: 'Link (split over 2 items)' }));
    expect(onLinked).toHaveBeenCalled();
    expect(JSON.parse(String(fetch.mock.calls[0][1]?.body))).toEqual({
      transactionId: 'line-1',
      allocations: [{ openItemId: 'item-1', amount: '100.00' }, { openItemId: 'item-2', amount: '200.00' }],
    });
  });

  it('shows the API’s refusal', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(Response.json({ status: 422, error: { code: 'ALLOCATION_EXCEEDS_LINE', message: 'The allocations exceed the bank line' } }, { status: 422 }));
    const onLinked = vi.fn();
    render(<LinkByHand line={line} openItems={items} onLinked={onLinked} />);
    await userEvent.type(screen.getByLabelText('Amount for INV-2'), '400.00');
    await userEvent.click(screen.getByRole('button', { name: /Link/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The allocations exceed the bank line');
    expect(onLinked).not.toHaveBeenCalled();
  });
});
