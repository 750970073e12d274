import { loadConfig } from '@conveyor/config';
import { createLogger } from '@conveyor/observability';
import { closeOnSignals, launchConveyor } from './launch';

/** The API process (docker's `api` service): `node -r @swc-node/register apps/api/src/main.ts`. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, component: 'api' });
  const running = await launchConveyor(config, ['api'], logger);
  closeOnSignals(running, logger, config.SHUTDOWN_GRACE_MS);
  logger.info({ url: running.url, docs: `${running.url}/api/docs` }, 'Conveyor API listening');
}

main().catch((error: unknown) => {
  process.stderr.write(`conveyor api: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
