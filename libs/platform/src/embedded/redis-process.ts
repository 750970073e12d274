import { readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import type { Logger } from '@conveyor/observability';

/** A loopback port nobody listens on right now (the OS picks it). */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(0, '127.0.0.1', () => listening());
  });
  const address = server.address();
  await new Promise<void>((closed) => server.close(() => closed()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

/** Polls PING until redis answers (true), the process is gone or the time is up (false). */
export async function pingRedis(url: string, hasExited: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !hasExited()) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000, disconnectTimeout: 100 });
    client.on('error', () => undefined); // failures show as a rejected connect() below
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') return true;
    } catch {
      // not listening yet
    } finally {
      client.disconnect();
    }
    await sleep(50);
  }
  return false;
}

/**
 * A redis-server still running on our data (its pid file names it) outlived a parent that was
 * killed (kill -9 skips every exit hook). It is stopped before a new one opens the same files.
 */
export async function stopOrphanedRedis(pidFile: string, directory: string, timeoutMs: number, logger?: Logger): Promise<void> {
  const pid = readPid(pidFile);
  if (pid === undefined || !isOurRedis(pid, directory)) return;
  logger?.warn({ pid }, 'stopping a redis-server left running by an earlier Conveyor process');
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isRunning(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      break;
    }
    await sleep(50);
  }
}

function readPid(pidFile: string): number | undefined {
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The pid may have been reused by anything since: only a redis-server working in our directory counts. */
function isOurRedis(pid: number, directory: string): boolean {
  if (!isRunning(pid)) return false;
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return command.includes('redis-server') && readlinkSync(`/proc/${pid}/cwd`) === directory;
  } catch {
    return false; // not Linux, or not ours to inspect: leave it alone
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** An orphan that has exited stays a zombie until something reaps it; it still answers kill(pid, 0). */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}
