import { type Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '@conveyor/config';
import { createLogger } from '@conveyor/observability';
import type { Component } from '@conveyor/platform';
import { out } from '../console-output';
import { describeDataLocation } from '../data-location';
import type { ExitCode } from '../exit-codes';

const COMPONENTS: readonly Component[] = ['api', 'scheduler', 'worker'];

/** What a command returns when the process keeps running (a server) instead of exiting. */
export const KEEP_RUNNING = 'keep-running';

function componentList(value: string): Component[] {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(COMPONENTS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(`a comma-separated list of ${COMPONENTS.join(', ')}${unknown.length ? ` (not: ${unknown.join(', ')})` : ''}`);
  }
  return [...new Set(names)] as Component[];
}

/** `conveyor start` (all components in one process: the standalone mode) and the one-component aliases docker uses. */
export function registerStartCommands(
  program: Command,
  run: (action: () => Promise<ExitCode | typeof KEEP_RUNNING>) => Promise<void>,
): void {
  program
    .command('start')
    .description('run Conveyor: API, scheduler and worker in one process unless --components says otherwise')
    .option('-c, --components <list>', `which components to run (${COMPONENTS.join(',')})`, componentList, [...COMPONENTS])
    .action((options: { components: Component[] }) => run(() => startConveyor(options.components)));
  for (const component of COMPONENTS) {
    program
      .command(component)
      .description(`run only the ${component} (same as start --components ${component})`)
      .action(() => run(() => startConveyor([component])));
  }
}

async function startConveyor(components: Component[]): Promise<typeof KEEP_RUNNING> {
  const config = loadConfig();
  const standalone = components.length === COMPONENTS.length;
  const logger = createLogger({ level: config.LOG_LEVEL, component: standalone ? 'conveyor' : components.join('+') });
  // Loaded here: `conveyor validate` should not pay for Nest and the platform.
  const [{ launchConveyor }, { closeOnSignals }] = await Promise.all([import('@conveyor/http-api'), import('@conveyor/platform')]);
  const running = await launchConveyor(config, components, logger);
  closeOnSignals(running, logger, config.SHUTDOWN_GRACE_MS);
  const where = `data: ${describeDataLocation(config)}`;
  out(
    running.url
      ? `Conveyor (${components.join(', ')}) at ${running.url} | API docs ${running.url}/api/docs | ${where}`
      : `Conveyor (${components.join(', ')}) running | ${where}`,
  );
  return KEEP_RUNNING;
}
