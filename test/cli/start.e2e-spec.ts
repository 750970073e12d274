import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { prepareTestEnvironment, type TestEnvironment } from '../api/test-environment';
import { REPO_ROOT, runCli } from './run-cli';

jest.setTimeout(90_000);

/** Process environment for a child using the test environment's database and queue prefix (empty = unset). */
function childEnv(environment: TestEnvironment, extra: Record<string, string> = {}): Record<string, string> {
  const { config } = environment;
  return {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: config.DATABASE_URL ?? '',
    DATABASE_SCHEMA: config.DATABASE_SCHEMA,
    CONVEYOR_DATA_DIR: config.CONVEYOR_DATA_DIR,
    REDIS_URL: config.REDIS_URL!,
    QUEUE_PREFIX: config.QUEUE_PREFIX,
    HOST: '127.0.0.1',
    PORT: '0',
    CONVEYOR_ADMIN_TOKEN: '',
    ...extra,
  };
}

function waitForLine(child: ChildProcessWithoutNullStreams, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolvePromise, reject) => {
    let seen = '';
    let errors = '';
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} in ${timeoutMs} ms\nstdout: ${seen}\nstderr: ${errors}`)), timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match);
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`conveyor exited (${code}) before printing ${pattern}\nstdout: ${seen}\nstderr: ${errors}`));
    });
  });
}

describe('conveyor start', () => {
  let environment: TestEnvironment;

  beforeAll(async () => {
    environment = await prepareTestEnvironment();
  });
  afterAll(async () => {
    await environment?.cleanup();
  });

  it('serves the API, prints where, and shuts down gracefully on SIGTERM', async () => {
    const child = spawn(process.execPath, [resolve(REPO_ROOT, 'apps/cli/bin/conveyor.js'), 'start'], {
      cwd: REPO_ROOT,
      env: childEnv(environment),
    });
    try {
      const match = await waitForLine(child, /^Conveyor \(api, scheduler, worker\) at (http:\/\/127\.0\.0\.1:\d+) \| API docs (\S+) \| data: (.*)$/m, 60_000);
      const [, url, docs, data] = match;
      expect(docs).toBe(`${url}/api/docs`);
      expect(data).toContain(
        environment.kind === 'postgres'
          ? `PostgreSQL ${environment.config.DATABASE_URL} (schema ${environment.config.DATABASE_SCHEMA})`
          : `embedded PostgreSQL in ${environment.config.CONVEYOR_DATA_DIR}`,
      );
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      const exited = new Promise<number | null>((resolvePromise) => child.on('close', resolvePromise));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses unknown components and an open API in production (exit 2)', async () => {
    const unknown = await runCli(['start', '--components', 'api,robot']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('not: robot');
    const production = await runCli(['api'], childEnv(environment, { NODE_ENV: 'production' }));
    expect(production.code).toBe(2);
    expect(production.stderr).toContain('CONVEYOR_ADMIN_TOKEN is not set');
  });
});
