import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '@conveyor/observability';
import { createStepWorker } from '@conveyor/queue-bullmq';
import type { StepExecutor } from './step-executor';

export interface WorkerRunnerOptions {
  prefix: string;
  concurrency: number;
  lockDurationMs: number;
}

/** Runs step jobs from the queue until stopped; stopping lets in-flight steps finish or hands them back. */
export class WorkerRunner {
  private worker?: Worker;

  constructor(private readonly connection: Redis, private readonly executor: StepExecutor, private readonly logger: Logger, private readonly options: WorkerRunnerOptions) {}

  start(): void {
    this.worker = createStepWorker(this.connection, (payload) => this.executor.execute(payload), {
      ...this.options,
      onError: (error) => this.logger.error({ err: error }, 'step worker error'),
      onUnknownJob: (name, id) => this.logger.error({ job: name, jobId: id }, 'no handler for this job name'),
    });
    this.worker.on('failed', (job, error) => this.logger.warn({ jobId: job?.id, err: error }, 'step job failed (infrastructure); BullMQ will retry it'));
    void this.worker.run().catch((error) => this.logger.error({ err: error }, 'step worker stopped'));
  }

  /**
   * Waits up to `graceMs` for in-flight steps; after that, aborts them and closes without waiting:
   * their jobs are picked up by another worker once the lock expires (at-least-once).
   */
  async stop(graceMs: number): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    let timer: NodeJS.Timeout | undefined;
    const graceful = worker.close().then(() => true);
    const expired = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
    const finished = await Promise.race([graceful, expired]);
    clearTimeout(timer);
    if (!finished) {
      this.logger.warn('in-flight steps did not finish in time; handing them back to the queue');
      this.executor.abortRun();
      await worker.close(true);
    }
  }
}
