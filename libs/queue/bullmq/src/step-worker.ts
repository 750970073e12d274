import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { STEP_QUEUE, EXECUTE_STEP_JOB, executeStepPayloadSchema, type ExecuteStepPayload } from '@conveyor/queue-contracts';

export interface StepWorkerOptions {
  prefix: string;
  concurrency: number;
  /** After this long without a heartbeat from a worker (kill -9), its job is handed to another worker. */
  lockDurationMs: number;
  onError?: (error: Error) => void;
  onUnknownJob?: (name: string, id: string | undefined) => void;
}

export type StepJobHandler = (payload: ExecuteStepPayload, job: { id: string; attemptsMade: number }) => Promise<void>;

/**
 * One job name, one payload schema, one handler. A malformed payload is a bug upstream:
 * it fails the job without retry rather than crashing the process.
 */
export function createStepWorker(connection: Redis, handler: StepJobHandler, options: StepWorkerOptions): Worker {
  const worker = new Worker(
    STEP_QUEUE,
    async (job: Job) => {
      if (job.name !== EXECUTE_STEP_JOB) {
        options.onUnknownJob?.(job.name, job.id);
        return;
      }
      const payload = executeStepPayloadSchema.parse(job.data);
      await handler(payload, { id: job.id ?? '', attemptsMade: job.attemptsMade });
    },
    {
      connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      lockDuration: options.lockDurationMs,
      stalledInterval: Math.max(1000, Math.floor(options.lockDurationMs / 2)),
      // A job whose worker died is given to another worker rather than failed.
      maxStalledCount: 1000,
      autorun: false,
    },
  );
  worker.on('error', (error) => options.onError?.(error));
  return worker;
}
