import { loadConfig } from '@conveyor/config';
import { isDomainError } from '@conveyor/kernel';
import { createLogger } from '@conveyor/observability';
import { closeOnSignals, createPlatform } from '@conveyor/platform';

/**
 * The scheduler process alone (docker and scaled deployments use `conveyor scheduler`, which does the same).
 * Fires cron triggers, wakes timers, times out steps of vanished workers, re-sends undelivered jobs. Safe to run more than once.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, component: 'scheduler' });
  const platform = await createPlatform(config, { components: ['scheduler'], logger });
  closeOnSignals(platform, logger, config.SHUTDOWN_GRACE_MS);
  logger.info('Conveyor scheduler running');
}

main().catch((error: unknown) => {
  const text = isDomainError(error) ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`conveyor scheduler: ${text}\n`);
  process.exit(1);
});
