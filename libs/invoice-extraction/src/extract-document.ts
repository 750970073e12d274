import { createHash } from 'node:crypto';
import { readPdfAttachments, type DocumentLayout } from '@conveyor/document-reading';
import { extractionResultSchema, type ExtractionIssue, type ExtractionResult } from '@conveyor/documents';
import { extractEInvoiceDocument, sniffContentType } from '@conveyor/einvoice';
import { DomainError, isDomainError } from '@conveyor/kernel';
import { extractInvoiceFields, type FieldExtraction } from './extract-invoice-fields';
import { applyVendorProfile } from './profiles/apply-vendor-profile';
import { vendorKeysOf, type VendorProfileLookup } from './profiles/vendor-profile';
import { findVendorTemplate, templateAsProfile, type VendorTemplate } from './profiles/vendor-template';

export type LayoutMediaType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/tiff';

export interface ExtractDocumentDeps {
  /** Reads a PDF without invoice XML, or an image, into words with boxes (document-reading's readDocument). */
  readonly readLayout?: (bytes: Uint8Array, mediaType: LayoutMediaType) => Promise<DocumentLayout>;
  /** Finds what accountants' confirmations taught about a vendor. */
  readonly profiles?: VendorProfileLookup;
  /** Hand-written templates for vendors the generic rules get wrong. */
  readonly templates?: readonly VendorTemplate[];
  readonly lowConfidenceThreshold?: number;
}

const MEDIA_TYPES = { pdf: 'application/pdf', png: 'image/png', jpeg: 'image/jpeg', tiff: 'image/tiff' } as const;

/**
 * Reads one document into an ExtractionResult. E-invoices (PDF with CII/UBL XML, XML files) exactly from their
 * XML; other PDFs and images from their page layout, template-free, then corrected by the vendor's template or
 * learned profile when there is one. The type comes from the content, never the name.
 */
export async function extractDocument(bytes: Uint8Array, file: string, deps: ExtractDocumentDeps = {}): Promise<ExtractionResult> {
  const type = sniffContentType(bytes);
  if (type === 'empty' || type === 'xml' || type === 'unknown') return extractEInvoiceDocument(bytes, file);
  if (type === 'pdf' && (await mayCarryInvoiceXml(bytes))) {
    try {
      return await extractEInvoiceDocument(bytes, file);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'UNSUPPORTED_YET') throw error;
    }
  }
  if (!deps.readLayout) throw new DomainError('UNSUPPORTED_YET', `${file} needs reading from its pages, and no page reader was given`);
  const layout = await deps.readLayout(bytes, MEDIA_TYPES[type]);
  const extraction = await extractWithVendorKnowledge(layout, deps);
  const issues: ExtractionIssue[] = [...readingIssues(layout), ...extraction.issues];
  if (!extraction.fields.invoiceNumber && !extraction.fields.totalGross && !extraction.fields.issueDate) {
    issues.push({ code: 'NOT_AN_INVOICE', severity: 'error', message: `${file}: no invoice number, date or total was found; it may not be an invoice`, fields: [] });
  }
  const result: ExtractionResult = {
    file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    kind: layout.kind,
    pages: layout.pages.length,
    fields: extraction.fields,
    lineItems: extraction.lineItems,
    issues,
  };
  const parsed = extractionResultSchema.safeParse(result);
  if (!parsed.success) throw new DomainError('EXTRACTION_RESULT_INVALID', `internal error: the extraction result does not match its schema: ${parsed.error.message}`);
  return result;
}

/**
 * First a template-free pass; its vendor keys (VAT id, IBAN, name) find a template or profile, whose known
 * separators and date order then drive a second pass, and whose field hints correct the result.
 */
async function extractWithVendorKnowledge(layout: DocumentLayout, deps: ExtractDocumentDeps): Promise<FieldExtraction> {
  const options = { lowConfidenceThreshold: deps.lowConfidenceThreshold };
  const first = extractInvoiceFields(layout, options);
  const keys = vendorKeysOf(first.fields);
  const template = deps.templates ? findVendorTemplate(deps.templates, keys) : undefined;
  const profile = template ? templateAsProfile(template) : await deps.profiles?.find(keys);
  if (!profile) return first;
  const known = { decimalSeparator: profile.decimalSeparator, dateOrder: profile.dateOrder };
  const second = known.decimalSeparator || known.dateOrder ? extractInvoiceFields(layout, { ...options, known }) : first;
  return applyVendorProfile(profile, layout, second, options);
}

/**
 * Listing a PDF's embedded files costs a few milliseconds, reading it as an e-invoice (with its text, for the
 * printed-totals cross-check) a hundred or more: only PDFs with an XML attachment take that path. A PDF the
 * listing cannot open takes it too, so unreadable files fail exactly as the e-invoice reader says.
 */
async function mayCarryInvoiceXml(bytes: Uint8Array): Promise<boolean> {
  try {
    const { attachments } = await readPdfAttachments(bytes, { withText: false });
    return attachments.some((attachment) => /\.xml$/i.test(attachment.filename));
  } catch {
    return true;
  }
}

function readingIssues(layout: DocumentLayout): ExtractionIssue[] {
  return (layout.issues ?? []).map((issue) => ({ code: issue.code, severity: 'warning' as const, message: issue.message, fields: [] }));
}
