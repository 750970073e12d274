import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEInvoiceXml } from './einvoice-xml.reader';

const fixture = (name: string): Buffer => readFileSync(join(__dirname, 'fixtures', name));
const values = (fields: object): Record<string, unknown> => Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field?.value]));

describe('CII mapping', () => {
  it('reads a credit note (381) exactly and signs its amounts negative', () => {
    const reading = readEInvoiceXml(fixture('cii-credit-note.xml'));
    expect(values(reading.fields)).toEqual({
      invoiceNumber: 'CN-2024-007',
      issueDate: '2024-03-12',
      dueDate: '2024-04-11',
      currency: 'EUR',
      vendorName: 'Bürobedarf Schmidt GmbH',
      vendorVatId: 'DE811907980',
      customerName: 'Kanzlei Weber & Partner',
      purchaseOrderNumber: 'PO-88/2024',
      iban: 'DE89370400440532013000',
      totalNet: '-124.50',
      totalTax: '-23.66',
      totalGross: '-148.16',
      amountDue: '-148.16',
    });
    expect(reading.fields.totalGross).toEqual({ value: '-148.16', confidence: 1, source: 'xml', page: null, bbox: null });
    expect(reading.lineItems).toEqual([
      { description: 'Returned toner & drum', quantity: '3', unitCode: 'C62', unitPrice: '41.50', amount: '-124.50', taxRate: '19', confidence: 1, source: 'xml', page: null, bbox: null },
    ]);
    expect(reading.issues.map((issue) => issue.code)).toEqual(['CREDIT_NOTE']);
  });

  it('reports broken arithmetic, a bad IBAN and a due date before the issue date without repairing anything', () => {
    const xml = fixture('cii-credit-note.xml')
      .toString('utf8')
      .replace('<ram:GrandTotalAmount>148.16', '<ram:GrandTotalAmount>148.17')
      .replace('<ram:LineTotalAmount>124.50</ram:LineTotalAmount>\n        <ram:ChargeTotalAmount>', '<ram:LineTotalAmount>124.00</ram:LineTotalAmount>\n        <ram:ChargeTotalAmount>')
      .replace('DE89 3704 0044 0532 0130 00', 'DE89 3704 0044 0532 0130 01')
      .replace('20240411', '20240301')
      .replace('<ram:DuePayableAmount>148.16', '<ram:DuePayableAmount>-148.16');
    const reading = readEInvoiceXml(xml);
    expect(reading.fields.iban?.value).toBe('DE89370400440532013001');
    expect(reading.fields.totalGross?.value).toBe('-148.17');
    expect(reading.issues.map((issue) => issue.code).sort()).toEqual(
      ['AMOUNT_DUE_INCONSISTENT', 'CREDIT_NOTE', 'DUE_BEFORE_ISSUE', 'IBAN_INVALID', 'LINE_SUM_MISMATCH', 'LINE_SUM_MISMATCH', 'NEGATIVE_AMOUNT_DUE', 'TOTALS_INCONSISTENT'].sort(),
    );
    const totals = reading.issues.find((issue) => issue.code === 'TOTALS_INCONSISTENT')!;
    expect(totals.fields).toEqual(['totalNet', 'totalTax', 'totalGross']);
    expect(totals.message).toContain('-148.17');
  });

  it('reads ZUGFeRD 1.0 element names and never turns amounts into floats', () => {
    const xml = `<?xml version="1.0"?>
<rsm:CrossIndustryDocument xmlns:rsm="urn:ferd:CrossIndustryDocument:invoice:1p0" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:12" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:15">
  <rsm:HeaderExchangedDocument><ram:ID>R-1</ram:ID><ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">20130805</udt:DateTimeString></ram:IssueDateTime></rsm:HeaderExchangedDocument>
  <rsm:SpecifiedSupplyChainTradeTransaction>
    <ram:ApplicableSupplyChainTradeAgreement>
      <ram:SellerTradeParty><ram:Name>A</ram:Name></ram:SellerTradeParty>
      <ram:BuyerOrderReferencedDocument><ram:ID>B-9</ram:ID></ram:BuyerOrderReferencedDocument>
    </ram:ApplicableSupplyChainTradeAgreement>
    <ram:ApplicableSupplyChainTradeSettlement><ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementMonetarySummation>
        <ram:TaxBasisTotalAmount currencyID="EUR">0.10</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">0.20</ram:TaxTotalAmount>
        <ram:GrandTotalAmount currencyID="EUR">0.30</ram:GrandTotalAmount>
      </ram:SpecifiedTradeSettlementMonetarySummation>
    </ram:ApplicableSupplyChainTradeSettlement>
  </rsm:SpecifiedSupplyChainTradeTransaction>
</rsm:CrossIndustryDocument>`;
    const reading = readEInvoiceXml(xml);
    expect(values(reading.fields)).toMatchObject({ invoiceNumber: 'R-1', issueDate: '2013-08-05', purchaseOrderNumber: 'B-9', totalGross: '0.30' });
    // 0.1 + 0.2 = 0.3 exactly in decimal arithmetic: no TOTALS_INCONSISTENT.
    expect(reading.issues).toEqual([]);
  });

  it('leaves out a malformed amount or date and says why', () => {
    const xml = fixture('cii-credit-note.xml').toString('utf8').replace('<ram:TaxTotalAmount currencyID="EUR">23.66', '<ram:TaxTotalAmount currencyID="EUR">23,66').replace('20240312', '20240231');
    const reading = readEInvoiceXml(xml);
    expect(reading.fields.totalTax).toBeUndefined();
    expect(reading.fields.issueDate).toBeUndefined();
    expect(reading.issues.map((issue) => issue.code)).toEqual(expect.arrayContaining(['EINVOICE_INVALID_AMOUNT', 'EINVOICE_INVALID_DATE', 'FIELD_MISSING']));
  });

  it('refuses XML that is no invoice', () => {
    expect(() => readEInvoiceXml('<?xml version="1.0"?><rss version="2.0"><channel/></rss>')).toThrow(expect.objectContaining({ code: 'EINVOICE_UNRECOGNIZED' }));
  });
});
