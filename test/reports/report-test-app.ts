import { bootstrapApi } from '@conveyor/http-api';
import { createPlatform, type Component, type Platform } from '@conveyor/platform';
import { insertOpenItems, openDatabase } from '@conveyor/persistence';
import type { OpenItemRecord } from '@conveyor/reporting';
import type { ApiTestApp } from '../api/api-test-app';
import { prepareTestEnvironment } from '../api/test-environment';

/**
 * The API over a real platform whose database already holds an open-items ledger: the ledger is written
 * through a connection of its own before the platform starts (PGlite admits one opener at a time).
 */
export async function startReportTestApp(ledger: readonly OpenItemRecord[], overrides: Record<string, string | undefined>, components: Component[]): Promise<ApiTestApp> {
  const environment = await prepareTestEnvironment({ SCHEDULER_TICK_MS: '100', ...overrides });
  let platform: Platform | undefined;
  try {
    const seeding = await openDatabase(environment.config);
    try {
      await insertOpenItems(seeding.dataSource, ledger, new Date());
    } finally {
      await seeding.close();
    }
    platform = await createPlatform(environment.config, { components });
    const app = await bootstrapApi(platform);
    const started = platform;
    return {
      app, platform: started, server: app.getHttpServer(),
      async close() {
        try {
          await app.close();
          await started.close();
        } finally {
          await environment.cleanup();
        }
      },
    };
  } catch (error) {
    await platform?.close();
    await environment.cleanup();
    throw error;
  }
}
