import type { DocumentLayout } from '@conveyor/document-reading';
import type { ExtractedField, InvoiceFieldName, InvoiceFields } from '@conveyor/documents';
import { finishIssues, type FieldExtraction } from '../extract-invoice-fields';
import { buildDocumentText, unionBox } from '../layout/text-lines';
import { findPrintedLabel, readValueAt, startTokenNear } from './printed-values';
import type { VendorProfile } from './vendor-profile';
import { matchesWildcard } from './wildcard-pattern';

/**
 * Reads each field the profile has a hint for at its learned place: the learned label, then the value in the
 * learned direction nearest the learned offset. A value found there replaces the generic one when the field was
 * corrected before, or when the generic reading was missing or unsure (source 'vendor-profile'); when both
 * agree the field's confidence rises. Issues are re-checked on the corrected fields.
 */
export function applyVendorProfile(
  profile: VendorProfile,
  layout: DocumentLayout,
  extraction: FieldExtraction,
  options: { lowConfidenceThreshold?: number } = {},
): FieldExtraction {
  const text = buildDocumentText(layout);
  const fields: InvoiceFields = { ...extraction.fields };
  const replaced = new Set<InvoiceFieldName>();
  for (const [field, hint] of Object.entries(profile.fields) as [InvoiceFieldName, NonNullable<VendorProfile['fields'][InvoiceFieldName]>][]) {
    const readings = findPrintedLabel(text, hint.label)
      .map((label) => {
        const start = startTokenNear(text, label, hint.direction, hint.offset);
        if (!start) return undefined;
        const rest = text.lines[start.line].tokens.slice(start.index);
        const read = readValueAt(field, rest, extraction.locale.decimalSeparator, profile.dateOrder ?? extraction.locale.dateOrder);
        return read && (!hint.pattern || matchesWildcard(hint.pattern, read.value)) ? read : undefined;
      })
      .filter((read) => read !== undefined);
    const read = readings[0];
    if (!read) continue;
    const current = fields[field];
    if (current?.value === read.value) {
      fields[field] = { ...current, confidence: Math.max(current.confidence, 0.95) };
      continue;
    }
    if (!hint.corrected && current?.value && current.confidence >= (options.lowConfidenceThreshold ?? 0.7)) continue;
    const first = read.tokens[0];
    const field_: ExtractedField = { value: read.value, confidence: readings.length === 1 ? 0.9 : 0.8, source: 'vendor-profile', page: first.page, bbox: unionBox(read.tokens.map((token) => token.bbox)) };
    (fields as Record<InvoiceFieldName, ExtractedField>)[field] = field_;
    replaced.add(field);
  }
  const readingIssues = extraction.readingIssues.filter((issue) => !issue.fields.some((name) => replaced.has(name)));
  const issues = finishIssues(fields, extraction.lineItems, readingIssues, extraction.checkContext, options.lowConfidenceThreshold);
  return { ...extraction, fields, issues, readingIssues };
}
