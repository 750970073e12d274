import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireProcessLock, isAlive, processStartTime } from './process-lock';

const conflict = { code: 'THING_IN_USE', message: 'another process owns the thing' };

describe('acquireProcessLock', () => {
  let dir: string;
  let lockFile: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'conveyor-lock-'));
    lockFile = join(dir, 'owner.lock');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is held by one owner at a time, and free again once released', async () => {
    const lock = await acquireProcessLock(lockFile, conflict);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, startTime: processStartTime(process.pid) });
    await expect(acquireProcessLock(lockFile, conflict)).rejects.toMatchObject({ code: 'THING_IN_USE', message: conflict.message });
    lock.release();
    lock.release();
    expect(existsSync(lockFile)).toBe(false);
    (await acquireProcessLock(lockFile, conflict)).release();
  });

  it('takes over the lock of a process that has exited', async () => {
    const pid = spawnSync('true').pid as number;
    writeFileSync(lockFile, JSON.stringify({ pid, acquiredAt: '2026-01-01T00:00:00Z' }));
    const lock = await acquireProcessLock(lockFile, conflict);
    expect(JSON.parse(readFileSync(lockFile, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock whose pid now belongs to a different, later process', async () => {
    // What a container restart looks like: the same pid, another process.
    writeFileSync(lockFile, JSON.stringify({ pid: process.pid, startTime: '1', acquiredAt: '2026-01-01T00:00:00Z' }));
    const lock = await acquireProcessLock(lockFile, conflict);
    expect(JSON.parse(readFileSync(lockFile, 'utf8')).startTime).toBe(processStartTime(process.pid));
    lock.release();
  });

  it('takes over the lock of an exited process nobody has reaped yet (a zombie)', async () => {
    // The child exits at once and its parent never waits for it (a shell may reap early, python's fork does not).
    const parent = spawn('python3', ['-c', 'import os, sys, time\npid = os.fork()\nif pid == 0:\n    os._exit(0)\nprint(pid, flush=True)\ntime.sleep(30)']);
    try {
      const pid = Number(await new Promise<string>((done) => parent.stdout.once('data', (data: Buffer) => done(data.toString()))));
      const deadline = Date.now() + 5000;
      while (!/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(readFileSync(`/proc/${pid}/stat`, 'utf8')).toMatch(/\) Z /);
      writeFileSync(lockFile, JSON.stringify({ pid, startTime: processStartTime(pid), acquiredAt: '2026-01-01T00:00:00Z' }));
      (await acquireProcessLock(lockFile, conflict)).release();
    } finally {
      parent.kill();
    }
  });

  it('takes over an unreadable lock file', async () => {
    writeFileSync(lockFile, 'garbage');
    (await acquireProcessLock(lockFile, conflict)).release();
  });

  it('keeps out while another live process holds the lock', async () => {
    const other = spawn('sleep', ['30']);
    try {
      const holder = { pid: other.pid as number, startTime: processStartTime(other.pid as number), acquiredAt: new Date().toISOString() };
      expect(isAlive(holder)).toBe(true);
      writeFileSync(lockFile, JSON.stringify(holder));
      await expect(acquireProcessLock(lockFile, conflict)).rejects.toMatchObject({ code: 'THING_IN_USE', details: { pid: holder.pid } });
      expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toEqual(holder); // left untouched
    } finally {
      other.kill();
    }
  });
});
