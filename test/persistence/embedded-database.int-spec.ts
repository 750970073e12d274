import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testConfig } from '@conveyor/testing';
import { openDatabase, processStartTime, WorkflowEntity, type Database } from '@conveyor/persistence';

/** A pid that surely belongs to no running process: one of a child that has exited. */
function deadPid(): number {
  return spawnSync('true').pid as number;
}

function embeddedConfig(dataDir: string) {
  return testConfig({ DATABASE_URL: undefined, CONVEYOR_DATA_DIR: dataDir });
}

// One real start from an empty directory (initdb, migrations), then a reopen: the path a
// first-time user takes with `conveyor start`.
describe('openDatabase without DATABASE_URL (embedded PGlite)', () => {
  let root: string;
  let database: Database | undefined;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'conveyor-embedded-'));
    // Left behind by a process that was killed: must not keep the next start out.
    writeFileSync(join(root, 'pglite.lock'), JSON.stringify({ pid: deadPid(), acquiredAt: '2026-01-01T00:00:00Z' }));
    database = await openDatabase(embeddedConfig(root));
  }, 60_000);

  afterAll(async () => {
    await database?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('takes over the lock of a dead process and records itself as owner', () => {
    expect(database?.embedded).toBe(true);
    expect(JSON.parse(readFileSync(join(root, 'pglite.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('serves PGlite on a unix socket in a private directory', () => {
    expect(database?.url).toBe(`postgresql://postgres@localhost/postgres?host=${encodeURIComponent(join(root, 'pglite-socket'))}`);
    expect(statSync(join(root, 'pglite-socket')).mode & 0o777).toBe(0o700);
    expect(statSync(join(root, 'pglite-socket', '.s.PGSQL.5432')).isSocket()).toBe(true);
  });

  it('keeps a second open of the same data directory out while the first is open', async () => {
    await expect(openDatabase(embeddedConfig(root))).rejects.toMatchObject({
      code: 'EMBEDDED_DB_IN_USE',
      message: `another Conveyor process owns ${join(root, 'pglite')}; stop it or set DATABASE_URL`,
    });
  });

  it('keeps its data across close and reopen (over TCP when the socket path is too long)', async () => {
    const at = new Date('2026-02-03T04:05:06.789Z');
    await database!.dataSource.getRepository(WorkflowEntity).insert({ id: 'kept', name: 'Kept', description: 'survives', latestRevision: 3, createdAt: at, updatedAt: at });
    await database!.close();
    database = undefined;
    expect(existsSync(join(root, 'pglite.lock'))).toBe(false);
    expect(existsSync(join(root, 'pglite-socket', '.s.PGSQL.5432'))).toBe(false);

    const longRoot = join(root, 'a-directory-name-long-enough-that-a-unix-socket-path-inside-it-cannot-fit');
    mkdirSync(longRoot);
    renameSync(join(root, 'pglite'), join(longRoot, 'pglite'));
    database = await openDatabase(embeddedConfig(longRoot));
    expect(database.url).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    const kept = await database.dataSource.getRepository(WorkflowEntity).findOneByOrFail({ id: 'kept' });
    expect(kept).toMatchObject({ name: 'Kept', description: 'survives', latestRevision: 3 });
    expect(kept.createdAt.toISOString()).toBe(at.toISOString());
    expect(await database.dataSource.showMigrations()).toBe(false);
  }, 60_000);
});

describe('the embedded database lock', () => {
  it('refuses to start when a live process owns the data directory', async () => {
    const root = mkdtempSync(join(tmpdir(), 'conveyor-embedded-'));
    const other = spawn('sleep', ['30']);
    try {
      const pid = other.pid as number;
      writeFileSync(join(root, 'pglite.lock'), JSON.stringify({ pid, startTime: processStartTime(pid), acquiredAt: new Date().toISOString() }));
      await expect(openDatabase(embeddedConfig(root))).rejects.toMatchObject({
        code: 'EMBEDDED_DB_IN_USE',
        details: { pid },
      });
      expect(existsSync(join(root, 'pglite'))).toBe(false); // refused before touching the data
    } finally {
      other.kill();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
