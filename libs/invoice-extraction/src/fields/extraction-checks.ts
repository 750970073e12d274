import Decimal from 'decimal.js';
import type { ExtractionIssue, InvoiceFieldName, InvoiceFields, LineItem } from '@conveyor/documents';
import { checkVatId, validateIban } from '../values/identifier-reading';

export interface CheckInput {
  readonly fields: InvoiceFields;
  readonly lineItems: readonly LineItem[];
  /** The line amounts include tax: compare their sum with the gross total instead of the net. */
  readonly lineAmountsIncludeTax: boolean;
  /** Currencies printed next to amounts, for the consistency check. */
  readonly printedCurrencies: readonly string[];
  readonly lowConfidenceThreshold: number;
}

/**
 * The checks an accountant would make on values read from a page. Printed totals are rounded per line, so a
 * one-cent gap is a warning and a larger one an error. Nothing is repaired: a failing IBAN or VAT id keeps its
 * printed value and gets an issue. (checkInvoiceConsistency in @conveyor/einvoice works on the XML's full
 * amount model — allowances, charges, prepaid — which a page rarely prints; these are its page-level kin with
 * the same codes.)
 */
export function checkExtractedInvoice(input: CheckInput): ExtractionIssue[] {
  const issues: ExtractionIssue[] = [];
  const amount = (name: InvoiceFieldName) => {
    const value = input.fields[name]?.value;
    return value ? new Decimal(value) : undefined;
  };
  const net = amount('totalNet');
  const tax = amount('totalTax');
  const gross = amount('totalGross');
  if (net && tax && gross && !net.plus(tax).equals(gross)) {
    const gap = net.plus(tax).minus(gross).abs();
    issues.push({
      code: 'TOTALS_INCONSISTENT',
      severity: gap.lessThanOrEqualTo('0.01') ? 'warning' : 'error',
      message: `net ${net.toFixed(2)} + tax ${tax.toFixed(2)} = ${net.plus(tax).toFixed(2)}, but the gross total reads ${gross.toFixed(2)}`,
      fields: ['totalNet', 'totalTax', 'totalGross'],
    });
  }
  const lineAmounts = input.lineItems.map((item) => item.amount);
  const basis = input.lineAmountsIncludeTax ? gross : net;
  if (basis && lineAmounts.length > 0 && lineAmounts.every((value): value is string => value !== null)) {
    const sum = Decimal.sum(...lineAmounts);
    if (!sum.equals(basis)) {
      issues.push({
        code: 'LINE_SUM_MISMATCH',
        severity: 'warning',
        message: `the ${lineAmounts.length} line amounts add up to ${sum.toFixed(2)}, but the ${input.lineAmountsIncludeTax ? 'gross' : 'net'} total reads ${basis.toFixed(2)} (a discount or charge not read as a line?)`,
        fields: [input.lineAmountsIncludeTax ? 'totalGross' : 'totalNet'],
      });
    }
  }
  const issueDate = input.fields.issueDate?.value;
  const dueDate = input.fields.dueDate?.value;
  if (issueDate && dueDate && dueDate < issueDate) {
    issues.push({ code: 'DUE_BEFORE_ISSUE', severity: 'error', message: `the due date ${dueDate} is before the issue date ${issueDate}`, fields: ['dueDate', 'issueDate'] });
  }
  const iban = input.fields.iban?.value;
  if (iban) {
    const verdict = validateIban(iban);
    if (!verdict.ok) {
      const national = verdict.code === 'IBAN_NATIONAL_CHECK_FAILED';
      issues.push({
        code: verdict.code,
        severity: national ? 'warning' : 'error',
        message: `IBAN ${iban} ${national ? 'passes mod-97 but fails its national check digits' : 'is not valid'} (${verdict.reasons}); kept as printed, not repaired`,
        fields: ['iban'],
      });
    }
  }
  const vatId = input.fields.vendorVatId?.value;
  if (vatId && /^[A-Z]{2}/.test(vatId)) {
    const verdict = checkVatId(vatId);
    if (verdict.supported && !verdict.formatValid) {
      issues.push({ code: 'VAT_ID_FORMAT', severity: 'error', message: `VAT id ${vatId} does not have its country's format`, fields: ['vendorVatId'] });
    } else if (verdict.supported && !verdict.checksumValid) {
      issues.push({ code: 'VAT_ID_CHECKSUM', severity: 'warning', message: `VAT id ${vatId} has the right format but its check digit fails`, fields: ['vendorVatId'] });
    }
  }
  const currency = input.fields.currency?.value;
  const others = [...new Set(input.printedCurrencies.filter((code) => code !== '$' && code !== currency))];
  if (currency && others.length > 0) {
    issues.push({ code: 'CURRENCY_INCONSISTENT', severity: 'warning', message: `the invoice is in ${currency} but amounts are also printed in ${others.join(', ')}`, fields: ['currency'] });
  }
  for (const [name, field] of Object.entries(input.fields) as [InvoiceFieldName, InvoiceFields[InvoiceFieldName]][]) {
    if (field && field.value !== null && field.confidence < input.lowConfidenceThreshold && field.source !== 'xml') {
      issues.push({ code: 'LOW_CONFIDENCE', severity: 'warning', message: `${name} "${field.value}" was read with confidence ${field.confidence.toFixed(2)} (below ${input.lowConfidenceThreshold})`, fields: [name] });
    }
  }
  return issues;
}
