import type { INestApplication } from '@nestjs/common';
import type { ConveyorConfig } from '@conveyor/config';
import type { Logger } from '@conveyor/observability';
import { createPlatform, type Component, type Platform } from '@conveyor/platform';
import { AdminTokenAuthenticator } from './access/admin-token.authenticator';
import { bootstrapApi } from './bootstrap';

export interface RunningConveyor {
  platform: Platform;
  /** Present when the process runs the 'api' component. */
  app?: INestApplication;
  /** Where the API listens, e.g. http://127.0.0.1:3000. */
  url?: string;
  /** Stops the HTTP server first (no new requests), then the platform. Safe to call twice. */
  close(): Promise<void>;
}

/** One process of Conveyor: the platform with the given components, and the HTTP API when 'api' is one of them. */
export async function launchConveyor(config: ConveyorConfig, components: Component[], logger?: Logger): Promise<RunningConveyor> {
  // Refuse an open production API before touching the database or Redis.
  if (components.includes('api')) AdminTokenAuthenticator.fromConfig(config);
  const platform = await createPlatform(config, { components, logger });
  let app: INestApplication | undefined;
  let url: string | undefined;
  try {
    if (components.includes('api')) {
      app = await bootstrapApi(platform);
      await app.listen(config.PORT, config.HOST);
      url = listeningUrl(app, config.HOST);
    }
  } catch (error) {
    await app?.close().catch(() => undefined);
    await platform.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      try {
        await app?.close();
      } finally {
        await platform.close();
      }
    })();
    return closing;
  };
  return { platform, app, url, close };
}

function listeningUrl(app: INestApplication, host: string): string {
  const address = app.getHttpServer().address() as { port: number } | string | null;
  const port = typeof address === 'object' && address !== null ? address.port : undefined;
  // A wildcard address is not somewhere a browser can go; the loopback address is.
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${shownHost}${port === undefined ? '' : `:${port}`}`;
}
