import { MigrationExecutor, type DataSource } from 'typeorm';
import { quoteIdentifier } from './search-path-pool';

/**
 * Brings the schema up to date. Several processes may start at once (api, scheduler and workers
 * of one deployment): a session-level advisory lock, per schema, lets one of them migrate while
 * the others wait and then find nothing left to do. All pending migrations run in one transaction.
 * Returns the names of the migrations applied.
 */
export async function runMigrations(dataSource: DataSource, schema: string): Promise<string[]> {
  const queryRunner = dataSource.createQueryRunner('master');
  await queryRunner.connect();
  const lockKey = `conveyor.migrations.${schema}`;
  try {
    await queryRunner.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    try {
      // Looked up first: CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege on the database even
      // when the schema exists, which a locked-down deployment with a prepared schema does not grant.
      const existing: unknown[] = await queryRunner.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
      if (existing.length === 0) await queryRunner.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`);
      // Re-resolve the search path now that the schema surely exists.
      await queryRunner.query(`SET search_path TO ${quoteIdentifier(schema)}`);
      const executor = new MigrationExecutor(dataSource, queryRunner);
      executor.transaction = 'all';
      const applied = await executor.executePendingMigrations();
      return applied.map((migration) => migration.name);
    } finally {
      await queryRunner.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
    }
  } finally {
    await queryRunner.release();
  }
}
