export { SqlVendorProfileStore } from './sql-vendor-profile-store';
export type { StoredVendorKeys } from './sql-vendor-profile-store';
