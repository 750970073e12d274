import { insertOpenItems, openDatabase } from '@conveyor/persistence';
import type { Component } from '@conveyor/platform';
import type { OpenItemRecord } from '@conveyor/reporting';
import { startApiTestApp, type ApiTestApp } from '../api/api-test-app';

/**
 * The API over a real platform whose database already holds an open-items ledger: the ledger is written
 * through a connection of its own before the platform starts (PGlite admits one opener at a time).
 */
export function startReportTestApp(ledger: readonly OpenItemRecord[], overrides: Record<string, string | undefined>, components: Component[]): Promise<ApiTestApp> {
  return startApiTestApp(overrides, components, async (config) => {
    const seeding = await openDatabase(config);
    try {
      await insertOpenItems(seeding.dataSource, ledger, new Date());
    } finally {
      await seeding.close();
    }
  });
}
