import { isDomainError } from '@conveyor/kernel';
import { isEInvoiceRoot } from './einvoice-xml.reader';
import type { PdfAttachment } from './pdf-attachments.reader';
import { parseXmlSafely } from './xml-tree';

/** File names the e-invoice standards give the embedded XML (compared case-insensitively). */
const STANDARD_NAMES = ['factur-x.xml', 'zugferd-invoice.xml', 'xrechnung.xml', 'order-x.xml'];

/**
 * Picks the invoice XML among a PDF's embedded files: a standard name first, otherwise the first XML file whose
 * root is a CII or UBL invoice (PDFs may also carry unrelated XML, e.g. logistics data).
 */
export function pickInvoiceAttachment(attachments: readonly PdfAttachment[]): PdfAttachment | undefined {
  const byName = attachments.find((attachment) => STANDARD_NAMES.includes(attachment.filename.toLowerCase()));
  if (byName) return byName;
  return attachments.filter((attachment) => attachment.filename.toLowerCase().endsWith('.xml')).find(isInvoiceXml);
}

function isInvoiceXml(attachment: PdfAttachment): boolean {
  try {
    return isEInvoiceRoot(parseXmlSafely(attachment.content));
  } catch (error) {
    if (isDomainError(error)) return false;
    throw error;
  }
}
