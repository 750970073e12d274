import type { DocumentLayout } from '@conveyor/document-reading';
import type { InvoiceFieldName, InvoiceFields } from '@conveyor/documents';
import { buildDocumentText, type DocumentText } from '../layout/text-lines';
import type { DecimalSeparator } from '../values/amount-reading';
import type { DateOrder } from '../values/date-reading';
import { findPrintedValue, kindOf, labelBefore, type PrintedOccurrence } from './printed-values';
import { vendorKeysOf, type FieldHint, type VendorProfile } from './vendor-profile';

/** What a person confirmed: the field values as they stand after review, and who confirmed them. */
export interface ConfirmedInvoice {
  /** The person who confirmed (user id); a document nobody confirmed teaches nothing. */
  readonly confirmedBy: string;
  readonly fields: Partial<Record<InvoiceFieldName, string>>;
}

/**
 * Learns from one confirmed document of a vendor: for each confirmed value found on the page, the words that
 * introduce it and where it sits relative to them (so the next invoice is read there even when the whole
 * layout has moved), the day/month order a confirmed numeric date proves, and the decimal separator a
 * confirmed amount proves. Fields the extractor had wrong or missing are marked corrected: their hints win
 * over the generic reading next time. Without a confirmation (no person), the profile is returned unchanged.
 */
export function learnFromConfirmation(
  profile: VendorProfile | undefined,
  layout: DocumentLayout,
  extracted: { readonly fields: InvoiceFields },
  confirmed: ConfirmedInvoice | undefined,
): VendorProfile | undefined {
  if (!confirmed || (confirmed.confirmedBy ?? '').trim() === '') return profile;
  const text = buildDocumentText(layout);
  const learned: VendorProfile = profile
    ? structuredClone(profile)
    : { version: 1, vendor: { vatIds: [], ibans: [], names: [] }, fields: {}, confirmations: 0 };
  learned.confirmations += 1;
  const keys = vendorKeysOf({ ...valuesOf(extracted.fields), ...confirmed.fields });
  if (keys.vatId && !learned.vendor.vatIds.includes(keys.vatId)) learned.vendor.vatIds.push(keys.vatId);
  if (keys.iban && !learned.vendor.ibans.includes(keys.iban)) learned.vendor.ibans.push(keys.iban);
  if (keys.name && !learned.vendor.names.includes(keys.name)) learned.vendor.names.push(keys.name);

  for (const [field, value] of Object.entries(confirmed.fields) as [InvoiceFieldName, string][]) {
    if (!value) continue;
    const near = extracted.fields[field]?.bbox ?? undefined;
    const occurrence = pickOccurrence(text, findPrintedValue(text, field, value), near);
    if (!occurrence) continue;
    if (occurrence.dateOrder) learned.dateOrder = occurrence.dateOrder as DateOrder;
    if (occurrence.decimalSeparator && kindOf(field) === 'amount') learned.decimalSeparator = occurrence.decimalSeparator as DecimalSeparator;
    const label = labelBefore(text, occurrence.tokens);
    if (!label || label.key === '') continue;
    const corrected = extracted.fields[field]?.value !== value;
    const hint: FieldHint = {
      label: label.key,
      labelText: label.text,
      direction: label.direction,
      offset: { dx: occurrence.tokens[0].bbox.x - label.bbox.x, dy: occurrence.tokens[0].bbox.y - label.bbox.y },
      corrected: corrected || Boolean(learned.fields[field]?.corrected),
    };
    learned.fields[field] = hint;
  }
  return learned;
}

function valuesOf(fields: InvoiceFields): Partial<Record<InvoiceFieldName, string>> {
  const values: Partial<Record<InvoiceFieldName, string>> = {};
  for (const [name, field] of Object.entries(fields) as [InvoiceFieldName, InvoiceFields[InvoiceFieldName]][]) if (field?.value) values[name] = field.value;
  return values;
}

/** Where the value is printed more than once, the one that has a label, nearest to where the extractor looked. */
function pickOccurrence(text: DocumentText, found: PrintedOccurrence[], near: { x: number; y: number } | undefined): PrintedOccurrence | undefined {
  const labelled = found.filter((occurrence) => labelBefore(text, occurrence.tokens));
  const pool = labelled.length > 0 ? labelled : found;
  if (!near) return pool[0];
  const distance = (occurrence: PrintedOccurrence) => Math.abs(occurrence.tokens[0].bbox.x - near.x) + Math.abs(occurrence.tokens[0].bbox.y - near.y);
  return [...pool].sort((a, b) => distance(a) - distance(b))[0];
}
