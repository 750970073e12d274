export { extractEInvoiceDocument } from './einvoice-document.extractor';
export { readEInvoiceXml } from './einvoice-xml.reader';
export type { InvoiceReading } from './invoice-result.builder';
export { checkInvoiceConsistency } from './invoice-consistency.checks';
export { crossCheckPrintedTotals, printedAmounts } from './printed-totals.cross-check';
export { parseXmlSafely } from './xml-tree';
export type { XmlElement } from './xml-tree';
export { sniffContentType } from './content-type.sniffer';
export type { SniffedContentType } from './content-type.sniffer';
