import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { ConveyorConfig } from '@conveyor/config';
import { openDatabase, pgliteDataDir, type Database } from '@conveyor/persistence';
import { copyPgliteTemplate } from './pglite-template';
import { testPostgresUrl } from './service-probes';
import { testConfig, uniqueSchemaName } from './test-config';

export type TestDatabaseKind = 'postgres' | 'embedded';

/** Both kinds, for `describe.each(DATABASE_KINDS)`: every database test runs on both. */
export const DATABASE_KINDS: readonly TestDatabaseKind[] = ['postgres', 'embedded'];

export interface TestDatabase {
  config: ConveyorConfig;
  database: Database;
  /** Closes the database and deletes everything it stored. Safe to call twice. */
  drop(): Promise<void>;
}

/**
 * A migrated database of its own for one test file. postgres: a new schema in the test PostgreSQL
 * (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test), dropped afterwards.
 * embedded: PGlite in a new temporary data directory, deleted afterwards. Open one per test file
 * (beforeAll), not per test: starting PGlite takes a while.
 */
export async function createTestDatabase(
  kind: TestDatabaseKind,
  overrides: Record<string, string | undefined> = {},
): Promise<TestDatabase> {
  return kind === 'postgres' ? createPostgresSchema(overrides) : createEmbedded(overrides);
}

async function createPostgresSchema(overrides: Record<string, string | undefined>): Promise<TestDatabase> {
  const schema = uniqueSchemaName();
  const url = testPostgresUrl();
  const config = testConfig({ DATABASE_URL: url, DATABASE_SCHEMA: schema, DATABASE_POOL_SIZE: '4', ...overrides });
  const database = await openDatabase(config);
  return {
    config,
    database,
    drop: once(async () => {
      await database.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    }),
  };
}

async function createEmbedded(overrides: Record<string, string | undefined>): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'conveyor-test-'));
  try {
    await copyPgliteTemplate(pgliteDataDir(dataDir));
    const config = testConfig({ DATABASE_URL: undefined, CONVEYOR_DATA_DIR: dataDir, ...overrides });
    const database = await openDatabase(config);
    return {
      config,
      database,
      drop: once(async () => {
        try {
          await database.close();
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
        }
      }),
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let result: Promise<void> | undefined;
  return () => (result ??= fn());
}
