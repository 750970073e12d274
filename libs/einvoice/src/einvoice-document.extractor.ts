import { createHash } from 'node:crypto';
import { extractionResultSchema, type ExtractionResult } from '@conveyor/documents';
import { DomainError, isDomainError } from '@conveyor/kernel';
import { readEInvoiceXml } from './einvoice-xml.reader';
import { sniffContentType } from './content-type.sniffer';
import { pickInvoiceAttachment } from './invoice-attachment.picker';
import { readPdfContents } from './pdf-attachments.reader';
import { crossCheckPrintedTotals } from './printed-totals.cross-check';

/**
 * Reads an e-invoice from its bytes: a PDF/A-3 with embedded CII/UBL XML (Factur-X, ZUGFeRD, XRechnung) or
 * the XML itself. The type comes from the content, never the name. Anything else is refused with a code:
 * UNSUPPORTED_YET for PDFs without invoice XML and images (text-layer and OCR reading come later).
 */
export async function extractEInvoiceDocument(bytes: Uint8Array, file: string): Promise<ExtractionResult> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const type = sniffContentType(bytes);
  switch (type) {
    case 'empty':
      throw new DomainError('FILE_EMPTY', `${file} is empty`);
    case 'xml': {
      const reading = readEInvoiceXml(bytes);
      return checked({ file, sha256, kind: 'xml', pages: 0, ...reading });
    }
    case 'pdf': {
      const pdf = await readPdfContents(bytes, { withText: true });
      const attachment = pickInvoiceAttachment(pdf.attachments);
      if (!attachment) {
        throw new DomainError('UNSUPPORTED_YET', `${file} is a PDF without embedded invoice XML; reading invoices from the text layer or by OCR is not built yet`, {
          attachments: pdf.attachments.map((candidate) => candidate.filename),
        });
      }
      const reading = readEmbeddedXml(attachment.content, attachment.filename);
      const issues = [...reading.issues, ...crossCheckPrintedTotals(reading.fields, pdf.pageTexts)];
      return checked({ file, sha256, kind: 'einvoice', pages: pdf.pages, ...reading, issues });
    }
    case 'png':
    case 'jpeg':
    case 'tiff':
      throw new DomainError('UNSUPPORTED_YET', `${file} is a ${type.toUpperCase()} image; reading invoices by OCR is not built yet`);
    default:
      throw new DomainError('UNSUPPORTED_FORMAT', `${file} is neither a PDF, an image nor XML`);
  }
}

function readEmbeddedXml(content: Uint8Array, filename: string): ReturnType<typeof readEInvoiceXml> {
  try {
    return readEInvoiceXml(content);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    throw new DomainError(error.code, `embedded ${filename}: ${error.message}`, { ...error.details, attachment: filename });
  }
}

/** The result must satisfy its published schema; a violation is our bug, reported as such rather than printed. */
function checked(result: ExtractionResult): ExtractionResult {
  const parsed = extractionResultSchema.safeParse(result);
  if (!parsed.success) {
    throw new DomainError('EXTRACTION_RESULT_INVALID', `internal error: the extraction result does not match its schema: ${parsed.error.message}`);
  }
  return result;
}
