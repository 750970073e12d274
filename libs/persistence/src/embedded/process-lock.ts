import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError } from '@conveyor/kernel';

/** Who holds a lock file. */
export interface LockHolder {
  pid: number;
  /**
   * The holder's start time in clock ticks since boot (Linux /proc). A pid alone is not enough:
   * after a container restart the new process often gets the very same pid as the dead owner.
   */
  startTime?: string;
  acquiredAt: string;
}

export interface ProcessLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): void;
}

export interface LockConflict {
  code: string;
  message: string;
}

/**
 * Takes a lock file that says one live process owns something on disk (PGlite's data, a private
 * redis-server's data), so two processes never write the same files. A lock left behind by a dead
 * process is taken over. The lock is also dropped when this process exits without releasing it.
 */
export async function acquireProcessLock(path: string, conflict: LockConflict): Promise<ProcessLock> {
  const me: LockHolder = { pid: process.pid, startTime: processStartTime(process.pid), acquiredAt: new Date().toISOString() };
  const content = JSON.stringify(me);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(path, content)) return heldLock(path, content);
    const existing = await readLockFile(path);
    if (existing === undefined) continue; // vanished meanwhile: try again
    const holder = parseHolder(existing);
    if (holder && isAlive(holder)) {
      throw new DomainError(conflict.code, conflict.message, { lockFile: path, pid: holder.pid, since: holder.acquiredAt });
    }
    removeIfUnchanged(path, existing);
  }
  throw new DomainError(conflict.code, conflict.message, { lockFile: path });
}

function tryCreate(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Reads the lock file; an empty one may be mid-write by its creator, so it gets a moment to finish. */
async function readLockFile(path: string): Promise<string | undefined> {
  for (let attempt = 0; ; attempt++) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    if (text.length > 0 || attempt >= 2) return text;
    await sleep(50);
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    return Number.isInteger(value.pid) && (value.pid as number) > 0 ? (value as LockHolder) : undefined;
  } catch {
    return undefined;
  }
}

/** Exported for tests: whether the process that wrote a lock is still running. */
export function isAlive(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(holder.pid);
  if (!stat) return true; // not Linux: the pid is all we can go by
  // A zombie has exited and only waits to be reaped.
  return stat.state !== 'Z' && !(holder.startTime && holder.startTime !== stat.startTime);
}

/** Start time of a process in clock ticks since boot; undefined off Linux. */
export function processStartTime(pid: number): string | undefined {
  return procStat(pid)?.startTime;
}

/** State (field 3) and start time (field 22) from /proc/<pid>/stat. */
function procStat(pid: number): { state: string; startTime: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: count from after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], startTime: fields[19] };
  } catch {
    return undefined;
  }
}

/**
 * Removes a stale lock only if it still holds what we judged stale, so that a process which took
 * the lock over in the meantime keeps it (the window left is the few microseconds between the
 * read and the unlink).
 */
function removeIfUnchanged(path: string, judged: string): void {
  try {
    if (readFileSync(path, 'utf8') === judged) unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function heldLock(path: string, content: string): ProcessLock {
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.removeListener('exit', release);
    removeIfUnchanged(path, content);
  };
  process.on('exit', release);
  return { path, release };
}
