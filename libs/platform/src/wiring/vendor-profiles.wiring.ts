import type { VendorProfileTeacher } from '@conveyor/documents';
import { teachVendorProfile, vendorProfileSchema, type PageReader, type VendorProfile, type VendorProfileLookup } from '@conveyor/invoice-extraction';
import type { DocumentBytesReader } from '@conveyor/invoice-extraction';
import { SqlVendorProfileStore } from '@conveyor/persistence';
import type { WiringDeps } from './wiring-deps';

/**
 * Vendor profiles (issue 4): the extractor looks them up by VAT id, IBAN or name; a person's confirmation of an
 * invoice (the `confirm-invoice` step) teaches them. Stored as JSON, validated on the way out.
 */
export function wireVendorProfiles(deps: WiringDeps, documents: DocumentBytesReader, pages: PageReader): { profiles: VendorProfileLookup; teacher: VendorProfileTeacher } {
  const store = new SqlVendorProfileStore(deps.database.dataSource);
  const profiles: VendorProfileLookup = {
    async find(keys) {
      const stored = await store.find(keys);
      if (!stored) return undefined;
      const parsed = vendorProfileSchema.safeParse(stored.profile);
      if (parsed.success) return parsed.data;
      deps.logger.warn({ vendorKey: stored.vendorKey, problems: parsed.error.issues }, 'vendor profile: the stored profile does not fit the schema; ignored');
      return undefined;
    },
  };
  const teacher: VendorProfileTeacher = {
    async learn(confirmation) {
      const { bytes } = await documents.read(confirmation.documentId);
      const learned = await teachVendorProfile(
        { bytes, confirmedValues: confirmation.values, confirmedBy: confirmation.confirmedBy[0], at: confirmation.confirmedAt },
        { readLayout: pages.read, store: { update: (keys, learn, at) => store.update<VendorProfile>(keys, learn, at) } },
      );
      if (learned) deps.logger.info({ documentId: confirmation.documentId, confirmations: learned.confirmations, fields: Object.keys(learned.fields) }, 'vendor profile learned');
    },
  };
  return { profiles, teacher };
}
