export { postgresAvailable, redisAvailable, testPostgresUrl, testRedisUrl } from './service-probes';
export { testConfig, uniqueQueuePrefix, uniqueSchemaName } from './test-config';
export { createTestDatabase, DATABASE_KINDS } from './test-database';
export type { TestDatabase, TestDatabaseKind } from './test-database';
