import { useState, type FormEvent } from 'react';
import { apiRequest } from '../api/client';
import { ErrorNotice } from '../common/ErrorNotice';
import type { BankLine, OpenItem } from './types';

/** Link a bank line to one or more open items, each with the amount it settles (a split payment). */
export function LinkByHand({ line, openItems, onLinked }: { line: BankLine; openItems: OpenItem[]; onLinked: () => void }) {
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const chosen = Object.entries(amounts).filter(([, amount]) => amount.trim() !== '');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      await apiRequest('/api/reconciliation/links', { method: 'POST', body: { transactionId: line.id, allocations: chosen.map(([openItemId, amount]) => ({ openItemId, amount: amount.trim() })) } });
      onLinked();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form onSubmit={submit} aria-label={`Link bank line ${line.reference ?? line.id} by hand`}>
      <table>
        <thead>
          <tr>
            <th scope="col">Open item</th>
            <th scope="col">Open</th>
            <th scope="col">Amount to settle</th>
          </tr>
        </thead>
        <tbody>
          {openItems.map((item) => (
            <tr key={item.id}>
              <td>
                {item.vendorName ?? '?'} · {item.invoiceNumber ?? item.id.slice(0, 8)}
              </td>
              <td>
                {item.amountOpen} {item.currency}
              </td>
              <td>
                <input
                  aria-label={`Amount for ${item.invoiceNumber ?? item.id}`}
                  inputMode="decimal"
                  pattern="^\d+(\.\d+)?$"
                  value={amounts[item.id] ?? ''}
                  onChange={(event) => setAmounts({ ...amounts, [item.id]: event.target.value })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorNotice error={error} />
      <button type="submit" disabled={chosen.length === 0}>
        Link {chosen.length > 1 ? `(split over ${chosen.length} items)` : ''}
      </button>
    </form>
  );
}
