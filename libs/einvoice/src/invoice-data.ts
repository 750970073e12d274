import type Decimal from 'decimal.js';
import type { ExtractionIssue, InvoiceFieldName } from '@conveyor/documents';
import { isDomainError } from '@conveyor/kernel';
import { parseXmlDecimal } from './decimal-text';

/** What a syntax mapper (CII, UBL) reads, before signing and checks: syntax-neutral, amounts exact. */
export interface InvoiceData {
  readonly syntax: 'cii' | 'ubl';
  /** UNTDID 1001 document type code (380 invoice, 381 credit note, ...). */
  readonly typeCode: string | undefined;
  /** UBL CreditNote documents are credit notes whatever their type code. */
  readonly creditNoteSyntax: boolean;
  readonly texts: Partial<Record<TextFieldName, string>>;
  readonly amounts: Partial<Record<AmountName, Decimal>>;
  readonly lines: readonly InvoiceLineData[];
  /** Problems met while reading (a malformed amount or date): the value is left out, never guessed. */
  readonly problems: ExtractionIssue[];
}

export type TextFieldName = 'vendorName' | 'vendorVatId' | 'customerName' | 'invoiceNumber' | 'issueDate' | 'dueDate' | 'currency' | 'iban' | 'purchaseOrderNumber';
export type AmountName = 'totalNet' | 'totalTax' | 'totalGross' | 'amountDue' | 'lineTotal' | 'allowanceTotal' | 'chargeTotal' | 'prepaid' | 'rounding';

export interface InvoiceLineData {
  readonly description: string | undefined;
  readonly quantity: Decimal | undefined;
  readonly unitCode: string | undefined;
  readonly unitPrice: Decimal | undefined;
  readonly amount: Decimal | undefined;
  readonly taxRate: Decimal | undefined;
}

/** Collects what a mapper reads, turning malformed values into problems instead of exceptions. */
export class InvoiceDataReader {
  readonly problems: ExtractionIssue[] = [];

  decimal(text: string | undefined, what: string, field?: InvoiceFieldName): Decimal | undefined {
    if (text === undefined) return undefined;
    try {
      return parseXmlDecimal(text, what);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      this.problems.push({ code: error.code, severity: 'error', message: error.message, fields: field ? [field] : [] });
      return undefined;
    }
  }

  /** Dates as YYYY-MM-DD from CII format 102 ("20240131") or ISO text ("2024-01-31", optionally with a zone). */
  date(text: string | undefined, format: string | undefined, field: InvoiceFieldName): string | undefined {
    if (text === undefined) return undefined;
    const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
    const iso = /^(\d{4})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/.exec(text);
    const parts = (format === undefined || format === '102') && compact ? compact : iso;
    if (parts && isCalendarDate(Number(parts[1]), Number(parts[2]), Number(parts[3]))) return `${parts[1]}-${parts[2]}-${parts[3]}`;
    this.problems.push({
      code: 'EINVOICE_INVALID_DATE',
      severity: 'error',
      message: `${field} "${text}"${format ? ` (format ${format})` : ''} is not a calendar date`,
      fields: [field],
    });
    return undefined;
  }
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** UNTDID 1001 codes EN 16931 treats as credit notes (amounts are written positive, meaning money back). */
export const CREDIT_NOTE_TYPE_CODES: ReadonlySet<string> = new Set(['81', '83', '261', '262', '296', '308', '381', '396', '420', '458', '532']);
