import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError } from '@conveyor/kernel';
import type { Logger } from '@conveyor/observability';
import { acquireProcessLock, type ProcessLock } from './process-lock';

/** Where node-postgres finds the embedded server: a unix socket directory or 127.0.0.1 and a port. */
export interface EmbeddedPostgres {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly database: string;
  /** libpq-style URL, for logs and for pointing psql at it while Conveyor runs. */
  readonly url: string;
  /** Stops the server and PGlite (close every client first), then releases the lock. Safe to call twice. */
  stop(): Promise<void>;
}

/** libpq names a server's socket `.s.PGSQL.<port>` inside a directory. */
const SOCKET_PORT = 5432;
/** sun_path holds 108 bytes on Linux (104 on macOS); longer data-dir paths fall back to TCP. */
const MAX_SOCKET_PATH_BYTES = 100;
const STOP_TIMEOUT_MS = 15_000;

type WorkerMessage = { type: 'ready'; conn: string; ms: number } | { type: 'failed'; message: string } | { type: 'stopped'; error?: string };

export function pgliteDataDir(dataDir: string): string {
  return join(resolve(dataDir), 'pglite');
}

/**
 * Starts PGlite on `${dataDir}/pglite` and serves it over the PostgreSQL wire protocol, so that the
 * same node-postgres driver serves the embedded and the external database (one code path). PGlite
 * runs on a worker thread (see pglite-worker.js for why).
 *
 * PGlite is a single-connection, single-process database: a lock file keeps a second process out,
 * and clients use a pool of one. The socket is a unix socket in a private directory when the path
 * is short enough: PGlite does not authenticate, so a loopback TCP port lets any local user in.
 */
export async function startEmbeddedPostgres(dataDir: string, logger?: Logger): Promise<EmbeddedPostgres> {
  const root = resolve(dataDir);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const lock = await acquireProcessLock(join(root, 'pglite.lock'), {
    code: 'EMBEDDED_DB_IN_USE',
    message: `another Conveyor process owns ${join(dataDir, 'pglite')}; stop it or set DATABASE_URL`,
  });
  const transport = chooseTransport(root);
  const socketPath = transport.kind === 'unix' ? transport.path : null;
  try {
    if (transport.kind === 'unix') {
      mkdirSync(transport.directory, { recursive: true, mode: 0o700 });
      // We hold the lock, so a socket file left here belongs to a dead process.
      rmSync(transport.path, { force: true });
    }
    const worker = new Worker(join(__dirname, 'pglite-worker.js'), { workerData: { pgdata: pgliteDataDir(root), socketPath } });
    const ready = await untilReady(worker).catch(async (error: Error) => {
      await worker.terminate();
      throw error;
    });
    const endpoint = transport.kind === 'unix' ? { host: transport.directory, port: SOCKET_PORT } : parseConn(ready.conn);
    logger?.info({ dataDir: pgliteDataDir(root), ms: ready.ms, transport: transport.kind }, 'embedded PostgreSQL (PGlite) started');
    let stopping: Promise<void> | undefined;
    worker.on('error', (error) => logger?.error({ err: error }, 'embedded PostgreSQL (PGlite) failed'));
    worker.on('exit', (code) => {
      if (!stopping) logger?.error({ code }, 'embedded PostgreSQL (PGlite) stopped unexpectedly');
    });
    return {
      ...endpoint,
      user: 'postgres',
      database: 'postgres',
      url: embeddedUrl(endpoint.host, endpoint.port),
      stop: () => (stopping ??= stopWorker(worker, logger).finally(() => release(lock, socketPath))),
    };
  } catch (error) {
    release(lock, socketPath);
    throw error;
  }
}

function untilReady(worker: Worker): Promise<{ conn: string; ms: number }> {
  return new Promise((ready, failed) => {
    const fail = (reason: string): void =>
      failed(new DomainError('EMBEDDED_DB_FAILED', `embedded PostgreSQL (PGlite) could not start: ${reason}`));
    worker.once('message', (message: WorkerMessage) => {
      if (message.type === 'ready') ready(message);
      else fail(message.type === 'failed' ? message.message : 'unexpected message');
    });
    worker.once('error', (error) => fail(error.message));
    worker.once('exit', (code) => fail(`its thread exited with code ${code}`));
  });
}

async function stopWorker(worker: Worker, logger?: Logger): Promise<void> {
  const exited = new Promise<void>((done) => worker.once('exit', () => done()));
  worker.on('message', (message: WorkerMessage) => {
    if (message.type === 'stopped' && message.error) logger?.warn({ error: message.error }, 'embedded PostgreSQL (PGlite) did not close cleanly');
  });
  worker.postMessage({ type: 'stop' });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((done) => {
    timer = setTimeout(() => done(true), STOP_TIMEOUT_MS);
  });
  try {
    if (await Promise.race([exited.then(() => false), timedOut])) {
      logger?.warn('embedded PostgreSQL (PGlite) did not stop in time; terminating its thread');
      await worker.terminate();
    }
  } finally {
    clearTimeout(timer);
  }
}

function release(lock: ProcessLock, socketPath: string | null): void {
  if (socketPath) rmSync(socketPath, { force: true });
  lock.release();
}

type Transport = { kind: 'unix'; directory: string; path: string } | { kind: 'tcp' };

/** Exported for tests. */
export function chooseTransport(root: string): Transport {
  const directory = join(root, 'pglite-socket');
  const path = join(directory, `.s.PGSQL.${SOCKET_PORT}`);
  if (process.platform === 'win32' || Buffer.byteLength(path) > MAX_SOCKET_PATH_BYTES) return { kind: 'tcp' };
  return { kind: 'unix', directory, path };
}

/** The server reports "host:port" once listening (the OS picked the port). */
function parseConn(conn: string): { host: string; port: number } {
  const separator = conn.lastIndexOf(':');
  return { host: conn.slice(0, separator), port: Number(conn.slice(separator + 1)) };
}

function embeddedUrl(host: string, port: number): string {
  return host.startsWith('/')
    ? `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(host)}`
    : `postgresql://postgres@${host}:${port}/postgres`;
}
