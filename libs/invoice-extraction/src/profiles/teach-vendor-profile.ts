import { sniffContentType } from '@conveyor/einvoice';
import { extractEInvoiceDocument } from '@conveyor/einvoice';
import { isDomainError } from '@conveyor/kernel';
import type { InvoiceFieldName } from '@conveyor/documents';
import type { DocumentLayout } from '@conveyor/document-reading';
import type { LayoutMediaType } from '../extract-document';
import { extractInvoiceFields } from '../extract-invoice-fields';
import { learnFromConfirmation } from './learn-from-confirmation';
import { vendorKeysOf, vendorProfileSchema, type VendorKeys, type VendorProfile } from './vendor-profile';

/** Where profiles are kept: read the vendor's, let `learn` change it, store it, as one step per vendor. */
export interface VendorProfileStore {
  update(keys: VendorKeys, learn: (current: unknown | undefined) => VendorProfile | undefined, at: Date): Promise<VendorProfile | undefined>;
}

export interface VendorProfileTeaching {
  bytes: Uint8Array;
  /** The values a person confirmed (after their corrections). */
  confirmedValues: Partial<Record<InvoiceFieldName, string | null>>;
  confirmedBy: string;
  at: Date;
}

const MEDIA_TYPES = { pdf: 'application/pdf', png: 'image/png', jpeg: 'image/jpeg', tiff: 'image/tiff' } as const;

/**
 * Teaches a vendor's profile from one invoice a person confirmed: the page is read again, the generic extractor
 * shows what it would read, and learnFromConfirmation records what the confirmation adds. E-invoices teach
 * nothing (their XML is exact), nor do files that are not pages. Returns the stored profile, or undefined.
 */
export async function teachVendorProfile(
  teaching: VendorProfileTeaching,
  deps: { readLayout: (bytes: Uint8Array, mediaType: LayoutMediaType) => Promise<DocumentLayout>; store: VendorProfileStore },
): Promise<VendorProfile | undefined> {
  const type = sniffContentType(teaching.bytes);
  if (type !== 'pdf' && type !== 'png' && type !== 'jpeg' && type !== 'tiff') return undefined;
  if (type === 'pdf') {
    try {
      await extractEInvoiceDocument(teaching.bytes, 'confirmed.pdf');
      return undefined;
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'UNSUPPORTED_YET') return undefined;
    }
  }
  const layout = await deps.readLayout(teaching.bytes, MEDIA_TYPES[type]);
  const generic = extractInvoiceFields(layout);
  const confirmedFields: Partial<Record<InvoiceFieldName, string>> = {};
  for (const [field, value] of Object.entries(teaching.confirmedValues) as [InvoiceFieldName, string | null][]) if (value) confirmedFields[field] = value;
  const keys = vendorKeysOf({ ...Object.fromEntries(Object.entries(generic.fields).map(([name, field]) => [name, field?.value ?? null])), ...confirmedFields });
  return deps.store.update(keys, (current) => {
    const parsed = current === undefined ? undefined : vendorProfileSchema.safeParse(current);
    // A stored profile that no longer fits the schema is relearned from this confirmation rather than trusted.
    const profile = parsed?.success ? parsed.data : undefined;
    return learnFromConfirmation(profile, layout, generic, { confirmedBy: teaching.confirmedBy, fields: confirmedFields });
  }, teaching.at);
}
