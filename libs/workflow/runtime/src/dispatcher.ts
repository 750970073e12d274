import type { Clock } from '@conveyor/kernel';
import type { Logger } from '@conveyor/observability';
import type { RunStore } from '@conveyor/persistence';
import type { StepQueue } from '@conveyor/queue-bullmq';
import type { AfterCommit } from './run-advancer';
import type { RuntimeMetrics } from './runtime-metrics';

/** See markTick. */
const MARK_AFTER_MS = 500;

/**
 * The second half of the transactional outbox: after a transaction commits, its jobs go to Redis and
 * their rows are marked dispatched. If the process dies in between, the scheduler's sweep sends them
 * (same job ids, so nothing runs twice because of it).
 */
export class Dispatcher {
  /** Called with the ids of runs that finished (to cancel their in-flight children, etc.). */
  onRunsFinished?: (runs: AfterCommit['finishedRuns']) => void;

  /** Enqueued jobs not marked yet, in two generations: older (enqueued before the last tick) and newer. */
  private olderMarks: string[] = [];
  private newerMarks: string[] = [];
  private markTimer?: NodeJS.Timeout;
  private marking?: Promise<void>;

  constructor(
    private readonly runs: RunStore,
    private readonly queue: StepQueue,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly metrics: RuntimeMetrics,
  ) {}

  async afterCommit(after: AfterCommit): Promise<void> {
    for (const finished of after.finishedRuns) this.metrics.countRunFinished(finished.workflowId, finished.status);
    if (after.finishedRuns.length > 0) this.onRunsFinished?.(after.finishedRuns);
    if (after.jobs.length === 0) return;
    try {
      await this.queue.enqueue(after.jobs);
    } catch (error) {
      // Not fatal: the rows stay undispatched and the outbox sweep sends them.
      this.logger.warn({ err: error, jobs: after.jobs.length }, 'could not enqueue step jobs now; the outbox sweep will retry');
      return;
    }
    for (const job of after.jobs) this.newerMarks.push(job.payload.stepExecutionId);
    this.markTimer ??= setTimeout(() => this.markTick(), MARK_AFTER_MS);
  }

  /**
   * Every MARK_AFTER_MS the older generation is marked and the newer one becomes older: a row is marked
   * at least that long after its job was enqueued. By then most have been started by a worker, which
   * marks them itself; only those still waiting in Redis are written. The outbox sweep waits longer
   * (2 s) before it sends an unmarked row again.
   */
  private markTick(): void {
    this.markTimer = undefined;
    const ids = this.olderMarks;
    this.olderMarks = this.newerMarks;
    this.newerMarks = [];
    void this.mark(ids);
    if (this.olderMarks.length > 0) this.markTimer = setTimeout(() => this.markTick(), MARK_AFTER_MS);
  }

  /** Marks every enqueued row now (shutdown). */
  async flush(): Promise<void> {
    clearTimeout(this.markTimer);
    this.markTimer = undefined;
    const ids = [...this.olderMarks, ...this.newerMarks];
    this.olderMarks = [];
    this.newerMarks = [];
    await this.mark(ids);
  }

  /**
   * Marks enqueued rows as dispatched, many per statement. Until marked, a row only risks being
   * enqueued again by the sweep, under the same job id: harmless.
   */
  private async mark(ids: string[]): Promise<void> {
    await this.marking;
    if (ids.length === 0) return;
    this.marking = this.runs.markDispatched(ids, this.clock.now()).catch((error) => {
      this.logger.warn({ err: error }, 'could not mark jobs dispatched; the outbox sweep may send them again (harmless)');
    });
    await this.marking;
  }
}
