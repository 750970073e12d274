import type { Clock } from '@conveyor/kernel';
import type { Logger } from '@conveyor/observability';
import type { RunStore } from '@conveyor/persistence';
import type { StepQueue } from '@conveyor/queue-bullmq';
import type { AfterCommit } from './run-advancer';
import type { RuntimeMetrics } from './runtime-metrics';

/**
 * The second half of the transactional outbox: after a transaction commits, its jobs go to Redis and
 * their rows are marked dispatched. If the process dies in between, the scheduler's sweep sends them
 * (same job ids, so nothing runs twice because of it).
 */
export class Dispatcher {
  /** Called with the ids of runs that finished (to cancel their in-flight children, etc.). */
  onRunsFinished?: (runs: AfterCommit['finishedRuns']) => void;

  private pendingMarks: string[] = [];
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
    this.pendingMarks.push(...after.jobs.map((job) => job.payload.stepExecutionId));
    if (this.pendingMarks.length >= 500) void this.flush();
    else this.markTimer ??= setTimeout(() => void this.flush(), 50);
  }

  /**
   * Marks enqueued rows as dispatched, many per statement. Until marked, a row only risks being
   * enqueued again by the sweep, under the same job id: harmless.
   */
  async flush(): Promise<void> {
    clearTimeout(this.markTimer);
    this.markTimer = undefined;
    await this.marking;
    const ids = this.pendingMarks.splice(0);
    if (ids.length === 0) return;
    this.marking = this.runs.markDispatched(ids, this.clock.now()).catch((error) => {
      this.logger.warn({ err: error }, 'could not mark jobs dispatched; the outbox sweep may send them again (harmless)');
    });
    await this.marking;
  }
}
