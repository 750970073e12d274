/**
 * How messy the bank side is. Probabilities are per payment unless said otherwise. `clean` is a well-run
 * payment run with structured references; `typical` mixes runs and manual payments; `noisy` is manual payments
 * typed from scanned invoices; `hostile` adds many equal amounts, changed bank details and few identifiers.
 */
export interface NoiseProfile {
  name: string;
  format: 'camt.053' | 'mt940' | 'csv';
  /** Share of payments made by a payment run whose end-to-end ids we know (pain.001 file). */
  knownEndToEnd: number;
  /** Counterparty IBAN on the line (else missing), and the chance it is a new IBAN the ledger does not know. */
  ibanPresent: number;
  ibanChanged: number;
  /** Name as in the master data, else a variant (upper case, no legal form, cut, typo); `nameForeign`: a trade or payment-provider name. */
  nameExact: number;
  nameForeign: number;
  referenceMissing: number;
  referenceMistyped: number;
  referenceOcrConfused: number;
  /** Invoice number in the ledger OCR-confused (the extraction read it wrong). */
  ledgerOcrConfused: number;
  referencePrefixed: number;
  combined: number;
  partial: number;
  overpaid: number;
  fee: number;
  discount: number;
  fx: number;
  duplicate: number;
  /** Unrelated lines and payments of invoices the ledger lacks, per 100 payments. */
  unrelatedPer100: number;
  missingInvoicePer100: number;
  /** Share of invoices that are recurring equal amounts (rent, subscriptions, flat fees). */
  equalAmounts: number;
  balanceBreaks: number;
}

const base: Omit<NoiseProfile, 'name' | 'format'> = {
  knownEndToEnd: 0.3,
  ibanPresent: 0.95,
  ibanChanged: 0.02,
  nameExact: 0.6,
  nameForeign: 0.02,
  referenceMissing: 0.05,
  referenceMistyped: 0.03,
  referenceOcrConfused: 0.03,
  ledgerOcrConfused: 0.02,
  referencePrefixed: 0.4,
  combined: 0.08,
  partial: 0.03,
  overpaid: 0.01,
  fee: 0.04,
  discount: 0.05,
  fx: 0.04,
  duplicate: 0.01,
  unrelatedPer100: 10,
  missingInvoicePer100: 2,
  equalAmounts: 0.1,
  balanceBreaks: 0,
};

export const NOISE_PROFILES: NoiseProfile[] = [
  { ...base, name: 'clean', format: 'camt.053', knownEndToEnd: 0.6, nameExact: 0.9, referenceMissing: 0.01, referenceMistyped: 0.005, referenceOcrConfused: 0.005, ledgerOcrConfused: 0.005, referencePrefixed: 0.2, partial: 0.01, overpaid: 0.002, duplicate: 0.002, unrelatedPer100: 5, missingInvoicePer100: 0.5 },
  { ...base, name: 'typical', format: 'csv' },
  {
    ...base, name: 'noisy', format: 'mt940', knownEndToEnd: 0, ibanPresent: 0.8, ibanChanged: 0.05, nameExact: 0.3, nameForeign: 0.05, referenceMissing: 0.15,
    referenceMistyped: 0.08, referenceOcrConfused: 0.1, ledgerOcrConfused: 0.05, referencePrefixed: 0.6, combined: 0.12, partial: 0.05, overpaid: 0.02,
    fee: 0.08, discount: 0.08, fx: 0.06, duplicate: 0.02, unrelatedPer100: 20, missingInvoicePer100: 4, equalAmounts: 0.2, balanceBreaks: 1,
  },
  {
    ...base, name: 'hostile', format: 'camt.053', knownEndToEnd: 0, ibanPresent: 0.5, ibanChanged: 0.1, nameExact: 0.2, nameForeign: 0.1, referenceMissing: 0.3,
    referenceMistyped: 0.1, referenceOcrConfused: 0.15, ledgerOcrConfused: 0.08, referencePrefixed: 0.6, combined: 0.15, partial: 0.06, overpaid: 0.03,
    fee: 0.1, discount: 0.1, fx: 0.08, duplicate: 0.03, unrelatedPer100: 25, missingInvoicePer100: 6, equalAmounts: 0.35, balanceBreaks: 1,
  },
];
