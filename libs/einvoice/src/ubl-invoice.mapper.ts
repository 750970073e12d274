import type Decimal from 'decimal.js';
import { InvoiceDataReader, type InvoiceData, type InvoiceLineData } from './invoice-data';
import { child, children, textAt, type XmlElement } from './xml-tree';

/** OASIS UBL 2.1 Invoice and CreditNote (XRechnung UBL, Peppol BIS Billing 3.0). */
export const UBL_NAMESPACES = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
} as const;

export function isUblInvoice(root: XmlElement): boolean {
  return (root.name === 'Invoice' && root.namespace === UBL_NAMESPACES.invoice) || (root.name === 'CreditNote' && root.namespace === UBL_NAMESPACES.creditNote);
}

export function mapUblInvoice(root: XmlElement): InvoiceData {
  const read = new InvoiceDataReader();
  const creditNote = root.name === 'CreditNote';
  const currency = textAt(root, 'DocumentCurrencyCode');
  const seller = child(root, 'AccountingSupplierParty', 'Party');
  const buyer = child(root, 'AccountingCustomerParty', 'Party');
  const totals = child(root, 'LegalMonetaryTotal');
  // Invoice: cbc:DueDate (BT-9); CreditNote (and UBL 2.0 style invoices): PaymentMeans/PaymentDueDate.
  const dueDate = textAt(root, 'DueDate') ?? textAt(root, 'PaymentMeans', 'PaymentDueDate');
  const amount = (name: string, field?: Parameters<InvoiceDataReader['decimal']>[2]) => read.decimal(textAt(totals, name), name, field);

  return {
    syntax: 'ubl',
    typeCode: textAt(root, creditNote ? 'CreditNoteTypeCode' : 'InvoiceTypeCode'),
    creditNoteSyntax: creditNote,
    texts: {
      invoiceNumber: textAt(root, 'ID'),
      issueDate: read.date(textAt(root, 'IssueDate'), undefined, 'issueDate'),
      dueDate: read.date(dueDate, undefined, 'dueDate'),
      currency,
      // BT-27 is the legal registration name; the trading name (BT-28) only when that is missing.
      vendorName: partyName(seller),
      vendorVatId: children(seller, 'PartyTaxScheme')
        .find((scheme) => textAt(scheme, 'TaxScheme', 'ID') === 'VAT')
        ?.children.find((element) => element.name === 'CompanyID')
        ?.text.trim(),
      customerName: partyName(buyer),
      purchaseOrderNumber: textAt(root, 'OrderReference', 'ID'),
      iban: children(root, 'PaymentMeans', 'PayeeFinancialAccount', 'ID')
        .map((element) => element.text.trim())
        .find((text) => text !== ''),
    },
    amounts: {
      lineTotal: amount('LineExtensionAmount'),
      allowanceTotal: amount('AllowanceTotalAmount'),
      chargeTotal: amount('ChargeTotalAmount'),
      totalNet: amount('TaxExclusiveAmount', 'totalNet'),
      totalTax: read.decimal(taxTotalInDocumentCurrency(root, currency), 'TaxAmount', 'totalTax'),
      totalGross: amount('TaxInclusiveAmount', 'totalGross'),
      prepaid: amount('PrepaidAmount'),
      rounding: amount('PayableRoundingAmount'),
      amountDue: amount('PayableAmount', 'amountDue'),
    },
    lines: children(root, creditNote ? 'CreditNoteLine' : 'InvoiceLine').map((line) => mapLine(line, creditNote, read)),
    problems: read.problems,
  };
}

function partyName(party: XmlElement | undefined): string | undefined {
  return textAt(party, 'PartyLegalEntity', 'RegistrationName') ?? textAt(party, 'PartyName', 'Name');
}

/** A second TaxTotal may repeat the tax in the accounting currency (BT-111); BT-110 is the document currency's. */
function taxTotalInDocumentCurrency(root: XmlElement, currency: string | undefined): string | undefined {
  const amounts = children(root, 'TaxTotal', 'TaxAmount');
  const chosen = amounts.find((amount) => amount.attributes.currencyID === currency) ?? amounts[0];
  return chosen?.text.trim() || undefined;
}

function mapLine(line: XmlElement, creditNote: boolean, read: InvoiceDataReader): InvoiceLineData {
  const quantity = child(line, creditNote ? 'CreditedQuantity' : 'InvoicedQuantity');
  const lineId = textAt(line, 'ID') ?? '?';
  const decimal = (text: string | undefined, what: string): Decimal | undefined => read.decimal(text, `line ${lineId} ${what}`);
  return {
    description: textAt(line, 'Item', 'Name') ?? textAt(line, 'Item', 'Description'),
    quantity: decimal(quantity?.text.trim() || undefined, 'quantity'),
    unitCode: quantity?.attributes.unitCode,
    unitPrice: decimal(textAt(line, 'Price', 'PriceAmount'), 'PriceAmount'),
    amount: decimal(textAt(line, 'LineExtensionAmount'), 'LineExtensionAmount'),
    taxRate: decimal(textAt(line, 'Item', 'ClassifiedTaxCategory', 'Percent'), 'tax rate'),
  };
}
