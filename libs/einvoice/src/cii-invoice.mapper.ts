import type Decimal from 'decimal.js';
import { InvoiceDataReader, type InvoiceData, type InvoiceLineData } from './invoice-data';
import { child, children, textAt, type XmlElement } from './xml-tree';

/** CII 2.x (Factur-X, ZUGFeRD 2.x, XRechnung CII) and the older ZUGFeRD 1.0 CrossIndustryDocument. */
export const CII_NAMESPACES = {
  crossIndustryInvoice: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  zugferd1: 'urn:ferd:CrossIndustryDocument:invoice:1p0',
} as const;

export function isCiiInvoice(root: XmlElement): boolean {
  return (
    (root.name === 'CrossIndustryInvoice' && root.namespace === CII_NAMESPACES.crossIndustryInvoice) ||
    (root.name === 'CrossIndustryDocument' && root.namespace === CII_NAMESPACES.zugferd1)
  );
}

// ZUGFeRD 1.0 names first, 2.x second: the structure is the same, only the element names changed.
const DOCUMENT = 'HeaderExchangedDocument|ExchangedDocument';
const TRANSACTION = 'SpecifiedSupplyChainTradeTransaction|SupplyChainTradeTransaction';
const AGREEMENT = 'ApplicableSupplyChainTradeAgreement|ApplicableHeaderTradeAgreement';
const SETTLEMENT = 'ApplicableSupplyChainTradeSettlement|ApplicableHeaderTradeSettlement';
const SUMMATION = 'SpecifiedTradeSettlementMonetarySummation|SpecifiedTradeSettlementHeaderMonetarySummation';
const LINE_AGREEMENT = 'SpecifiedSupplyChainTradeAgreement|SpecifiedLineTradeAgreement';
const LINE_DELIVERY = 'SpecifiedSupplyChainTradeDelivery|SpecifiedLineTradeDelivery';
const LINE_SETTLEMENT = 'SpecifiedSupplyChainTradeSettlement|SpecifiedLineTradeSettlement';
const LINE_SUMMATION = 'SpecifiedTradeSettlementMonetarySummation|SpecifiedTradeSettlementLineMonetarySummation';

export function mapCiiInvoice(root: XmlElement): InvoiceData {
  const read = new InvoiceDataReader();
  const document = child(root, DOCUMENT);
  const transaction = child(root, TRANSACTION);
  const agreement = child(transaction, AGREEMENT);
  const settlement = child(transaction, SETTLEMENT);
  const summation = child(settlement, SUMMATION);
  const currency = textAt(settlement, 'InvoiceCurrencyCode');
  const seller = child(agreement, 'SellerTradeParty');
  const dueDate = children(settlement, 'SpecifiedTradePaymentTerms', 'DueDateDateTime', 'DateTimeString')[0];
  const issueDate = child(document, 'IssueDateTime', 'DateTimeString');

  const amount = (name: string, field?: Parameters<InvoiceDataReader['decimal']>[2]) => read.decimal(textAt(summation, name), name, field);
  return {
    syntax: 'cii',
    typeCode: textAt(document, 'TypeCode'),
    creditNoteSyntax: false,
    texts: {
      invoiceNumber: textAt(document, 'ID'),
      issueDate: read.date(issueDate?.text.trim(), issueDate?.attributes.format, 'issueDate'),
      dueDate: read.date(dueDate?.text.trim(), dueDate?.attributes.format, 'dueDate'),
      currency,
      vendorName: textAt(seller, 'Name'),
      vendorVatId: children(seller, 'SpecifiedTaxRegistration', 'ID').find((id) => id.attributes.schemeID === 'VA')?.text.trim() || undefined,
      customerName: textAt(agreement, 'BuyerTradeParty', 'Name'),
      // 2.x: IssuerAssignedID; ZUGFeRD 1.0: ID.
      purchaseOrderNumber: textAt(agreement, 'BuyerOrderReferencedDocument', 'IssuerAssignedID') ?? textAt(agreement, 'BuyerOrderReferencedDocument', 'ID'),
      iban: children(settlement, 'SpecifiedTradeSettlementPaymentMeans', 'PayeePartyCreditorFinancialAccount', 'IBANID')
        .map((element) => element.text.trim())
        .find((text) => text !== ''),
    },
    amounts: {
      lineTotal: amount('LineTotalAmount'),
      chargeTotal: amount('ChargeTotalAmount'),
      allowanceTotal: amount('AllowanceTotalAmount'),
      totalNet: amount('TaxBasisTotalAmount', 'totalNet'),
      totalTax: read.decimal(taxTotalInInvoiceCurrency(summation, currency), 'TaxTotalAmount', 'totalTax'),
      totalGross: amount('GrandTotalAmount', 'totalGross'),
      prepaid: amount('TotalPrepaidAmount'),
      rounding: amount('RoundingAmount'),
      amountDue: amount('DuePayableAmount', 'amountDue'),
    },
    // ZUGFeRD 1.0 has free-text lines (a note, no product, quantity or amount): they are not items.
    lines: children(transaction, 'IncludedSupplyChainTradeLineItem')
      .map((line) => mapLine(line, read))
      .filter((line) => line.description !== undefined || line.quantity !== undefined || line.amount !== undefined),
    problems: read.problems,
  };
}

/** BT-110 is the tax total in the invoice currency; BT-111 (same element) repeats it in the tax currency. */
function taxTotalInInvoiceCurrency(summation: XmlElement | undefined, currency: string | undefined): string | undefined {
  const totals = children(summation, 'TaxTotalAmount');
  const chosen = totals.find((total) => total.attributes.currencyID === currency) ?? totals.find((total) => total.attributes.currencyID === undefined) ?? totals[0];
  return chosen?.text.trim() || undefined;
}

function mapLine(line: XmlElement, read: InvoiceDataReader): InvoiceLineData {
  const agreement = child(line, LINE_AGREEMENT);
  const quantity = child(line, LINE_DELIVERY, 'BilledQuantity');
  const tax = child(line, LINE_SETTLEMENT, 'ApplicableTradeTax');
  const lineId = textAt(line, 'AssociatedDocumentLineDocument', 'LineID') ?? '?';
  const decimal = (text: string | undefined, what: string): Decimal | undefined => read.decimal(text, `line ${lineId} ${what}`);
  return {
    description: textAt(line, 'SpecifiedTradeProduct', 'Name') ?? textAt(line, 'SpecifiedTradeProduct', 'Description'),
    quantity: decimal(quantity?.text.trim() || undefined, 'BilledQuantity'),
    unitCode: quantity?.attributes.unitCode,
    unitPrice: decimal(textAt(agreement, 'NetPriceProductTradePrice', 'ChargeAmount'), 'net price'),
    amount: decimal(textAt(line, LINE_SETTLEMENT, LINE_SUMMATION, 'LineTotalAmount'), 'LineTotalAmount'),
    // 2.x: RateApplicablePercent; ZUGFeRD 1.0: ApplicablePercent.
    taxRate: decimal(textAt(tax, 'RateApplicablePercent') ?? textAt(tax, 'ApplicablePercent'), 'tax rate'),
  };
}
