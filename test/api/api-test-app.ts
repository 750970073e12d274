import type { INestApplication } from '@nestjs/common';
import type { ConveyorConfig } from '@conveyor/config';
import { createPlatform, type Component, type Platform } from '@conveyor/platform';
import { bootstrapApi } from '@conveyor/http-api';
import { prepareTestEnvironment } from './test-environment';

export interface ApiTestApp {
  app: INestApplication;
  platform: Platform;
  /** For supertest. */
  server: Parameters<typeof import('supertest')>[0];
  close(): Promise<void>;
}

/**
 * The API over a real platform with its own database schema and BullMQ prefix on the test services.
 * `beforeStart` may seed the database before the platform opens it.
 */
export async function startApiTestApp(
  overrides: Record<string, string | undefined> = {},
  components: Component[] = ['api', 'scheduler', 'worker'],
  beforeStart?: (config: ConveyorConfig) => Promise<void>,
): Promise<ApiTestApp> {
  const environment = await prepareTestEnvironment({ SCHEDULER_TICK_MS: '100', ...overrides });
  let platform: Platform | undefined;
  try {
    await beforeStart?.(environment.config);
    platform = await createPlatform(environment.config, { components });
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
