import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DomainError } from '@conveyor/kernel';
import type { Logger } from '@conveyor/observability';
import { acquireProcessLock, type ProcessLock } from '@conveyor/persistence';
import { freeLoopbackPort, pingRedis, stopOrphanedRedis } from './redis-process';

export interface PrivateRedis {
  /** redis://:<password>@127.0.0.1:<port> — a secret: do not log it. */
  readonly url: string;
  /** Shuts redis-server down (it writes its append-only file first). Safe to call twice. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 10_000;
const START_ATTEMPTS = 3;

/**
 * Runs a redis-server owned by this process, for the standalone mode when REDIS_URL is unset.
 * Data live under `${dataDir}/redis` with the append-only file on, so queued jobs survive a restart.
 * It listens on a free loopback port with a random password (other local users stay out), in its
 * own process group (a Ctrl-C meant for Conveyor must not kill it before Conveyor's graceful
 * shutdown is done with it), and is stopped on stop() or when this process exits. One that
 * outlived a killed parent is stopped at the next start.
 */
export async function startPrivateRedis(
  dataDir: string,
  logger?: Logger,
  options: { executable?: string } = {},
): Promise<PrivateRedis> {
  const executable = options.executable ?? 'redis-server';
  const directory = join(resolve(dataDir), 'redis');
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const lock = await acquireProcessLock(join(directory, 'owner.lock'), {
    code: 'EMBEDDED_REDIS_IN_USE',
    message: `another Conveyor process owns ${join(dataDir, 'redis')}; stop it or set REDIS_URL`,
  });
  try {
    const pidFile = join(directory, 'redis-server.pid');
    await stopOrphanedRedis(pidFile, directory, STOP_TIMEOUT_MS, logger);
    const password = randomBytes(24).toString('hex');
    let lastError = '';
    for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      const port = await freeLoopbackPort();
      const started = Date.now();
      const child = await launch(executable, directory, port, password, pidFile);
      const url = `redis://:${password}@127.0.0.1:${port}`;
      if (await pingRedis(url, () => child.exitCode !== null || child.signalCode !== null, READY_TIMEOUT_MS)) {
        logger?.info({ port, dataDir: directory, ms: Date.now() - started }, 'private redis-server started');
        return { url, stop: stopper(child, lock, logger) };
      }
      await terminate(child);
      // Another process may have taken the port between our probe and redis binding it: try another.
      lastError = lastLogLines(join(directory, 'redis.log'));
    }
    throw new DomainError('REDIS_START_FAILED', `redis-server did not start in ${directory}: ${lastError}`, { dataDir: directory });
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function launch(executable: string, directory: string, port: number, password: string, pidFile: string): Promise<ChildProcess> {
  const configFile = join(directory, 'redis.conf');
  // The password goes in a private file rather than on the command line, where `ps` shows it.
  writeFileSync(configFile, redisConfig(directory, port, password, pidFile), { mode: 0o600 });
  const log = join(directory, 'redis.log');
  if (existsSync(log)) renameSync(log, join(directory, 'redis.previous.log'));
  const child = spawn(executable, [configFile], { cwd: directory, stdio: 'ignore', detached: true });
  await new Promise<void>((started, failed) => {
    child.once('spawn', started);
    child.once('error', (error: NodeJS.ErrnoException) =>
      failed(
        error.code === 'ENOENT'
          ? new DomainError(
              'REDIS_NOT_INSTALLED',
              'redis-server not found: install it (Debian/Ubuntu: sudo apt-get install -y redis-server) or set REDIS_URL',
            )
          : new DomainError('REDIS_START_FAILED', `cannot run ${executable}: ${error.message}`),
      ),
    );
  });
  child.on('error', () => undefined); // a failed kill() later must not crash the process
  // Redis does not keep this process alive by itself: the exit hook in stopper() stops it.
  child.unref();
  return child;
}

/** Exported for tests. */
export function redisConfig(directory: string, port: number, password: string, pidFile: string): string {
  return [
    'bind 127.0.0.1',
    `port ${port}`,
    `requirepass ${password}`,
    'protected-mode yes',
    'daemonize no',
    // Paths double-quoted: redis.conf splits unquoted values at spaces.
    `pidfile ${JSON.stringify(pidFile)}`,
    `dir ${JSON.stringify(directory)}`,
    'logfile redis.log',
    // Every write reaches the append-only file; at most a second of it is lost on a power cut.
    'appendonly yes',
    'appendfsync everysec',
    // The AOF alone is the persistence: no RDB snapshots on top of it.
    'save ""',
    // BullMQ must never lose keys to eviction.
    'maxmemory-policy noeviction',
    '',
  ].join('\n');
}

function stopper(child: ChildProcess, lock: ProcessLock, logger?: Logger): () => Promise<void> {
  const onExit = (): void => {
    child.kill('SIGTERM');
  };
  process.on('exit', onExit);
  let stopping: Promise<void> | undefined;
  return () =>
    (stopping ??= (async () => {
      process.removeListener('exit', onExit);
      try {
        await terminate(child);
        logger?.info('private redis-server stopped');
      } finally {
        lock.release();
      }
    })());
}

/** SIGTERM makes redis-server flush its append-only file and exit; SIGKILL if it hangs. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.ref(); // keep this process alive until redis is gone
  await new Promise<void>((done) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(killer);
      done();
    });
    child.kill('SIGTERM');
  });
}

function lastLogLines(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim().split('\n').slice(-3).join(' | ');
  } catch {
    return 'no log written';
  }
}
