import type { Logger } from '@conveyor/observability';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** Queries slower than this are logged as warnings. */
export const SLOW_QUERY_MS = 1000;

/**
 * Sends TypeORM's messages to the one structured logger. Queries themselves are not logged (too
 * many, and their parameters may carry business data); failed ones go to debug because the caller
 * gets the error anyway and decides whether it matters (a unique violation is often expected).
 */
export class TypeOrmPinoLogger implements TypeOrmLogger {
  constructor(private readonly logger: Logger) {}

  logQuery(): void {
    // intentionally silent
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.debug({ err: error, query }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, query }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ detail: message }, 'database warning');
    else this.logger.debug({ detail: message }, 'database message');
  }
}
