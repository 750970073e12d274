import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

/**
 * A process killed with SIGKILL in the middle of a step loses nothing: the step runs again elsewhere
 * (at least once), the run completes, and side effects keyed on the idempotency key are applied once.
 *   postgres: an API+scheduler process and worker processes; the worker is killed, a new one takes over.
 *   embedded: one standalone process owning PGlite; it is killed and started again on the same data.
 */
const repo = resolve(__dirname, '../..');
const cli = join(repo, 'apps/cli/bin/conveyor.js');
const kinds = (process.env['CONVEYOR_TEST_DB_KINDS'] ?? 'postgres,embedded').split(',');

interface Sink {
  server: Server;
  url: string;
  deliveries: Map<string, number>;
  applied: Map<string, Set<string>>;
  firstChargeArrived: Promise<void>;
}

/** An external system with idempotent writes: it applies each Idempotency-Key once. The first `charge` call hangs. */
async function startSink(): Promise<Sink> {
  const deliveries = new Map<string, number>();
  const applied = new Map<string, Set<string>>();
  let arrived!: () => void;
  const firstChargeArrived = new Promise<void>((resolve) => (arrived = resolve));
  const server = createServer((request, response) => {
    const path = request.url ?? '';
    const key = String(request.headers['idempotency-key'] ?? '');
    deliveries.set(path, (deliveries.get(path) ?? 0) + 1);
    if (!applied.has(path)) applied.set(path, new Set());
    const alreadyApplied = applied.get(path)!.has(key);
    applied.get(path)!.add(key);
    if (path === '/effect/charge' && deliveries.get(path) === 1) {
      arrived();
      return; // never answers: the worker is killed while waiting
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ path, replayed: alreadyApplied }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, deliveries, applied, firstChargeArrived };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function launch(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [cli, ...args], { cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', () => undefined);
  return child;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
  });
}

describe.each(kinds)('a process killed mid-step (%s)', (kind) => {
  let sink: Sink;
  const children: ChildProcess[] = [];
  let dataDir: string;

  beforeAll(async () => {
    sink = await startSink();
    dataDir = mkdtempSync(join(tmpdir(), 'conveyor-crash-'));
  });

  afterAll(async () => {
    await Promise.all(children.map(stop));
    await new Promise((resolve) => sink.server.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('completes the run with every side effect applied once', async () => {
    const port = await freePort();
    const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const env: Record<string, string> = {
      NODE_ENV: 'test', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `crash-${schema}`, CONVEYOR_DATA_DIR: dataDir, WORKER_LOCK_MS: '2000', SCHEDULER_TICK_MS: '200',
      HTTP_STEP_ALLOW_PRIVATE: 'true', SHUTDOWN_GRACE_MS: '1000',
      ...(kind === 'postgres' ? { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', DATABASE_SCHEMA: schema } : {}),
    };
    const api = `http://127.0.0.1:${port}`;
    const first = kind === 'postgres' ? launch(['start', '--components', 'api,scheduler'], env) : launch(['start'], env);
    children.push(first);
    let victim = first;
    if (kind === 'postgres') {
      victim = launch(['worker'], env);
      children.push(victim);
    }
    await waitFor('the API', async () => ((await fetch(`${api}/api/health`)).ok ? true : undefined));

    const yaml = `
id: crash-test
name: Crash test
steps:
  - id: before
    type: http
    with: { url: "${sink.url}/effect/before", method: POST }
  - id: charge
    type: http
    needs: before
    with: { url: "${sink.url}/effect/charge", method: POST, timeout: 2m }
    timeout: 3m
  - id: after
    type: http
    needs: charge
    with: { url: "${sink.url}/effect/after", method: POST }
`;
    const published = await fetch(`${api}/api/workflows`, { method: 'POST', headers: { 'content-type': 'text/yaml' }, body: yaml });
    expect(published.status).toBe(201);
    const started = await fetch(`${api}/api/workflows/crash-test/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"inputs":{}}' });
    expect(started.status).toBe(201);
    const runId = ((await started.json()) as { id: string }).id;

    await sink.firstChargeArrived;
    victim.kill('SIGKILL');
    await new Promise((resolve) => victim.once('exit', resolve));

    const replacement = kind === 'postgres' ? launch(['worker'], env) : launch(['start'], env);
    children.push(replacement);
    await waitFor('the API after restart', async () => ((await fetch(`${api}/api/health`)).ok ? true : undefined));

    const run = await waitFor('the run to finish', async () => {
      const response = await fetch(`${api}/api/runs/${runId}`);
      const body = (await response.json()) as { status: string; events: { type: string; stepId?: string }[] };
      return ['succeeded', 'failed', 'cancelled'].includes(body.status) ? body : undefined;
    }, 90_000);

    expect(run.status).toBe('succeeded');
    expect(sink.deliveries.get('/effect/charge')).toBeGreaterThanOrEqual(2);
    for (const path of ['/effect/before', '/effect/charge', '/effect/after']) {
      // one idempotency key per step, however often it was delivered
      expect(sink.applied.get(path)?.size).toBe(1);
    }
    const chargeStarts = run.events.filter((e) => e.type === 'step.started' && e.stepId === 'charge');
    expect(chargeStarts.length).toBeGreaterThanOrEqual(2);
  }, 180_000);
});
