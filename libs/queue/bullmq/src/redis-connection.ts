import IORedis, { type Redis } from 'ioredis';

/**
 * BullMQ needs `maxRetriesPerRequest: null` on the connections its workers block on; the same options
 * serve queues. Errors are logged by the caller, never thrown into the event loop.
 */
export function createRedisConnection(url: string, onError?: (error: Error) => void): Redis {
  const connection = new IORedis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
  connection.on('error', (error) => onError?.(error));
  return connection;
}

export async function pingRedis(connection: Redis): Promise<number> {
  const started = performance.now();
  await connection.ping();
  return performance.now() - started;
}
