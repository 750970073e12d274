import { loadConfig } from '@conveyor/config';
import { isDomainError } from '@conveyor/kernel';
import { createLogger } from '@conveyor/observability';
import { closeOnSignals, createPlatform } from '@conveyor/platform';

/**
 * The worker process alone (docker and scaled deployments use `conveyor worker`, which does the same).
 * Executes step jobs from the queue; run as many as needed, on as many machines as needed.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, component: 'worker' });
  const platform = await createPlatform(config, { components: ['worker'], logger });
  closeOnSignals(platform, logger, config.SHUTDOWN_GRACE_MS);
  logger.info('Conveyor worker running');
}

main().catch((error: unknown) => {
  const text = isDomainError(error) ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`conveyor worker: ${text}\n`);
  process.exit(1);
});
