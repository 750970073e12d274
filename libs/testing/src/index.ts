export { postgresAvailable, redisAvailable, testPostgresUrl, testRedisUrl } from './service-probes';
export { testConfig, uniqueQueuePrefix, uniqueSchemaName } from './test-config';
export { createTestDatabase, DATABASE_KINDS } from './test-database';
export type { TestDatabase, TestDatabaseKind } from './test-database';
export { startTestSmtpServer, unusedLoopbackUrl } from './smtp-test-server';
export type { ReceivedMail, TestSmtpServer, TestSmtpServerOptions } from './smtp-test-server';
export { startTestS3Server } from './s3-test-server';
export type { TestS3Server } from './s3-test-server';
