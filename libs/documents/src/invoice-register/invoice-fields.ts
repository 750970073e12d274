/**
 * The header fields of an invoice document that people search and sort the document list by: what extraction
 * read, replaced by what an accountant confirmed (with their corrections) once they did.
 */
export interface InvoiceSearchFields {
  vendorName: string | null;
  invoiceNumber: string | null;
  /** YYYY-MM-DD, a real calendar date. */
  issueDate: string | null;
  /** Exact decimal string with a dot ("1190.50"); never a float. */
  totalGross: string | null;
  currency: string | null;
}

/** InvoiceSearchFields as a document list shows them, and whether a person confirmed them. */
export interface DocumentInvoiceFields extends InvoiceSearchFields {
  confirmed: boolean;
}

const MAX_TEXT = 500;
// What the register's numeric(24, 6) column holds: 18 digits before the dot, 6 after.
const AMOUNT = /^-?(0|[1-9]\d{0,17})(\.\d{1,6})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CURRENCY = /^[A-Z]{3}$/;

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed.slice(0, MAX_TEXT) : null;
}

/** True for YYYY-MM-DD naming a day that exists (no 2026-02-30, no month 13). */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True for a decimal string the search columns hold exactly (at most 18 digits before the dot and 6 after). */
export function isSearchableAmount(value: string): boolean {
  return AMOUNT.test(value);
}

/**
 * The searchable fields of extracted or confirmed values (field → value, as the extract and confirm-invoice
 * steps output them). A value of the wrong shape is left out rather than stored wrong: a total read as "12,50"
 * cannot be compared exactly, so it is not searchable by amount, but the document still lists.
 */
export function invoiceFieldsOf(values: Record<string, unknown>): InvoiceSearchFields {
  const issueDate = text(values['issueDate']);
  const totalGross = text(values['totalGross']);
  const currency = text(values['currency']);
  return {
    vendorName: text(values['vendorName']),
    invoiceNumber: text(values['invoiceNumber']),
    issueDate: issueDate && isCalendarDate(issueDate) ? issueDate : null,
    totalGross: totalGross && isSearchableAmount(totalGross) ? totalGross : null,
    currency: currency && CURRENCY.test(currency) ? currency : null,
  };
}

/** True when nothing searchable was read (a blank or unreadable document): nothing worth recording. */
export function hasInvoiceFields(fields: InvoiceSearchFields): boolean {
  return Object.values(fields).some((value) => value !== null);
}
