import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Redis from 'ioredis';
import { startPrivateRedis } from './private-redis';

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, disconnectTimeout: 100 });
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

/** Redis stops a moment after SIGTERM (it writes its append-only file first). */
async function stopsAnswering(url: string): Promise<boolean> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (!(await answers(url))) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

async function withClient<T>(url: string, work: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(url, { maxRetriesPerRequest: 1, retryStrategy: () => null, disconnectTimeout: 100 });
  client.on('error', () => undefined); // failures reach the caller through the command's promise
  try {
    return await work(client);
  } finally {
    client.disconnect();
  }
}

/** Starts the fixture in a child process (TypeScript through swc, like the CLI) and reads the URL it prints. */
function startInChild(dataDir: string, mode: 'exit' | 'wait') {
  const repositoryRoot = resolve(__dirname, '../../../..');
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'private-redis.fixture.ts'), dataDir, mode], {
    cwd: repositoryRoot,
    env: { ...process.env, SWC_NODE_PROJECT: join(repositoryRoot, 'tsconfig.base.json') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = new Promise<string>((done, failed) => {
    createInterface({ input: child.stdout! }).once('line', (line) => done((JSON.parse(line) as { url: string }).url));
    void exited.then((code) => failed(new Error(`fixture exited with ${code} before printing a URL`)));
  });
  return { child, url, exited };
}

describe('startPrivateRedis', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'conveyor redis-')); // a space, as in many home directories
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs a password-protected redis-server whose data survive a restart', async () => {
    const first = await startPrivateRedis(dataDir);
    try {
      expect(first.url).toMatch(/^redis:\/\/:[0-9a-f]{48}@127\.0\.0\.1:\d+$/);
      await withClient(first.url, (client) => client.set('queued-job', 'invoice-42'));
      const anonymous = new URL(first.url);
      anonymous.password = '';
      await expect(withClient(anonymous.toString(), (client) => client.get('queued-job'))).rejects.toThrow(/NOAUTH/);
      const config = await withClient(first.url, (client) => client.config('GET', 'appendonly'));
      expect(config).toEqual(['appendonly', 'yes']);
    } finally {
      await first.stop();
      await first.stop();
    }
    expect(await answers(first.url)).toBe(false);
    expect(readdirSync(join(dataDir, 'redis'))).toEqual(expect.arrayContaining(['appendonlydir', 'redis.log']));

    const second = await startPrivateRedis(dataDir);
    try {
      expect(await withClient(second.url, (client) => client.get('queued-job'))).toBe('invoice-42');
    } finally {
      await second.stop();
    }
  });

  it('keeps a second redis-server off the same data', async () => {
    const first = await startPrivateRedis(dataDir);
    try {
      await expect(startPrivateRedis(dataDir)).rejects.toMatchObject({
        code: 'EMBEDDED_REDIS_IN_USE',
        message: `another Conveyor process owns ${join(dataDir, 'redis')}; stop it or set REDIS_URL`,
      });
    } finally {
      await first.stop();
    }
  });

  it('says in one line how to install redis-server when it is missing', async () => {
    await expect(startPrivateRedis(dataDir, undefined, { executable: 'redis-server-that-is-not-installed' })).rejects.toMatchObject({
      code: 'REDIS_NOT_INSTALLED',
      message: 'redis-server not found: install it (Debian/Ubuntu: sudo apt-get install -y redis-server) or set REDIS_URL',
    });
    // The failed attempt left no lock behind.
    expect(existsSync(join(dataDir, 'redis', 'owner.lock'))).toBe(false);
  });

  it('stops redis-server when its parent process exits without stopping it', async () => {
    const { url, exited } = startInChild(dataDir, 'exit');
    const redisUrl = await url;
    expect(await exited).toBe(0);
    expect(await stopsAnswering(redisUrl)).toBe(true);
  }, 30_000);

  it('stops a redis-server left running by a killed parent before starting anew, keeping its data', async () => {
    const { child, url, exited } = startInChild(dataDir, 'wait');
    const orphanUrl = await url;
    await withClient(orphanUrl, (client) => client.set('left-behind', 'yes'));
    child.kill('SIGKILL');
    await exited;
    expect(await answers(orphanUrl)).toBe(true); // kill -9 skips every exit hook

    const next = await startPrivateRedis(dataDir);
    try {
      expect(await answers(orphanUrl)).toBe(false);
      expect(await withClient(next.url, (client) => client.get('left-behind'))).toBe('yes');
    } finally {
      await next.stop();
    }
  }, 30_000);
});
