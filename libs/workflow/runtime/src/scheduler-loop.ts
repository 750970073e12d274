import { DomainError, isDomainError, type Clock } from '@conveyor/kernel';
import type { Logger } from '@conveyor/observability';
import { RunTransaction, type RunStore, type TriggerRow, type WorkflowStore } from '@conveyor/persistence';
import type { StepQueue } from '@conveyor/queue-bullmq';
import type { CronTrigger } from '@conveyor/workflow-dsl';
import { dueFirings } from './cron-schedule';
import type { Dispatcher } from './dispatcher';
import { emptyAfterCommit, mergeAfterCommit, resumeWaitingStep, type AfterCommit } from './run-advancer';
import type { RunCreator } from './run-creator';
import type { RunServiceImpl } from './run.service';
import type { StepExecutor } from './step-executor';

/** A periodic duty a domain adds to the scheduler (reminders, escalations, report schedules). */
export interface SchedulerDuty {
  name: string;
  /** Does what is due now; returns how many things it handled. Must be safe with several schedulers running. */
  run(): Promise<number>;
}

export interface SchedulerLoopOptions {
  tickMs: number;
  maxCatchUp: number;
  /** A worker's own timer fires first; the scheduler only steps in for workers that died or hung. */
  timeoutGraceMs: number;
  /** A queued job not in Redis after this long is sent again. */
  outboxDelayMs: number;
  /** Duties of other domains, run on every tick after the engine's own. */
  duties?: SchedulerDuty[];
}

/**
 * The scheduler's duties, one tick at a time: fire due cron triggers (replaying firings missed while no
 * scheduler ran), wake timers, time out steps whose worker vanished, and send undelivered jobs.
 * Several schedulers may run at once: every duty claims its rows with locks or conditional updates.
 */
export class SchedulerLoop {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;
  private ticks = 0;

  constructor(
    private readonly deps: {
      runs: RunStore; workflows: WorkflowStore; creator: RunCreator; executor: StepExecutor; dispatcher: Dispatcher; runService: RunServiceImpl;
      queue: StepQueue; clock: Clock; logger: Logger;
    },
    private readonly options: SchedulerLoopOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((error) => this.deps.logger.error({ err: error }, 'scheduler tick failed'))
        .finally(() => this.schedule(this.options.tickMs));
    }, delay);
  }

  /** One pass over every duty; public so tests can drive the scheduler step by step. */
  async tick(): Promise<void> {
    this.ticks++;
    await this.fireCronTriggers();
    await this.wakeTimers();
    await this.expireTimeouts();
    await this.expireRuns();
    await this.sweepOutbox();
    if (this.ticks % 30 === 0) await this.recoverLostJobs();
    for (const duty of this.options.duties ?? []) {
      await duty.run().catch((error) => this.deps.logger.error({ err: error, duty: duty.name }, 'scheduler duty failed'));
    }
  }

  async fireCronTriggers(): Promise<number> {
    let fired = 0;
    for (let i = 0; i < 100 && !this.stopped; i++) {
      const after = emptyAfterCommit();
      let tx: RunTransaction | undefined;
      const trigger = await this.deps.workflows.fireDueCronTrigger(this.deps.clock.now(), (row, sql) => this.fire(row, (tx = new RunTransaction(sql)), after));
      if (tx) this.deps.runs.announceChanges(tx);
      if (!trigger) break;
      fired++;
      await this.deps.dispatcher.afterCommit(after);
    }
    return fired;
  }

  private async fire(row: TriggerRow, tx: RunTransaction, after: AfterCommit): Promise<{ nextFireAt: Date | null; lastFiredAt: Date | null }> {
    const spec = row.spec as unknown as CronTrigger;
    const now = this.deps.clock.now();
    const { due, next } = dueFirings(spec.cron, spec.timezone, row.nextFireAt as Date, now, this.options.maxCatchUp);
    const onTimeWindow = Math.max(5000, this.options.tickMs * 3);
    const toFire = spec.catchUp === 'all' ? due
      : spec.catchUp === 'last' ? due.slice(-1)
        : due.filter((at) => now.getTime() - at.getTime() <= onTimeWindow);
    for (const at of toFire) {
      try {
        const created = await this.deps.creator.createInTransaction(tx, {
          workflowId: row.workflowId,
          revision: row.revision,
          inputs: spec.inputs ?? {},
          trigger: { type: 'cron', triggerId: row.triggerId, scheduledAt: at.toISOString() },
          idempotencyKey: `cron:${row.workflowId}:${row.triggerId}:${at.toISOString()}`,
        }, 'scheduler');
        mergeAfterCommit(after, created.after);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        this.deps.logger.error({ err: error, workflowId: row.workflowId, triggerId: row.triggerId }, 'cron trigger could not start a run');
      }
    }
    if (due.length > toFire.length) {
      this.deps.logger.warn({ workflowId: row.workflowId, triggerId: row.triggerId, skipped: due.length - toFire.length }, 'missed cron firings skipped (catchUp policy)');
    }
    return { nextFireAt: next, lastFiredAt: due.at(-1) ?? null };
  }

  async wakeTimers(): Promise<number> {
    const due = await this.deps.runs.findDueTimers(this.deps.clock.now(), 200);
    for (const step of due) {
      const after = await this.deps.runs.transaction(async (tx) => {
        const run = await tx.lockRun(step.runId);
        if (!run || ['succeeded', 'failed', 'cancelled'].includes(run.status)) return emptyAfterCommit();
        return resumeWaitingStep(tx, run, step, null, this.deps.clock.now(), 'scheduler');
      });
      await this.deps.dispatcher.afterCommit(after);
    }
    return due.length;
  }

  async expireTimeouts(): Promise<number> {
    const now = this.deps.clock.now();
    const expired = await this.deps.runs.findExpiredTimeouts(new Date(now.getTime() - this.options.timeoutGraceMs), 200);
    for (const step of expired) {
      const after = await this.deps.runs.transaction(async (tx) => {
        const run = await tx.lockRun(step.runId);
        if (!run || ['succeeded', 'failed', 'cancelled'].includes(run.status)) return emptyAfterCommit();
        const error = new DomainError('STEP_TIMEOUT', `Step "${step.stepId}" did not finish within ${step.timeoutMs} ms`);
        return this.deps.executor.recordFailure(tx, run, await this.deps.executor.stepSpec(tx, run, step.stepId), step, error.toJSON(), true, 'scheduler', now);
      });
      await this.deps.dispatcher.afterCommit(after);
    }
    return expired.length;
  }

  async expireRuns(): Promise<number> {
    const overdue = await this.deps.runs.findOverdueRuns(this.deps.clock.now(), 100);
    for (const run of overdue) await this.deps.runService.timeOut(run.id, { id: 'scheduler' });
    return overdue.length;
  }

  async sweepOutbox(): Promise<number> {
    const now = this.deps.clock.now();
    const rows = await this.deps.runs.findUndispatched(new Date(now.getTime() - this.options.outboxDelayMs), 500);
    if (rows.length === 0) return 0;
    await this.deps.dispatcher.afterCommit({
      finishedRuns: [],
      jobs: rows.map((row) => ({
        payload: { runId: row.runId, stepExecutionId: row.id, resumes: row.resumes },
        delayMs: Math.max(0, row.availableAt.getTime() - now.getTime()),
      })),
    });
    return rows.length;
  }

  /** Redis is only the transport: jobs lost with it (a restart without persistence) are rebuilt from the database. */
  async recoverLostJobs(): Promise<number> {
    const now = this.deps.clock.now();
    const rows = await this.deps.runs.findStaleDispatched(new Date(now.getTime() - 60_000), 500);
    const lost = [];
    for (const row of rows) {
      const request = { payload: { runId: row.runId, stepExecutionId: row.id, resumes: row.resumes }, delayMs: Math.max(0, row.availableAt.getTime() - now.getTime()) };
      if (!(await this.deps.queue.hasJob(request))) lost.push(request);
    }
    if (lost.length > 0) {
      this.deps.logger.warn({ jobs: lost.length }, 'step jobs missing from Redis were enqueued again');
      await this.deps.queue.enqueue(lost);
    }
    return lost.length;
  }
}
