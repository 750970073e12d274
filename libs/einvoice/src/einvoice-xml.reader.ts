import { DomainError } from '@conveyor/kernel';
import { isCiiInvoice, mapCiiInvoice } from './cii-invoice.mapper';
import { buildInvoiceReading, type InvoiceReading } from './invoice-result.builder';
import { isUblInvoice, mapUblInvoice } from './ubl-invoice.mapper';
import { parseXmlSafely, type XmlElement } from './xml-tree';

/** Reads a CII (ZUGFeRD 1.0/2.x, Factur-X, XRechnung CII) or UBL 2.1 (Invoice, CreditNote) document exactly. */
export function readEInvoiceXml(xml: Uint8Array | string): InvoiceReading {
  const root = parseXmlSafely(xml);
  if (isCiiInvoice(root)) return buildInvoiceReading(mapCiiInvoice(root));
  if (isUblInvoice(root)) return buildInvoiceReading(mapUblInvoice(root));
  throw new DomainError('EINVOICE_UNRECOGNIZED', `XML root <${root.name}>${root.namespace ? ` in ${root.namespace}` : ''} is neither a CII nor a UBL invoice`, {
    root: root.name,
    namespace: root.namespace,
  });
}

/** True when the XML is an invoice syntax this library reads (used to pick among several PDF attachments). */
export function isEInvoiceRoot(root: XmlElement): boolean {
  return isCiiInvoice(root) || isUblInvoice(root);
}
