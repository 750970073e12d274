import Redis from 'ioredis';
import pg from 'pg';

/** This lib is test-only, so it may read process.env (TEST_DATABASE_URL, TEST_REDIS_URL). */
export function testPostgresUrl(): string {
  return process.env['TEST_DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/test';
}

export function testRedisUrl(): string {
  return process.env['TEST_REDIS_URL'] || 'redis://127.0.0.1:6379';
}

const PROBE_TIMEOUT_MS = 1500;

/** Whether the test PostgreSQL answers a query (not just whether its port is open). */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: testPostgresUrl(), connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Whether the test Redis answers PING. */
export async function redisAvailable(): Promise<boolean> {
  const client = new Redis(testRedisUrl(), {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: PROBE_TIMEOUT_MS,
    // A client that never connected would otherwise hold the process open for 2 s after disconnect().
    disconnectTimeout: 100,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
