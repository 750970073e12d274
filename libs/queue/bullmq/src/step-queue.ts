import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { EXECUTE_STEP_JOB, STEP_QUEUE, executeStepJobId, type StepJobRequest } from '@conveyor/queue-contracts';

/**
 * BullMQ-level retries only cover infrastructure failures inside the handler (database unreachable);
 * a step's own retries are separate attempts decided by the engine, each a new job.
 */
const STEP_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 3600, count: 20_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export class StepQueue {
  readonly queue: Queue;

  constructor(connection: Redis, prefix: string) {
    this.queue = new Queue(STEP_QUEUE, { connection, prefix });
  }

  async enqueue(requests: StepJobRequest[]): Promise<void> {
    if (requests.length === 0) return;
    await this.queue.addBulk(
      requests.map((request) => ({
        name: EXECUTE_STEP_JOB,
        data: request.payload,
        opts: { ...STEP_JOB_OPTIONS, jobId: executeStepJobId(request.payload), delay: Math.max(0, request.delayMs) },
      })),
    );
  }

  /** True when the job is still somewhere in Redis (waiting, delayed, active, or kept after finishing). */
  async hasJob(request: StepJobRequest): Promise<boolean> {
    const job = await this.queue.getJob(executeStepJobId(request.payload));
    return job !== undefined && job !== null;
  }

  async counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
  }

  /** Age in ms of the oldest job waiting to be picked up (0 when none). */
  async oldestWaitingAgeMs(now: number): Promise<number> {
    const [oldest] = await this.queue.getJobs(['waiting', 'prioritized'], 0, 0, true);
    return oldest ? Math.max(0, now - oldest.timestamp) : 0;
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
