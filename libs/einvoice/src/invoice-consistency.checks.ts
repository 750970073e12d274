import Decimal from 'decimal.js';
import { ValidationErrorsIBAN, validateIBAN } from 'ibantools';
import type { ExtractionIssue, InvoiceFieldName, InvoiceFields } from '@conveyor/documents';
import { formatAmount } from './decimal-text';
import type { AmountName } from './invoice-data';

export interface ConsistencyInput {
  /** Signed as the result shows them (credit notes negative). */
  readonly amounts: Partial<Record<AmountName, Decimal>>;
  readonly lineAmounts: readonly (Decimal | undefined)[];
  /** DuePayableAmount as the XML writes it, before any credit-note signing. */
  readonly rawAmountDue: Decimal | undefined;
  readonly creditNote: boolean;
  readonly issueDate: string | undefined;
  readonly dueDate: string | undefined;
  /** Electronic format (no spaces). */
  readonly iban: string | undefined;
  readonly present: InvoiceFields;
}

const REQUIRED_FIELDS: readonly InvoiceFieldName[] = ['invoiceNumber', 'issueDate', 'currency', 'vendorName', 'totalGross'];

/**
 * The arithmetic and format rules of EN 16931 an accountant would check by hand. XML amounts are exact, so the
 * sums must be exact too: a one-cent gap is a finding. Problems are flagged, never repaired.
 */
export function checkInvoiceConsistency(input: ConsistencyInput): ExtractionIssue[] {
  const issues: ExtractionIssue[] = [];
  const { totalNet, totalTax, totalGross, amountDue, lineTotal, allowanceTotal, chargeTotal, prepaid, rounding } = input.amounts;
  const zero = new Decimal(0);

  for (const field of REQUIRED_FIELDS) {
    if (!input.present[field]) issues.push({ code: 'FIELD_MISSING', severity: 'error', message: `the e-invoice has no ${field}`, fields: [field] });
  }

  if (totalNet && totalTax && totalGross && !totalNet.plus(totalTax).equals(totalGross)) {
    issues.push({
      code: 'TOTALS_INCONSISTENT',
      severity: 'error',
      message: `net ${formatAmount(totalNet)} + tax ${formatAmount(totalTax)} = ${formatAmount(totalNet.plus(totalTax))}, but the gross total is ${formatAmount(totalGross)}`,
      fields: ['totalNet', 'totalTax', 'totalGross'],
    });
  }

  const knownLineAmounts = input.lineAmounts.filter((amount): amount is Decimal => amount !== undefined);
  const lineSum = knownLineAmounts.length > 0 && knownLineAmounts.length === input.lineAmounts.length ? Decimal.sum(...knownLineAmounts) : undefined;
  if (lineSum && lineTotal && !lineSum.equals(lineTotal)) {
    issues.push({
      code: 'LINE_SUM_MISMATCH',
      severity: 'error',
      message: `the line amounts add up to ${formatAmount(lineSum)}, but the sum of lines is stated as ${formatAmount(lineTotal)}`,
      fields: ['totalNet'],
    });
  }
  const linesBasis = lineTotal ?? lineSum;
  if (linesBasis && totalNet) {
    const expectedNet = linesBasis.minus(allowanceTotal ?? zero).plus(chargeTotal ?? zero);
    if (!expectedNet.equals(totalNet)) {
      issues.push({
        code: 'LINE_SUM_MISMATCH',
        severity: 'error',
        message: `lines ${formatAmount(linesBasis)} − allowances ${formatAmount(allowanceTotal ?? zero)} + charges ${formatAmount(chargeTotal ?? zero)} = ${formatAmount(expectedNet)}, but the net total is ${formatAmount(totalNet)}`,
        fields: ['totalNet'],
      });
    }
  }

  if (totalGross && amountDue) {
    const expectedDue = totalGross.minus(prepaid ?? zero).plus(rounding ?? zero);
    if (!expectedDue.equals(amountDue)) {
      issues.push({
        code: 'AMOUNT_DUE_INCONSISTENT',
        severity: 'warning',
        message: `gross ${formatAmount(totalGross)} − prepaid ${formatAmount(prepaid ?? zero)} + rounding ${formatAmount(rounding ?? zero)} = ${formatAmount(expectedDue)}, but the amount due is ${formatAmount(amountDue)}`,
        fields: ['totalGross', 'amountDue'],
      });
    }
  }

  if (input.rawAmountDue?.isNegative() && !input.rawAmountDue.isZero()) {
    issues.push({
      code: 'NEGATIVE_AMOUNT_DUE',
      severity: 'warning',
      message: `the amount due is negative (${formatAmount(input.rawAmountDue)})${input.creditNote ? '' : ' on a document that is not a credit note'}: the seller owes the buyer`,
      fields: ['amountDue'],
    });
  }

  if (input.issueDate && input.dueDate && input.dueDate < input.issueDate) {
    issues.push({ code: 'DUE_BEFORE_ISSUE', severity: 'error', message: `the due date ${input.dueDate} is before the issue date ${input.issueDate}`, fields: ['dueDate', 'issueDate'] });
  }

  if (input.iban) issues.push(...checkIban(input.iban));
  return issues;
}

/**
 * ISO 13616 (length, format, mod-97) failures are errors. Some countries add national check digits (the French
 * RIB key, ...): a failure there on an IBAN that passes mod-97 is a warning, since sample and test data often
 * carry such IBANs and the bank will be the final judge.
 */
function checkIban(iban: string): ExtractionIssue[] {
  const { valid, errorCodes } = validateIBAN(iban);
  if (valid) return [];
  const national = errorCodes.every((code) => code === ValidationErrorsIBAN.WrongAccountBankBranchChecksum);
  const reasons = errorCodes.map((code) => ValidationErrorsIBAN[code]).join(', ');
  return [
    national
      ? { code: 'IBAN_NATIONAL_CHECK_FAILED', severity: 'warning', message: `IBAN ${iban} passes mod-97 but fails its national check digits (${reasons}); kept as written`, fields: ['iban'] }
      : { code: 'IBAN_INVALID', severity: 'error', message: `IBAN ${iban} is not valid (${reasons}); kept as written, not repaired`, fields: ['iban'] },
  ];
}
