import { randomBytes } from 'node:crypto';
import { loadConfig, type ConveyorConfig } from '@conveyor/config';
import { testRedisUrl } from './service-probes';

/** A BullMQ key prefix no other test uses. */
export function uniqueQueuePrefix(): string {
  return `test-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/** A schema name no other test uses (a valid DATABASE_SCHEMA). */
export function uniqueSchemaName(): string {
  return `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/**
 * A configuration for tests, built by loadConfig like the real one: quiet logs, the test Redis,
 * a fresh queue prefix. `overrides` win; an override set to undefined removes a default
 * (e.g. REDIS_URL: undefined to get a private redis-server).
 */
export function testConfig(overrides: Record<string, string | undefined> = {}): ConveyorConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: uniqueQueuePrefix(),
    ...overrides,
  });
}
