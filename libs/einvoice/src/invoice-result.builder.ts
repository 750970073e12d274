import type Decimal from 'decimal.js';
import { electronicFormatIBAN } from 'ibantools';
import { xmlField, type ExtractionIssue, type InvoiceFields, type LineItem } from '@conveyor/documents';
import { formatAmount, formatPlainDecimal } from './decimal-text';
import { CREDIT_NOTE_TYPE_CODES, type AmountName, type InvoiceData } from './invoice-data';
import { checkInvoiceConsistency } from './invoice-consistency.checks';

/** The part of an extraction result an e-invoice's XML determines. */
export interface InvoiceReading {
  readonly fields: InvoiceFields;
  readonly lineItems: LineItem[];
  readonly issues: ExtractionIssue[];
}

/**
 * Turns mapped XML into result fields. Credit notes carry positive amounts in the XML and mean money back, so
 * their amounts are made negative here: downstream (matching, reporting) then needs no document-type logic.
 * A credit note whose XML is already negative is left as written.
 */
export function buildInvoiceReading(data: InvoiceData): InvoiceReading {
  const issues: ExtractionIssue[] = [...data.problems];
  const creditNote = data.creditNoteSyntax || (data.typeCode !== undefined && CREDIT_NOTE_TYPE_CODES.has(data.typeCode));
  const reference = data.amounts.totalGross ?? data.amounts.totalNet;
  const negate = creditNote && reference !== undefined && reference.isPositive() && !reference.isZero();
  if (negate) {
    issues.push({
      code: 'CREDIT_NOTE',
      severity: 'info',
      message: `credit note (type ${data.typeCode ?? 'CreditNote'}): amounts are negative, money goes back to the buyer`,
      fields: ['totalNet', 'totalTax', 'totalGross', 'amountDue'],
    });
  }
  const signed = (value: Decimal | undefined): Decimal | undefined => (value !== undefined && negate ? value.negated() : value);
  const amounts: Partial<Record<AmountName, Decimal>> = {};
  for (const [name, value] of Object.entries(data.amounts) as [AmountName, Decimal | undefined][]) {
    const signedValue = signed(value);
    if (signedValue !== undefined) amounts[name] = signedValue;
  }

  const fields: InvoiceFields = {};
  const texts = { ...data.texts };
  if (texts.iban !== undefined) texts.iban = electronicFormatIBAN(texts.iban) ?? texts.iban;
  if (texts.currency !== undefined && !/^[A-Z]{3}$/.test(texts.currency)) {
    issues.push({ code: 'CURRENCY_INVALID', severity: 'error', message: `currency "${texts.currency}" is not an ISO 4217 code`, fields: ['currency'] });
    delete texts.currency;
  }
  for (const [name, value] of Object.entries(texts) as [keyof typeof texts, string | undefined][]) {
    if (value !== undefined && value !== '') fields[name] = xmlField(value);
  }
  for (const name of ['totalNet', 'totalTax', 'totalGross', 'amountDue'] as const) {
    const value = amounts[name];
    if (value !== undefined) fields[name] = xmlField(formatAmount(value));
  }

  const lineItems: LineItem[] = data.lines.map((line) => ({
    description: line.description ?? null,
    quantity: line.quantity ? formatPlainDecimal(line.quantity) : null,
    unitCode: line.unitCode ?? null,
    unitPrice: line.unitPrice ? formatAmount(line.unitPrice) : null,
    amount: line.amount ? formatAmount(signed(line.amount)!) : null,
    taxRate: line.taxRate ? formatPlainDecimal(line.taxRate) : null,
    confidence: 1,
    source: 'xml',
    page: null,
    bbox: null,
  }));

  issues.push(
    ...checkInvoiceConsistency({
      amounts,
      lineAmounts: data.lines.map((line) => signed(line.amount)),
      rawAmountDue: data.amounts.amountDue,
      creditNote,
      issueDate: texts.issueDate,
      dueDate: texts.dueDate,
      iban: texts.iban,
      present: fields,
    }),
  );
  return { fields, lineItems, issues };
}
