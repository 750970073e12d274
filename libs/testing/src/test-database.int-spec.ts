import { existsSync } from 'node:fs';
import pg from 'pg';
import { postgresAvailable, redisAvailable, testPostgresUrl } from './service-probes';
import { createTestDatabase } from './test-database';

async function withEnv<T>(name: string, value: string, work: () => Promise<T>): Promise<T> {
  const previous = process.env[name];
  process.env[name] = value;
  try {
    return await work();
  } finally {
    if (previous === undefined) delete process.env[name];
    else process.env[name] = previous;
  }
}

describe('service probes', () => {
  it('find the PostgreSQL and Redis of the test machine', async () => {
    expect(await postgresAvailable()).toBe(true);
    expect(await redisAvailable()).toBe(true);
  });

  it('honour TEST_DATABASE_URL and TEST_REDIS_URL', async () => {
    expect(await withEnv('TEST_DATABASE_URL', 'postgres://postgres@127.0.0.1:1/test', postgresAvailable)).toBe(false);
    expect(await withEnv('TEST_REDIS_URL', 'redis://127.0.0.1:1', redisAvailable)).toBe(false);
  });
});

describe('createTestDatabase', () => {
  it('postgres: gives a migrated schema of its own and drops it afterwards', async () => {
    const test = await createTestDatabase('postgres');
    const schema = test.database.schema;
    expect(test.config.DATABASE_SCHEMA).toBe(schema);
    expect(await test.database.dataSource.query('SELECT count(*)::int AS n FROM runs')).toEqual([{ n: 0 }]);
    await test.drop();
    await test.drop();
    const client = new pg.Client({ connectionString: testPostgresUrl() });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema]);
      expect(rows).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('embedded: gives a migrated PGlite in a temporary directory and deletes it afterwards', async () => {
    const test = await createTestDatabase('embedded');
    const dataDir = test.config.CONVEYOR_DATA_DIR;
    expect(test.config.DATABASE_URL).toBeUndefined();
    expect(test.database.embedded).toBe(true);
    expect(await test.database.dataSource.query('SELECT count(*)::int AS n FROM runs')).toEqual([{ n: 0 }]);
    await test.drop();
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);
});
