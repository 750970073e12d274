import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { INVOICE_FIELD_NAMES } from '@conveyor/documents';
import { DomainError } from '@conveyor/kernel';
import { labelKey } from '../layout/fold-text';
import { compactId } from '../values/identifier-reading';
import { normaliseVendorName, type VendorKeys, type VendorProfile } from './vendor-profile';
import { assertWildcardPattern, WILDCARD_SYNTAX } from './wildcard-pattern';

const anchorSchema = z.strictObject({
  label: z.string().min(1).max(120).describe('The words printed before or above the value'),
  direction: z.enum(['right', 'below']).default('right'),
  pattern: z.string().min(1).max(64).optional().describe(`Value pattern: ${WILDCARD_SYNTAX}`),
});

/**
 * A vendor template (YAML) for a vendor the generic rules get wrong: how to recognise the vendor, how its
 * documents write numbers and dates, and where each field is. Patterns are wildcards, never regular expressions.
 *
 *   vendor: { vatId: DE136695976 }
 *   decimalSeparator: ","
 *   dateOrder: dmy
 *   fields:
 *     invoiceNumber: { label: "Beleg-Nr.", pattern: "RE-####" }
 *     totalGross: { label: "Endsumme", direction: below }
 */
export const vendorTemplateSchema = z.strictObject({
  vendor: z
    .strictObject({ vatId: z.string().min(4).optional(), iban: z.string().min(8).optional(), name: z.string().min(2).optional() })
    .refine((vendor) => Boolean(vendor.vatId || vendor.iban || vendor.name), 'name at least one of vatId, iban, name'),
  decimalSeparator: z.enum(['.', ',']).optional(),
  dateOrder: z.enum(['dmy', 'mdy']).optional(),
  fields: z.partialRecord(z.enum(INVOICE_FIELD_NAMES), anchorSchema).default({}),
});
export type VendorTemplate = z.infer<typeof vendorTemplateSchema>;

/** Parses and checks a template; every problem is listed in one TEMPLATE_INVALID error. */
export function parseVendorTemplate(yamlText: string): VendorTemplate {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText, { maxAliasCount: 10 });
  } catch (error) {
    throw new DomainError('TEMPLATE_INVALID', `the vendor template is not valid YAML: ${(error as Error).message}`);
  }
  const parsed = vendorTemplateSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new DomainError('TEMPLATE_INVALID', `the vendor template is invalid: ${problems.join('; ')}`, { problems });
  }
  for (const anchor of Object.values(parsed.data.fields)) if (anchor?.pattern) assertWildcardPattern(anchor.pattern);
  return parsed.data;
}

export function findVendorTemplate(templates: readonly VendorTemplate[], keys: VendorKeys): VendorTemplate | undefined {
  return templates.find((template) => {
    const vendor = template.vendor;
    if (vendor.vatId && keys.vatId === compactId(vendor.vatId)) return true;
    if (vendor.iban && keys.iban === compactId(vendor.iban)) return true;
    return Boolean(vendor.name && keys.name === normaliseVendorName(vendor.name));
  });
}

/** A template applies through the same machinery as a learned profile; its anchors count as corrections. */
export function templateAsProfile(template: VendorTemplate): VendorProfile {
  const fields: VendorProfile['fields'] = {};
  for (const [name, anchor] of Object.entries(template.fields) as [keyof VendorProfile['fields'], z.infer<typeof anchorSchema>][]) {
    fields[name] = { label: labelKey(anchor.label), labelText: anchor.label, direction: anchor.direction, offset: { dx: 0, dy: 0 }, corrected: true, pattern: anchor.pattern };
  }
  return {
    version: 1,
    vendor: {
      vatIds: template.vendor.vatId ? [compactId(template.vendor.vatId)] : [],
      ibans: template.vendor.iban ? [compactId(template.vendor.iban)] : [],
      names: template.vendor.name ? [normaliseVendorName(template.vendor.name)] : [],
    },
    decimalSeparator: template.decimalSeparator,
    dateOrder: template.dateOrder,
    fields,
    confirmations: 0,
  };
}
