import type { Worker as ThreadWorker } from 'node:worker_threads';
import type { Worker } from 'tesseract.js';
import { OCR_ERROR_CODES, ocrError } from './ocr-errors';

/** Makes a tesseract.js worker for a key (the '+'-joined languages), or switches an idle one to another key. */
export interface TesseractWorkerFactory {
  create(key: string): Promise<Worker>;
  switchTo(worker: Worker, key: string): Promise<void>;
}

interface PooledWorker {
  worker: Worker;
  key: string;
  thread: ThreadWorker | undefined;
  /** Set when the thread died or was ended: never handed out again. */
  dead: boolean;
  /** Settles when the thread has exited. */
  exited: Promise<void>;
  onDeath?: (error: Error) => void;
  /** Jobs this worker has finished. */
  jobs: number;
  /** Ends the worker once it has idled for idleTimeoutMs. */
  idleTimer?: NodeJS.Timeout;
}

export interface TesseractWorkerPoolOptions {
  /** An idle worker is ended after this long (its WebAssembly heap goes back to the system); 0 = kept. */
  idleTimeoutMs?: number;
  /** A worker is ended after this many jobs and replaced on demand (bounds slow growth of its heap); 0 = never. */
  maxJobsPerWorker?: number;
}

export interface WorkerPoolStats {
  /** Workers held (idle and busy). */
  workers: number;
  /** Worker threads started and not yet exited (counted from the threads' own exit events). */
  threads: number;
  busy: number;
  queued: number;
  /** Workers ended on purpose: idle past idleTimeoutMs, or done with maxJobsPerWorker jobs. */
  retired: number;
}

export interface RunOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * A fixed number of tesseract.js workers, created on first use and reused. Jobs wait for a free worker; a worker
 * already holding the job's languages is preferred. A job that overruns its timeout, is aborted, or whose thread
 * dies gets a DomainError and its worker is ended and replaced by a fresh one on demand: a stuck WebAssembly call
 * cannot be interrupted any other way.
 */
export class TesseractWorkerPool {
  private readonly idle: PooledWorker[] = [];
  private readonly busy = new Set<PooledWorker>();
  private readonly waiting: Array<{ grant: () => void; cancel: (error: Error) => void }> = [];
  private active = 0;
  private threads = 0;
  private retired = 0;
  private closed = false;
  private readonly idleTimeoutMs: number;
  private readonly maxJobsPerWorker: number;

  constructor(
    private readonly size: number,
    private readonly factory: TesseractWorkerFactory,
    options: TesseractWorkerPoolOptions = {},
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`pool size must be a positive integer, got ${size}`);
    this.idleTimeoutMs = options.idleTimeoutMs ?? 0;
    this.maxJobsPerWorker = options.maxJobsPerWorker ?? 0;
  }

  stats(): WorkerPoolStats {
    return { workers: this.idle.length + this.busy.size, threads: this.threads, busy: this.busy.size, queued: this.waiting.length, retired: this.retired };
  }

  async run<T>(key: string, options: RunOptions, task: (worker: Worker) => Promise<T>): Promise<T> {
    if (this.closed) throw ocrError(OCR_ERROR_CODES.closed, 'the OCR engine is closed');
    throwIfAborted(options.signal);
    await this.takeSlot(options.signal);
    let pooled: PooledWorker | undefined;
    try {
      pooled = await this.workerFor(key);
      this.busy.add(pooled);
      return await this.guard(pooled, options, task);
    } finally {
      if (pooled) {
        this.busy.delete(pooled);
        pooled.jobs += 1;
        const worn = this.maxJobsPerWorker > 0 && pooled.jobs >= this.maxJobsPerWorker;
        if (!pooled.dead && !this.closed && !worn) this.rest(pooled);
        else {
          if (worn && !pooled.dead) this.retired += 1;
          await this.end(pooled);
        }
      }
      this.active -= 1;
      this.waiting.shift()?.grant();
    }
  }

  /** Refuses new jobs, lets running ones finish, then ends every worker thread. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.cancel(ocrError(OCR_ERROR_CODES.closed, 'the OCR engine was closed'));
    while (this.active > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await Promise.all(this.idle.splice(0).map((pooled) => this.end(pooled)));
  }

  /** Puts a worker back among the idle ones, with its idle clock running. */
  private rest(pooled: PooledWorker): void {
    this.idle.push(pooled);
    if (this.idleTimeoutMs <= 0) return;
    pooled.idleTimer = setTimeout(() => {
      const index = this.idle.indexOf(pooled);
      if (index < 0) return;
      this.idle.splice(index, 1);
      this.retired += 1;
      void this.end(pooled);
    }, this.idleTimeoutMs);
    pooled.idleTimer.unref();
  }

  private takeIdle(index: number): PooledWorker {
    const [pooled] = this.idle.splice(index, 1);
    clearTimeout(pooled.idleTimer);
    pooled.idleTimer = undefined;
    return pooled;
  }

  private takeSlot(signal: AbortSignal | undefined): Promise<void> {
    if (this.active < this.size) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          this.active += 1;
          resolve();
        },
        cancel: (error: Error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      const onAbort = () => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  private async workerFor(key: string): Promise<PooledWorker> {
    const matching = this.idle.findIndex((pooled) => pooled.key === key);
    if (matching >= 0) return this.takeIdle(matching);
    // `active` counts this job: there is room for one more thread while idle + active stays within the size.
    if (this.idle.length + this.active <= this.size) return this.spawn(key);
    const pooled = this.takeIdle(0);
    try {
      await this.factory.switchTo(pooled.worker, key);
      pooled.key = key;
      return pooled;
    } catch (error) {
      await this.end(pooled);
      throw ocrError(OCR_ERROR_CODES.failed, `could not load OCR languages ${key}: ${describe(error)}`, { languages: key }, true);
    }
  }

  private async spawn(key: string): Promise<PooledWorker> {
    let worker: Worker;
    try {
      worker = await this.factory.create(key);
    } catch (error) {
      throw ocrError(OCR_ERROR_CODES.failed, `could not start an OCR worker for ${key}: ${describe(error)}`, { languages: key }, true);
    }
    // tesseract.js exposes its worker_threads Worker; an 'error' event without a listener would end the process.
    const thread = (worker as unknown as { worker?: ThreadWorker }).worker;
    let markExited = () => undefined as void;
    const pooled: PooledWorker = { worker, key, thread, dead: false, jobs: 0, exited: new Promise<void>((resolve) => (markExited = resolve)) };
    if (thread) {
      this.threads += 1;
      thread.on('error', (error) => this.die(pooled, error));
      thread.on('exit', (code) => {
        this.threads -= 1;
        markExited();
        this.die(pooled, new Error(`OCR worker thread exited with code ${code}`));
      });
    } else {
      markExited();
    }
    return pooled;
  }

  private die(pooled: PooledWorker, error: Error): void {
    if (pooled.dead) return;
    pooled.dead = true;
    clearTimeout(pooled.idleTimer);
    const index = this.idle.indexOf(pooled);
    if (index >= 0) this.idle.splice(index, 1);
    pooled.onDeath?.(error);
  }

  private guard<T>(pooled: PooledWorker, options: RunOptions, task: (worker: Worker) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        pooled.onDeath = undefined;
        outcome();
      };
      const stop = (error: Error) => {
        pooled.dead = true;
        settle(() => reject(error));
      };
      const timer = setTimeout(
        () => stop(ocrError(OCR_ERROR_CODES.timeout, `OCR took longer than ${options.timeoutMs} ms`, { timeoutMs: options.timeoutMs })),
        options.timeoutMs,
      );
      const onAbort = () => stop(abortError());
      options.signal?.addEventListener('abort', onAbort, { once: true });
      pooled.onDeath = (error) =>
        settle(() => reject(ocrError(OCR_ERROR_CODES.failed, `the OCR worker died: ${error.message}`, {}, true)));
      task(pooled.worker).then(
        (value) => settle(() => resolve(value)),
        (error: unknown) => settle(() => reject(ocrError(OCR_ERROR_CODES.failed, `tesseract failed: ${describe(error)}`))),
      );
    });
  }

  private async end(pooled: PooledWorker): Promise<void> {
    clearTimeout(pooled.idleTimer);
    pooled.dead = true;
    pooled.onDeath = undefined;
    await pooled.worker.terminate().catch(() => undefined);
    // tesseract.js does not wait for the thread to stop; callers of close() may rely on it.
    await pooled.exited;
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

function abortError(): Error {
  return ocrError(OCR_ERROR_CODES.aborted, 'OCR was aborted by the caller');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
