import Decimal from 'decimal.js';
import { formatDate, formatMoney, formatNumber } from './formatting';
import type { InvoiceDocument, InvoiceLine } from './invoice-model';

/** The printed strings of one invoice, shared by every layout so they differ only in placement. */
export interface PrintedRow {
  label: string;
  value: string;
  strong?: boolean;
}

export const fill = (template: string, values: Record<string, string | number>): string => template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));

export function title(document: InvoiceDocument): string {
  return document.labelChoice(document.creditNote ? 'creditTitle' : 'invoiceTitle');
}

export function printedDate(document: InvoiceDocument, iso: string): string {
  return formatDate(iso, document.dateStyle, document.locale);
}

export function money(document: InvoiceDocument, value: Decimal, withCurrency = true): string {
  return formatMoney(value, document.money, withCurrency);
}

export function plainNumber(document: InvoiceDocument, value: Decimal, decimals: number): string {
  return formatNumber(value, document.money.number, { decimals, spaceChar: document.money.spaceChar, negative: 'minus' });
}

export function rateText(document: InvoiceDocument, rate: string): string {
  const value = new Decimal(rate);
  return formatNumber(value, document.money.number, { decimals: value.isInteger() ? 0 : value.decimalPlaces() });
}

/** Number, dates, order and customer references, as label/value pairs in reading order. */
export function metaRows(document: InvoiceDocument): PrintedRow[] {
  const rows: PrintedRow[] = [{ label: document.labelChoice(document.creditNote ? 'creditNumber' : 'invoiceNumber'), value: document.invoiceNumber, strong: true }];
  rows.push({ label: document.labelChoice('issueDate'), value: printedDate(document, document.issueDate) });
  if (document.dueDate) rows.push({ label: document.labelChoice('dueDate'), value: printedDate(document, document.dueDate) });
  if (document.customerNumber) rows.push({ label: document.labelChoice('customerNumber'), value: document.customerNumber });
  if (document.purchaseOrder) rows.push({ label: document.labelChoice('purchaseOrder'), value: document.purchaseOrder });
  if (document.currencyLine) rows.push({ label: document.labelChoice('currency'), value: document.currency });
  return rows;
}

/** Net, tax (one row per rate when several), gross, prepayment and amount due. */
export function totalRows(document: InvoiceDocument): PrintedRow[] {
  const rows: PrintedRow[] = [{ label: document.labelChoice('net'), value: money(document, document.net) }];
  const taxLabel = document.labelChoice('tax');
  if (document.taxGroups.length === 1) {
    const label = taxLabel.includes('{rate}') ? fill(taxLabel, { rate: rateText(document, document.taxGroups[0].rate) }) : `${taxLabel} ${rateText(document, document.taxGroups[0].rate)}%`;
    rows.push({ label, value: money(document, document.tax) });
  } else {
    for (const group of document.taxGroups) {
      const rate = rateText(document, group.rate);
      const label = taxLabel.includes('{rate}') ? fill(taxLabel, { rate }) : `${taxLabel} ${rate}%`;
      rows.push({ label: `${label} (${money(document, group.base, false)})`, value: money(document, group.tax) });
    }
    if (document.totalTaxRow) rows.push({ label: document.labelChoice('totalTax'), value: money(document, document.tax) });
  }
  rows.push({ label: document.labelChoice('gross'), value: money(document, document.gross), strong: document.amountDue === null });
  if (document.prepaid) rows.push({ label: document.labelChoice('prepaid'), value: money(document, document.prepaid.negated()) });
  if (document.amountDue) rows.push({ label: document.labelChoice('amountDue'), value: money(document, document.amountDue), strong: true });
  return rows;
}

export function bankRows(document: InvoiceDocument): PrintedRow[] {
  const rows: PrintedRow[] = [];
  if (document.ibanPrinted) rows.push({ label: document.labelChoice('iban'), value: document.ibanPrinted });
  if (document.bic) rows.push({ label: document.labelChoice('bic'), value: document.bic });
  return rows;
}

export function vatLine(document: InvoiceDocument, vatIdPrinted: string | null): string | null {
  if (!vatIdPrinted) return null;
  const label = vatIdPrinted.startsWith('CHE') ? (document.locale.language === 'fr' ? 'N° TVA' : 'MWST-Nr.') : document.labelChoice('vatId');
  return `${label}: ${vatIdPrinted}`;
}

export function lineCells(document: InvoiceDocument, line: InvoiceLine): string[] {
  const quantityDecimals = line.quantity.isInteger() ? 0 : 2;
  return [line.description, plainNumber(document, line.quantity, quantityDecimals), money(document, line.unitPrice, false), money(document, line.amount, false), `${rateText(document, line.taxRate)}%`];
}

export function lineHeader(document: InvoiceDocument): string[] {
  return [document.labelChoice('description'), document.labelChoice('quantity'), document.labelChoice('unitPrice'), document.labelChoice('amount'), document.labelChoice('taxRate')];
}

export function termsLine(document: InvoiceDocument): string {
  return fill(document.labelChoice('terms'), { d: document.paymentDays });
}
