import pino from 'pino';

export type Logger = pino.Logger;

export interface LoggerOptions {
  level: string;
  /** Component name carried on every line ("api", "worker", "scheduler", "cli"). */
  component?: string;
}

/**
 * The one logger: structured JSON lines on stdout (pino). Step and run ids are added with
 * `logger.child({ runId, stepId, attempt })` so every line of a step can be found by its run.
 */
export function createLogger(options: LoggerOptions, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: options.level,
      base: { component: options.component ?? 'conveyor', pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'], remove: true },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
