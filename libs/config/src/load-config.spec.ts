import { loadConfig } from './load-config';
import { DomainError } from '@conveyor/kernel';

describe('loadConfig', () => {
  it('gives the embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.PORT).toBe(3000);
    expect(config.HTTP_STEP_ALLOW_PRIVATE).toBe(false);
  });

  it('reads typed values', () => {
    const config = loadConfig({ PORT: '8080', HTTP_STEP_ALLOW_PRIVATE: 'true', DATABASE_URL: 'postgres://u@h/db' });
    expect(config.PORT).toBe(8080);
    expect(config.HTTP_STEP_ALLOW_PRIVATE).toBe(true);
    expect(config.DATABASE_URL).toBe('postgres://u@h/db');
  });

  it('requires a bucket, and both parts of static credentials, for S3 document storage', () => {
    expect(() => loadConfig({ DOCUMENT_STORAGE: 's3' })).toThrow(/DOCUMENT_S3_BUCKET: required when DOCUMENT_STORAGE=s3/);
    expect(() => loadConfig({ DOCUMENT_STORAGE: 's3', DOCUMENT_S3_BUCKET: 'docs', DOCUMENT_S3_ACCESS_KEY_ID: 'id' })).toThrow(/set both or neither/);
    const config = loadConfig({ DOCUMENT_STORAGE: 's3', DOCUMENT_S3_BUCKET: 'docs', DOCUMENT_S3_FORCE_PATH_STYLE: 'true' });
    expect([config.DOCUMENT_STORAGE, config.DOCUMENT_S3_BUCKET, config.DOCUMENT_S3_PREFIX, config.DOCUMENT_S3_FORCE_PATH_STYLE]).toEqual(['s3', 'docs', 'documents', true]);
  });

  it('lists every bad variable at once', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', REDIS_URL: 'not a url' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    const problems = (caught as DomainError).details['problems'] as string[];
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['LOG_LEVEL', 'PORT', 'REDIS_URL']);
  });
});
