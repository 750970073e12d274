import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as NestPinoLogger } from 'nestjs-pino';
import type { Platform } from '@conveyor/platform';
import { AdminTokenAuthenticator } from './access/admin-token.authenticator';
import { mountQueueDashboard } from './admin/queue-dashboard';
import { ApiModule } from './api.module';
import { bodyParserErrors } from './errors/body-parser-errors';
import { mountApiDocs } from './openapi/swagger.setup';
import { mountPortal } from './portal/serve-portal';
import { YAML_MEDIA_TYPES } from './workflows/workflow-yaml-body';

/** Workflow YAML and webhook payloads; larger bodies are refused with 413. */
const BODY_LIMIT = '1mb';
/** CSV imports of master data (purchase orders with many lines). */
const CSV_BODY_LIMIT = '20mb';
const CSV_MEDIA_TYPES = ['text/csv', 'application/csv'];

/**
 * Builds the HTTP API over an existing Platform (initialised, not listening). The caller listens and,
 * on shutdown, closes the app before the platform. Throws ADMIN_TOKEN_REQUIRED in production without a token.
 */
export async function bootstrapApi(platform: Platform): Promise<INestApplication> {
  const authenticator = AdminTokenAuthenticator.fromConfig(platform.config);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forPlatform(platform, authenticator), {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  app.useLogger(app.get(NestPinoLogger));
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('text', { type: YAML_MEDIA_TYPES, limit: BODY_LIMIT });
  app.useBodyParser('text', { type: CSV_MEDIA_TYPES, limit: CSV_BODY_LIMIT });
  app.use(bodyParserErrors);
  app.disable('x-powered-by');
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  if (authenticator.mode === 'open') {
    platform.logger.warn(
      'CONVEYOR_ADMIN_TOKEN is not set: until the first user exists the API is open to anyone who can reach it (allowed outside production only)',
    );
  }
  mountQueueDashboard(app, platform.queues, authenticator);
  mountApiDocs(app);
  mountPortal(app);
  await app.init();
  return app;
}
