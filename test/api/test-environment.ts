import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConveyorConfig } from '@conveyor/config';
import { createTestDatabase, testConfig, type TestDatabaseKind } from '@conveyor/testing';

export interface TestEnvironment {
  kind: TestDatabaseKind;
  /** Its own PostgreSQL schema (or PGlite directory) and BullMQ prefix; quiet logs. */
  config: ConveyorConfig;
  /** Deletes everything the tests stored. */
  cleanup(): Promise<void>;
}

/**
 * The local PostgreSQL when the suite has one (test/run-all.sh sets CONVEYOR_TEST_DB_KINDS), otherwise
 * the embedded PGlite: the HTTP layer behaves the same on both, so one is enough here.
 */
export async function prepareTestEnvironment(overrides: Record<string, string | undefined> = {}): Promise<TestEnvironment> {
  const kinds = (process.env['CONVEYOR_TEST_DB_KINDS'] ?? 'postgres,embedded').split(',');
  if (kinds.includes('postgres')) {
    const database = await createTestDatabase('postgres', overrides);
    return { kind: 'postgres', config: database.config, cleanup: () => database.drop() };
  }
  // The platform opens (and migrates) the PGlite directory itself: PGlite allows one opener at a time.
  const dataDir = mkdtempSync(join(tmpdir(), 'conveyor-api-test-'));
  const config = testConfig({ DATABASE_URL: undefined, CONVEYOR_DATA_DIR: dataDir, ...overrides });
  return { kind: 'embedded', config, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
}
