import { DataSource } from 'typeorm';
import type { ConveyorConfig } from '@conveyor/config';
import { DomainError, isDomainError } from '@conveyor/kernel';
import type { Logger } from '@conveyor/observability';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded/embedded-postgres';
import { PERSISTENCE_ENTITIES } from './persistence-entities';
import { PERSISTENCE_MIGRATIONS } from './persistence-migrations';
import { runMigrations } from './run-migrations';
import { pgWithSearchPath, quoteIdentifier } from './search-path-pool';
import { SLOW_QUERY_MS, TypeOrmPinoLogger } from './typeorm-pino-logger';

export interface Database {
  readonly dataSource: DataSource;
  /** true when this process runs its own PGlite (DATABASE_URL unset). */
  readonly embedded: boolean;
  /** Where the database is, without any password: safe to log. */
  readonly url: string;
  /** The schema every table lives in (the connections' search_path). */
  readonly schema: string;
  /** Closes the pool, then (embedded) stops PGlite and releases its lock. Safe to call twice. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Overrides config.DATABASE_SCHEMA. */
  schema?: string;
  logger?: Logger;
}

/**
 * A waiting query fails after this long instead of hanging: for the first connection, and for a
 * free connection of the pool. In embedded mode (a pool of one) running into it usually means a
 * query was sent outside a transaction while that transaction held the only connection.
 */
const CONNECTION_WAIT_MS = 30_000;

/**
 * Opens the database and brings its schema up to date. DATABASE_URL set: that PostgreSQL, with a
 * pool of DATABASE_POOL_SIZE. Unset: PGlite under CONVEYOR_DATA_DIR, owned by this process and
 * reached through the same 'postgres' driver with a pool of one.
 */
export async function openDatabase(config: ConveyorConfig, options: OpenDatabaseOptions = {}): Promise<Database> {
  const schema = options.schema ?? config.DATABASE_SCHEMA;
  try {
    quoteIdentifier(schema);
  } catch {
    throw new DomainError('CONFIG_INVALID', `DATABASE_SCHEMA must be a lower-case identifier, got "${schema}"`);
  }
  if (config.DATABASE_URL) {
    const dataSource = createDataSource({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, schema, logger: options.logger });
    const url = withoutPassword(config.DATABASE_URL);
    await initialize(dataSource, schema, url, options.logger);
    return { dataSource, embedded: false, url, schema, close: once(() => destroy(dataSource)) };
  }
  const server = await startEmbeddedPostgres(config.CONVEYOR_DATA_DIR, options.logger);
  try {
    const dataSource = createDataSource({ server, poolSize: 1, schema, logger: options.logger });
    await initialize(dataSource, schema, server.url, options.logger);
    const close = once(async () => {
      try {
        await destroy(dataSource);
      } finally {
        await server.stop();
      }
    });
    return { dataSource, embedded: true, url: server.url, schema, close };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

interface DataSourceParams {
  url?: string;
  server?: EmbeddedPostgres;
  poolSize: number;
  schema: string;
  logger?: Logger;
}

function createDataSource(params: DataSourceParams): DataSource {
  const { server } = params;
  return new DataSource({
    type: 'postgres',
    driver: pgWithSearchPath(params.schema),
    ...(server ? { host: server.host, port: server.port, username: server.user, database: server.database } : { url: params.url }),
    schema: params.schema,
    poolSize: params.poolSize,
    applicationName: 'conveyor',
    connectTimeoutMS: CONNECTION_WAIT_MS,
    // No CREATE EXTENSION at start-up: ids are made by the application, and PGlite has none to add.
    installExtensions: false,
    entities: PERSISTENCE_ENTITIES,
    migrations: PERSISTENCE_MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    maxQueryExecutionTime: SLOW_QUERY_MS,
    logger: params.logger ? new TypeOrmPinoLogger(params.logger) : undefined,
    logging: params.logger ? ['error', 'warn', 'migration'] : false,
    // The single embedded connection stays open: PGlite's server takes one connection at a time,
    // and reconnecting would race the close of the previous one.
    extra: server ? { idleTimeoutMillis: 0 } : undefined,
  });
}

async function initialize(dataSource: DataSource, schema: string, url: string, logger?: Logger): Promise<void> {
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new DomainError('DATABASE_UNAVAILABLE', `cannot connect to PostgreSQL at ${url}: ${(error as Error).message}`, { url }, true);
  }
  try {
    const started = Date.now();
    const applied = await runMigrations(dataSource, schema);
    if (applied.length > 0) logger?.info({ applied, schema, ms: Date.now() - started }, 'database migrated');
  } catch (error) {
    await destroy(dataSource).catch(() => undefined);
    if (isDomainError(error)) throw error;
    throw new DomainError('DATABASE_MIGRATION_FAILED', `migrating schema "${schema}" failed: ${(error as Error).message}`, { url, schema });
  }
}

async function destroy(dataSource: DataSource): Promise<void> {
  if (dataSource.isInitialized) await dataSource.destroy();
}

/** Exported for tests. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '';
    return parsed.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let result: Promise<void> | undefined;
  return () => (result ??= fn());
}
