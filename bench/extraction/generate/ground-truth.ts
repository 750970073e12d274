import type { InvoiceDocument } from './invoice-model';
import { printedDate } from './printed-text';

/** Ground truth of one generated document, under the corpus README's common field names. */
export interface GeneratedTruth {
  vendor_name: string;
  vendor_vat_id?: string;
  customer_name?: string;
  invoice_number: string;
  issue_date: string;
  due_date?: string;
  currency: string;
  total_net: string;
  total_tax: string;
  total_gross: string;
  amount_due?: string;
  iban?: string;
  purchase_order_number?: string;
  line_items: { name: string; quantity: string; unit_price: string; line_net_amount: string; tax_rate: string }[];
  _layout: string;
  _locale: string;
  _language: string;
  _document_type: 'invoice' | 'credit_note';
  _printed: Record<string, string>;
  /** Dates printed day/month-ambiguously with nothing on the page to decide the order. */
  _ambiguous_dates: string[];
  /** Deliberate faults a validator must flag. */
  _expected_issues: string[];
  /** Fields whose value is not printed as such (total tax printed only per rate): the "inferable" bucket. */
  _not_printed: string[];
}

export function groundTruthOf(document: InvoiceDocument): GeneratedTruth {
  const truth: GeneratedTruth = {
    vendor_name: document.seller.name,
    invoice_number: document.invoiceNumber,
    issue_date: document.issueDate,
    currency: document.currency,
    total_net: document.net.toFixed(2),
    total_tax: document.tax.toFixed(2),
    total_gross: document.gross.toFixed(2),
    line_items: document.lines.map((line) => ({
      name: line.description,
      quantity: line.quantity.toString(),
      unit_price: line.unitPrice.toFixed(2),
      line_net_amount: line.amount.toFixed(2),
      tax_rate: line.taxRate,
    })),
    _layout: document.layout,
    _locale: document.locale.id,
    _language: document.locale.language,
    _document_type: document.creditNote ? 'credit_note' : 'invoice',
    _printed: { issue_date: printedDate(document, document.issueDate) },
    _ambiguous_dates: [],
    _expected_issues: [...document.expectedIssues],
    _not_printed: document.taxGroups.length > 1 && !document.totalTaxRow ? ['total_tax'] : [],
  };
  if (document.seller.vatIdPrinted) truth.vendor_vat_id = document.seller.vatIdPrinted;
  if (document.buyer) truth.customer_name = document.buyer.name;
  if (document.dueDate) {
    truth.due_date = document.dueDate;
    truth._printed.due_date = printedDate(document, document.dueDate);
  }
  if (document.amountDue) truth.amount_due = document.amountDue.toFixed(2);
  if (document.ibanPrinted) truth.iban = document.ibanPrinted;
  if (document.purchaseOrder) truth.purchase_order_number = document.purchaseOrder;
  truth._ambiguous_dates = ambiguousDates(document);
  return truth;
}

/**
 * English numeric dates (dd/mm vs mm/dd) are ambiguous when day and month are both 12 or less and no other
 * date on the page has a day above 12. The other languages fix the order.
 */
function ambiguousDates(document: InvoiceDocument): string[] {
  const numeric = document.dateStyle === 'numeric' || document.dateStyle === 'numeric-short-year';
  if (!numeric || document.locale.language !== 'en') return [];
  const dates: [string, string][] = [['issue_date', document.issueDate]];
  if (document.dueDate) dates.push(['due_date', document.dueDate]);
  const parts = dates.map(([field, iso]) => ({ field, month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) }));
  if (parts.some((part) => part.day > 12)) return [];
  return parts.filter((part) => part.day !== part.month).map((part) => part.field);
}
