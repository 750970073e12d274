import { loadConfig } from '@conveyor/config';
import { isDomainError } from '@conveyor/kernel';
import { createLogger } from '@conveyor/observability';
import { launchConveyor } from '@conveyor/http-api';
import { closeOnSignals } from '@conveyor/platform';

/** The API process alone: `SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register apps/api/src/main.ts` (docker uses `conveyor api`). */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, component: 'api' });
  const running = await launchConveyor(config, ['api'], logger);
  closeOnSignals(running, logger, config.SHUTDOWN_GRACE_MS);
  logger.info({ url: running.url, docs: `${running.url}/api/docs` }, 'Conveyor API listening');
}

main().catch((error: unknown) => {
  // A DomainError (bad configuration, no admin token in production) is the operator's to fix: its message says how.
  const text = isDomainError(error) ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`conveyor api: ${text}\n`);
  process.exit(1);
});
