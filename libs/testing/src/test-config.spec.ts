import { testConfig, uniqueQueuePrefix, uniqueSchemaName } from './test-config';

describe('testConfig', () => {
  it('is quiet, uses a fresh queue prefix and applies overrides', () => {
    const first = testConfig({ PORT: '0' });
    const second = testConfig();
    expect(first.NODE_ENV).toBe('test');
    expect(first.LOG_LEVEL).toBe('silent');
    expect(first.PORT).toBe(0);
    expect(first.QUEUE_PREFIX).not.toBe(second.QUEUE_PREFIX);
  });

  it('drops a default when an override is undefined', () => {
    expect(testConfig().REDIS_URL).toBeDefined();
    expect(testConfig({ REDIS_URL: undefined }).REDIS_URL).toBeUndefined();
  });

  it('makes names the configuration accepts, different every time', () => {
    const prefixes = new Set(Array.from({ length: 50 }, uniqueQueuePrefix));
    const schemas = new Set(Array.from({ length: 50 }, uniqueSchemaName));
    expect(prefixes.size).toBe(50);
    expect(schemas.size).toBe(50);
    for (const schema of schemas) expect(testConfig({ DATABASE_SCHEMA: schema }).DATABASE_SCHEMA).toBe(schema);
    for (const prefix of prefixes) expect(testConfig({ QUEUE_PREFIX: prefix }).QUEUE_PREFIX).toBe(prefix);
  });
});
