import type { TransactionInput } from './bank-line';
import type { OpenItem } from './reconciliation-types';

/** Builders for hand-made matching cases in the specs: sensible defaults, override what the case is about. */
export function openItem(overrides: Partial<OpenItem> & Pick<OpenItem, 'id'>): OpenItem {
  return {
    vendorName: 'Nordwind Maschinenbau GmbH',
    vendorIban: 'DE89370400440532013000',
    invoiceNumber: null,
    currency: 'EUR',
    amount: '1000.00',
    issueDate: '2026-03-01',
    dueDate: '2026-03-31',
    ...overrides,
  };
}

export function bankLine(overrides: Partial<TransactionInput> = {}): TransactionInput {
  return {
    bookingDate: '2026-03-25',
    valueDate: '2026-03-25',
    amount: '-1000.00',
    currency: 'EUR',
    counterpartyName: null,
    counterpartyIban: null,
    reference: null,
    endToEndId: null,
    bankReference: null,
    description: null,
    ...overrides,
  };
}

export const IBAN_NORDWIND = 'DE89370400440532013000';
export const IBAN_OTHER = 'GB29NWBK60161331926819';
export const IBAN_THIRD = 'FR1420041010050500013M02606';
