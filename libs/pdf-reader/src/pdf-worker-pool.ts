import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError } from '@conveyor/kernel';
import { pdfReadError } from './pdf-errors';
import type { PdfTask, PdfTaskResult } from './pdf-tasks';

export interface PdfWorkerPoolOptions {
  /** Reader threads at most; default: the cores Node may use (os.availableParallelism()). */
  size?: number;
  /** How long one task may take once a thread has it; default 30 s. An honest invoice takes well under one. */
  taskTimeoutMs?: number;
  /** V8 old-generation cap per thread; default 384 MB (pdf.js' canvas memory is native and comes on top). */
  maxHeapMb?: number;
  /**
   * An idle thread is ended after this long without a task (its V8 heap and pdf.js' caches go back to the
   * system) and started again on demand, at the start-up cost of a fresh thread; default 0 = kept for good.
   */
  idleTimeoutMs?: number;
  /** The thread's script; tests point it at a wrapper that misbehaves on purpose. */
  workerScript?: string;
}

/** What may change on a running pool (the shared pool is configured once the process knows its settings). */
export type PdfWorkerPoolSettings = Pick<PdfWorkerPoolOptions, 'size' | 'idleTimeoutMs'>;

export interface PdfWorkerPoolStats {
  size: number;
  workers: number;
  busy: number;
  queued: number;
  /** Threads ended because they crashed or overran the deadline (a new one takes the next task). */
  replaced: number;
  /** Threads ended after idling for idleTimeoutMs, or because the pool was made smaller. */
  retired: number;
}

interface PendingTask {
  id: number;
  task: PdfTask;
  bytes: ArrayBuffer;
  timeoutMs: number;
  resolve(result: unknown): void;
  reject(error: DomainError): void;
}

interface ReaderThread {
  worker: Worker;
  current: PendingTask | null;
  deadline: NodeJS.Timeout | null;
  /** Ends the thread once it has idled for idleTimeoutMs. */
  idleTimer: NodeJS.Timeout | null;
  /** True once the thread has loaded pdf.js; only then does it get tasks. */
  ready: boolean;
  /** Settles when the thread is ready or gone. */
  started: Promise<void>;
  settle(): void;
}

type WorkerAnswer = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: { name: string; message: string } } | { ready: true };

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_HEAP_MB = 384;
/** Loading pdf.js takes a thread well under a second on an idle machine; one that never gets there is replaced. */
const STARTUP_LIMIT_MS = 60_000;

/**
 * Long-lived pdf.js reader threads. Loading pdf.js costs a thread 0.3 to 0.8 s, so threads are kept and reused
 * across documents; one task at a time per thread (pdf.js is CPU-bound). A thread that crashes, runs out of its
 * memory cap or overruns the deadline is ended and replaced: its task fails with a DomainError, the process and
 * the other tasks carry on. Idle threads do not keep the process alive.
 */
export class PdfWorkerPool {
  private size: number;
  private idleTimeoutMs: number;
  private readonly taskTimeoutMs: number;
  private readonly maxHeapMb: number;
  private readonly workerScript: string;
  private readonly threads: ReaderThread[] = [];
  private readonly queue: PendingTask[] = [];
  private nextId = 1;
  private replaced = 0;
  private retired = 0;
  private closed = false;

  constructor(options: PdfWorkerPoolOptions = {}) {
    this.size = checkedSize(options.size ?? availableParallelism());
    this.idleTimeoutMs = checkedIdleTimeout(options.idleTimeoutMs ?? 0);
    this.taskTimeoutMs = options.taskTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxHeapMb = options.maxHeapMb ?? DEFAULT_HEAP_MB;
    this.workerScript = options.workerScript ?? join(__dirname, 'pdf-worker.js');
  }

  /** Runs one task on a copy of the bytes (the caller's array is left untouched). */
  run<T extends PdfTask>(bytes: Uint8Array, task: T, options: { timeoutMs?: number } = {}): Promise<PdfTaskResult<T>> {
    if (this.closed) return Promise.reject(new DomainError('DOCUMENT_READER_CLOSED', 'the PDF reader pool has been closed'));
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    return new Promise<PdfTaskResult<T>>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, bytes: copy.buffer, timeoutMs: options.timeoutMs ?? this.taskTimeoutMs, resolve: resolve as (result: unknown) => void, reject });
      this.dispatch();
    });
  }

  /**
   * Starts every thread now and waits until each has loaded pdf.js, so that the first documents do not pay for
   * it (call it when a worker process starts). Threads are otherwise started on demand.
   */
  async warmUp(): Promise<void> {
    if (this.closed) return;
    while (this.threads.length < this.size) this.startThread();
    await Promise.all(this.threads.map((thread) => thread.started));
  }

  stats(): PdfWorkerPoolStats {
    const busy = this.threads.filter((thread) => thread.current).length;
    return { size: this.size, workers: this.threads.length, busy, queued: this.queue.length, replaced: this.replaced, retired: this.retired };
  }

  /**
   * Changes the size and the idle timeout of a running pool. Idle threads above a smaller size end now, busy
   * ones when their task is done; a larger size starts threads only as tasks arrive.
   */
  configure(settings: PdfWorkerPoolSettings): void {
    if (settings.size !== undefined) this.size = checkedSize(settings.size);
    if (settings.idleTimeoutMs !== undefined) this.idleTimeoutMs = checkedIdleTimeout(settings.idleTimeoutMs);
    for (const thread of [...this.threads]) {
      if (thread.ready && !thread.current) {
        if (this.threads.length > this.size) this.retire(thread);
        else this.idle(thread);
      }
    }
    this.dispatch();
  }

  /** Ends every thread; queued and running tasks fail with DOCUMENT_READER_CLOSED. */
  async close(): Promise<void> {
    this.closed = true;
    const closedError = () => new DomainError('DOCUMENT_READER_CLOSED', 'the PDF reader pool was closed before the task finished', {}, true);
    for (const pending of this.queue.splice(0)) pending.reject(closedError());
    const ending = this.threads.splice(0).map((thread) => {
      thread.settle();
      if (thread.deadline) clearTimeout(thread.deadline);
      if (thread.idleTimer) clearTimeout(thread.idleTimer);
      thread.current?.reject(closedError());
      thread.current = null;
      return thread.worker.terminate();
    });
    await Promise.all(ending);
  }

  /** Hands queued tasks to ready idle threads (a task's time starts there), and starts threads for the rest. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      const thread = this.threads.find((candidate) => candidate.ready && !candidate.current);
      if (!thread) break;
      const pending = this.queue.shift() as PendingTask;
      if (thread.idleTimer) clearTimeout(thread.idleTimer);
      thread.idleTimer = null;
      thread.current = pending;
      thread.worker.ref();
      thread.deadline = setTimeout(() => this.overran(thread, pending), pending.timeoutMs);
      thread.worker.postMessage({ id: pending.id, task: pending.task, bytes: pending.bytes }, [pending.bytes]);
    }
    const starting = this.threads.filter((thread) => !thread.ready).length;
    const wanted = Math.min(this.queue.length - starting, this.size - this.threads.length);
    for (let started = 0; started < wanted; started += 1) this.startThread();
  }

  private startThread(): ReaderThread {
    const worker = new Worker(this.workerScript, { execArgv: threadExecArgv(), resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
    let settle = (): void => undefined;
    const started = new Promise<void>((resolve) => (settle = resolve));
    const thread: ReaderThread = { worker, current: null, deadline: null, idleTimer: null, ready: false, started, settle };
    const startup = setTimeout(() => this.lost(thread, new DomainError('DOCUMENT_READER_CRASHED', `the PDF reader did not start within ${STARTUP_LIMIT_MS / 1000} s`, {}, true)), STARTUP_LIMIT_MS);
    startup.unref();
    void started.then(() => clearTimeout(startup));
    // Referenced while it starts (someone is waiting for it); unreferenced whenever it is idle afterwards.
    worker.on('message', (answer: WorkerAnswer) => this.answered(thread, answer));
    worker.on('error', (error: Error & { code?: string }) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.lost(
        thread,
        outOfMemory
          ? new DomainError('DOCUMENT_TOO_COMPLEX', `reading the PDF needed more than ${this.maxHeapMb} MB of memory`, { reason: 'memory' })
          : new DomainError('DOCUMENT_READER_CRASHED', `the PDF reader failed: ${error.message}`),
      );
    });
    worker.on('exit', (code) => this.lost(thread, new DomainError('DOCUMENT_READER_CRASHED', `the PDF reader stopped unexpectedly (exit code ${code})`)));
    this.threads.push(thread);
    return thread;
  }

  private answered(thread: ReaderThread, answer: WorkerAnswer): void {
    if ('ready' in answer) {
      thread.ready = true;
      thread.settle();
      this.dispatch();
      if (!thread.current) {
        thread.worker.unref();
        this.idle(thread);
      }
      return;
    }
    const pending = thread.current;
    if (!pending || pending.id !== answer.id) return;
    this.finish(thread);
    if (answer.ok) pending.resolve(answer.result);
    else pending.reject(pdfReadError(answer.error));
    this.dispatch();
    if (thread.current) return;
    // The pool was made smaller while this thread was busy: it goes now rather than idling.
    if (this.threads.length > this.size) this.retire(thread);
    else this.idle(thread);
  }

  /** Starts the idle clock of a thread that has nothing to do (no clock with idleTimeoutMs 0). */
  private idle(thread: ReaderThread): void {
    if (thread.idleTimer) clearTimeout(thread.idleTimer);
    thread.idleTimer = null;
    if (this.idleTimeoutMs <= 0 || this.closed) return;
    thread.idleTimer = setTimeout(() => {
      if (!thread.current) this.retire(thread);
    }, this.idleTimeoutMs);
    thread.idleTimer.unref();
  }

  /** Ends an idle thread on purpose: not a failure, nothing is replaced. */
  private retire(thread: ReaderThread): void {
    const index = this.threads.indexOf(thread);
    if (index < 0 || thread.current) return;
    this.threads.splice(index, 1);
    if (thread.idleTimer) clearTimeout(thread.idleTimer);
    thread.idleTimer = null;
    this.retired += 1;
    void thread.worker.terminate();
  }

  private overran(thread: ReaderThread, pending: PendingTask): void {
    if (thread.current !== pending) return;
    this.lost(thread, new DomainError('DOCUMENT_TOO_COMPLEX', `the PDF could not be read within ${pending.timeoutMs / 1000} s`, { reason: 'timeout' }));
  }

  /**
   * The thread is gone or must go: its task fails and a fresh thread takes the next one. A thread that dies
   * before it could even load pdf.js says the reader cannot start here: the waiting tasks fail (retryable)
   * rather than threads being started in a loop.
   */
  private lost(thread: ReaderThread, error: DomainError): void {
    const index = this.threads.indexOf(thread);
    if (index < 0) return;
    this.threads.splice(index, 1);
    if (thread.idleTimer) clearTimeout(thread.idleTimer);
    thread.settle();
    const pending = thread.current;
    this.finish(thread);
    void thread.worker.terminate();
    if (this.closed) return;
    this.replaced += 1;
    pending?.reject(error);
    if (!thread.ready) {
      const cannotStart = new DomainError('DOCUMENT_READER_CRASHED', `the PDF reader could not start: ${error.message}`, {}, true);
      for (const waiting of this.queue.splice(0)) waiting.reject(cannotStart);
      for (const starting of this.threads.filter((other) => !other.ready)) {
        this.threads.splice(this.threads.indexOf(starting), 1);
        starting.settle();
        void starting.worker.terminate();
      }
      return;
    }
    this.dispatch();
  }

  private finish(thread: ReaderThread): void {
    if (thread.deadline) clearTimeout(thread.deadline);
    thread.deadline = null;
    thread.current = null;
    thread.worker.unref();
  }
}

/**
 * The Node options a reader thread inherits, minus a TypeScript loader preloaded with -r (npm's bench scripts
 * run that way): the thread runs plain JavaScript, and the loader would cost every thread about 100 MB.
 */
function threadExecArgv(): string[] {
  const kept: string[] = [];
  const args = process.execArgv;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if ((arg === '-r' || arg === '--require') && args[index + 1]?.includes('@swc-node/register')) index += 1;
    else if (!/^--require=.*@swc-node\/register/.test(arg)) kept.push(arg);
  }
  return kept;
}

function checkedSize(size: number): number {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`the PDF reader pool size must be a positive integer, got ${size}`);
  return size;
}

function checkedIdleTimeout(milliseconds: number): number {
  if (!Number.isFinite(milliseconds) || milliseconds < 0) throw new RangeError(`the idle timeout must be 0 or more milliseconds, got ${milliseconds}`);
  return milliseconds;
}

let shared: PdfWorkerPool | undefined;
let sharedSettings: PdfWorkerPoolSettings = {};

/**
 * The process-wide pool every PDF reader of the process shares (intake's page count, text layers, rendering,
 * e-invoice attachments): created on first use with the settings given to configureSharedPdfWorkerPool, else
 * with the defaults.
 */
export function sharedPdfWorkerPool(): PdfWorkerPool {
  shared ??= new PdfWorkerPool(sharedSettings);
  return shared;
}

/**
 * Sets the shared pool's size and idle timeout (the platform calls it at start from the configuration). Applies
 * to the pool in place if it already exists, so it may be called again (tests start several platforms).
 */
export function configureSharedPdfWorkerPool(settings: PdfWorkerPoolSettings): void {
  sharedSettings = { ...sharedSettings, ...settings };
  shared?.configure(settings);
}
