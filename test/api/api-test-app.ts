import type { INestApplication } from '@nestjs/common';
import { createPlatform, type Component, type Platform } from '@conveyor/platform';
import { createTestDatabase, type TestDatabase } from '@conveyor/testing';
import { bootstrapApi } from '../../apps/api/src/bootstrap';

export interface ApiTestApp {
  app: INestApplication;
  platform: Platform;
  /** For supertest. */
  server: Parameters<typeof import('supertest')>[0];
  close(): Promise<void>;
}

/** The API over a real platform: its own PostgreSQL schema and BullMQ prefix on the test services. */
export async function startApiTestApp(
  overrides: Record<string, string | undefined> = {},
  components: Component[] = ['api', 'scheduler', 'worker'],
): Promise<ApiTestApp> {
  const database: TestDatabase = await createTestDatabase('postgres', { SCHEDULER_TICK_MS: '100', ...overrides });
  let platform: Platform | undefined;
  try {
    platform = await createPlatform(database.config, { components });
    const app = await bootstrapApi(platform);
    const started = platform;
    return {
      app,
      platform: started,
      server: app.getHttpServer(),
      async close() {
        try {
          await app.close();
          await started.close();
        } finally {
          await database.drop();
        }
      },
    };
  } catch (error) {
    await platform?.close();
    await database.drop();
    throw error;
  }
}
