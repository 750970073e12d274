import { z } from 'zod';
import { INVOICE_FIELD_NAMES, type InvoiceFieldName, type InvoiceFields } from '@conveyor/documents';
import { foldText } from '../layout/fold-text';
import { compactId } from '../values/identifier-reading';

/** How a vendor's document shows one field: the words printed before (or above) it and where the value sits. */
export const fieldHintSchema = z.strictObject({
  /** Label key (folded, no punctuation) of the words printed just before or above the value. */
  label: z.string().min(1).max(80),
  /** The label as printed, for people reading the profile. */
  labelText: z.string().max(120),
  direction: z.enum(['right', 'below']),
  /** Value box origin minus label box origin, page fractions. */
  offset: z.strictObject({ dx: z.number(), dy: z.number() }),
  /** The generic extractor had this field wrong or missing when the person confirmed it. */
  corrected: z.boolean(),
  /** Optional safe wildcard pattern the value must match (templates only; see wildcard-pattern). */
  pattern: z.string().max(64).optional(),
});
export type FieldHint = z.infer<typeof fieldHintSchema>;

export const vendorProfileSchema = z.strictObject({
  version: z.literal(1),
  /** Normalised keys the vendor is recognised by. */
  vendor: z.strictObject({ vatIds: z.array(z.string()), ibans: z.array(z.string()), names: z.array(z.string()) }),
  decimalSeparator: z.enum(['.', ',']).optional(),
  dateOrder: z.enum(['dmy', 'mdy']).optional(),
  fields: z.partialRecord(z.enum(INVOICE_FIELD_NAMES), fieldHintSchema),
  /** How many confirmed documents taught it. */
  confirmations: z.number().int().min(0),
});
export type VendorProfile = z.infer<typeof vendorProfileSchema>;

/** What identifies a vendor across its invoices. */
export interface VendorKeys {
  readonly vatId?: string;
  readonly iban?: string;
  readonly name?: string;
}

/** Persistence is elsewhere: the extractor asks this port for a vendor's profile. */
export interface VendorProfileLookup {
  find(keys: VendorKeys): Promise<VendorProfile | undefined>;
}

export function vendorKeysOf(fields: InvoiceFields | Partial<Record<InvoiceFieldName, string | null | undefined>>): VendorKeys {
  const valueOf = (name: InvoiceFieldName): string | undefined => {
    const field = (fields as Record<string, unknown>)[name];
    if (typeof field === 'string') return field;
    if (field && typeof field === 'object' && 'value' in field && typeof field.value === 'string') return field.value;
    return undefined;
  };
  const vatId = valueOf('vendorVatId');
  const iban = valueOf('iban');
  const name = valueOf('vendorName');
  return { vatId: vatId ? compactId(vatId) : undefined, iban: iban ? compactId(iban) : undefined, name: name ? normaliseVendorName(name) : undefined };
}

/** "Coolblue B.V." and "COOLBLUE BV" are one vendor: folded letters and digits, legal-form dots dropped. */
export function normaliseVendorName(name: string): string {
  return foldText(name).replace(/&/g, ' and ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** VAT id first (unique per vendor), then IBAN, then the name. */
export function profileMatches(profile: Pick<VendorProfile, 'vendor'>, keys: VendorKeys): boolean {
  if (keys.vatId && profile.vendor.vatIds.includes(keys.vatId)) return true;
  if (keys.iban && profile.vendor.ibans.includes(keys.iban)) return true;
  return Boolean(keys.name && profile.vendor.names.includes(keys.name));
}

/** A lookup over profiles held in memory (tests, the CLI with a profiles file). */
export function inMemoryVendorProfiles(profiles: readonly VendorProfile[]): VendorProfileLookup {
  return { find: async (keys) => profiles.find((profile) => profileMatches(profile, keys)) };
}
