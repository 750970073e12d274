import type { StatementTransaction } from '@conveyor/bank-statements';
import { dayNumber } from './ledger-index';
import { toMinorUnits } from './minor-units';
import { distinctiveNameTokens, normaliseIban } from './party-names';
import { exactReferenceKey, freeTextReferenceKeys } from './reference-tokens';

/** The fields of a statement line matching reads (a parsed StatementTransaction fits). */
export type TransactionInput = Pick<
  StatementTransaction,
  'bookingDate' | 'valueDate' | 'amount' | 'currency' | 'counterpartyName' | 'counterpartyIban' | 'reference' | 'endToEndId' | 'bankReference' | 'description'
>;

/** A statement line prepared once for matching. */
export interface BankLine {
  transactionId: string;
  currency: string;
  /** Paid amount in minor units, positive when the line goes in the direction that settles open items. */
  payMinor: number;
  day: number | null;
  iban: string | null;
  nameTokens: string[];
  exactReference: string | null;
  /** Exact key of the whole text (reference and description), for telling exact from tolerant finds. */
  exactText: string;
  textKeys: Set<string>;
  paymentIds: string[];
  input: TransactionInput;
}

export function prepareBankLine(transactionId: string, input: TransactionInput, direction: 'payables' | 'receivables'): BankLine {
  const currency = input.currency.toUpperCase();
  const signed = toMinorUnits(input.amount, currency);
  const text = `${input.reference ?? ''} ${input.description ?? ''}`;
  return {
    transactionId,
    currency,
    payMinor: direction === 'payables' ? -signed : signed,
    day: dayNumber(input.valueDate) ?? dayNumber(input.bookingDate),
    iban: normaliseIban(input.counterpartyIban),
    nameTokens: distinctiveNameTokens(input.counterpartyName),
    exactReference: input.reference ? exactReferenceKey(input.reference) : null,
    exactText: exactReferenceKey(text),
    textKeys: freeTextReferenceKeys(text),
    paymentIds: [input.endToEndId, input.bankReference].filter((id): id is string => !!id && id.trim() !== '' && id !== 'NOTPROVIDED').map((id) => id.trim()),
    input,
  };
}
