import { loadConfig } from '@conveyor/config';
import { isDomainError } from '@conveyor/kernel';
import { createLogger } from '@conveyor/observability';
import { closeOnSignals } from './close-on-signals';
import { createPlatform } from './create-platform';
import type { Component } from './platform.types';

/**
 * The main of a process that runs one headless component (worker or scheduler): configuration, logger,
 * platform, graceful shutdown on SIGTERM/SIGINT. A bad configuration ends the process with its message.
 */
export function runComponentProcess(component: Exclude<Component, 'api'>): void {
  const start = async (): Promise<void> => {
    const config = loadConfig();
    const logger = createLogger({ level: config.LOG_LEVEL, component });
    const platform = await createPlatform(config, { components: [component], logger });
    closeOnSignals(platform, logger, config.SHUTDOWN_GRACE_MS);
    logger.info(`Conveyor ${component} running`);
  };
  start().catch((error: unknown) => {
    const text = isDomainError(error) ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`conveyor ${component}: ${text}\n`);
    process.exit(1);
  });
}
