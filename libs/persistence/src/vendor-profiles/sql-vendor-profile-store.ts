import type { DataSource } from 'typeorm';
import type { Sql } from '../repositories/sql';
import { inTransaction, plainSql } from '../repositories/transaction-runner';

/** The keys a stored profile is found by (the profile's own `vendor` block, normalised by the extractor). */
export interface StoredVendorKeys {
  vatIds: string[];
  ibans: string[];
  names: string[];
}

interface ProfileRow { vendor_key: string; profile: unknown }

/**
 * Vendor extraction profiles as JSON documents (the extractor owns their shape and validates them on the way
 * out). One row per vendor; a profile is found by any of its VAT ids, IBANs or names, the strongest key first.
 * Profiles are opaque here on purpose: persistence stores what the domain learned, it does not interpret it.
 */
export class SqlVendorProfileStore {
  private readonly sql: Sql;

  constructor(private readonly dataSource: DataSource) {
    this.sql = plainSql(dataSource);
  }

  async find(keys: { vatId?: string; iban?: string; name?: string }): Promise<{ vendorKey: string; profile: unknown } | undefined> {
    const rows = (await this.sql(
      `SELECT vendor_key, profile,
              CASE WHEN $1::text IS NOT NULL AND profile->'vendor'->'vatIds' @> to_jsonb(ARRAY[$1::text]) THEN 0
                   WHEN $2::text IS NOT NULL AND profile->'vendor'->'ibans' @> to_jsonb(ARRAY[$2::text]) THEN 1 ELSE 2 END AS rank
         FROM vendor_profiles
        WHERE ($1::text IS NOT NULL AND profile->'vendor'->'vatIds' @> to_jsonb(ARRAY[$1::text]))
           OR ($2::text IS NOT NULL AND profile->'vendor'->'ibans' @> to_jsonb(ARRAY[$2::text]))
           OR ($3::text IS NOT NULL AND profile->'vendor'->'names' @> to_jsonb(ARRAY[$3::text]))
        ORDER BY rank, updated_at DESC LIMIT 1`,
      [keys.vatId ?? null, keys.iban ?? null, keys.name ?? null],
    )) as ProfileRow[];
    return rows[0] && { vendorKey: rows[0].vendor_key, profile: rows[0].profile };
  }

  /**
   * Reads the vendor's profile, lets `learn` change it and stores the result, holding a lock on the vendor so two
   * confirmations at once both count.
   */
  async update<P extends { vendor: StoredVendorKeys; confirmations: number }>(
    keys: { vatId?: string; iban?: string; name?: string },
    learn: (current: unknown | undefined) => P | undefined,
    at: Date,
  ): Promise<P | undefined> {
    const lockKey = keys.vatId ? `vat:${keys.vatId}` : keys.iban ? `iban:${keys.iban}` : keys.name ? `name:${keys.name}` : undefined;
    if (!lockKey) return undefined;
    return inTransaction(this.dataSource, async (sql) => {
      await sql(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`vendor-profile:${lockKey}`]);
      const existing = (await sql(
        `SELECT vendor_key, profile FROM vendor_profiles
          WHERE ($1::text IS NOT NULL AND profile->'vendor'->'vatIds' @> to_jsonb(ARRAY[$1::text]))
             OR ($2::text IS NOT NULL AND profile->'vendor'->'ibans' @> to_jsonb(ARRAY[$2::text]))
             OR ($3::text IS NOT NULL AND profile->'vendor'->'names' @> to_jsonb(ARRAY[$3::text]))
          ORDER BY updated_at DESC LIMIT 1 FOR UPDATE`,
        [keys.vatId ?? null, keys.iban ?? null, keys.name ?? null],
      )) as ProfileRow[];
      const learned = learn(existing[0]?.profile);
      if (!learned) return undefined;
      await sql(
        `INSERT INTO vendor_profiles (vendor_key, profile, confirmations, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (vendor_key) DO UPDATE SET profile = EXCLUDED.profile, confirmations = EXCLUDED.confirmations, updated_at = EXCLUDED.updated_at`,
        [existing[0]?.vendor_key ?? lockKey, JSON.stringify(learned), learned.confirmations, at],
      );
      return learned;
    });
  }
}
