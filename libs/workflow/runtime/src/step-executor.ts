import { DomainError, isDomainError, newId, toErrorInfo, type Clock, type ErrorInfo } from '@conveyor/kernel';
import type { Logger } from '@conveyor/observability';
import type { RunRow, RunStore, RunTransaction, StepExecutionRow } from '@conveyor/persistence';
import type { ExecuteStepPayload } from '@conveyor/queue-contracts';
import type { StepSpec, WorkflowDefinition } from '@conveyor/workflow-dsl';
import {
  buildExpressionContext, decideFailure, mapStepOutputs,
  type StepContext, type StepResult, type StepServices, type StepType, type StepTypeRegistry,
} from '@conveyor/workflow-engine';
import type { DefinitionCache } from './definition-cache';
import type { Dispatcher } from './dispatcher';
import { emptyAfterCommit, mergeAfterCommit, resumeWaitingStep, type AfterCommit, type RunAdvancer } from './run-advancer';
import { ClaimBatcher } from './claim-batcher';
import { OutcomeRecorder } from './outcome-recorder';
import type { RuntimeMetrics } from './runtime-metrics';
import { toRunSnapshot } from './step-snapshot';

export interface StepExecutorDeps {
  runs: RunStore;
  definitions: DefinitionCache;
  registry: StepTypeRegistry;
  advancer: RunAdvancer;
  dispatcher: Dispatcher;
  clock: Clock;
  logger: Logger;
  metrics: RuntimeMetrics;
  workerId: string;
  defaultTimeoutMs: number;
  /** Builds the services a step type may use, for one step execution. */
  services: (run: RunRow, step: StepExecutionRow) => StepServices;
}

interface FinishedStep {
  definition: WorkflowDefinition;
  spec: StepSpec | undefined;
  row: StepExecutionRow;
  outcome: Outcome;
}

type Outcome =
  | { kind: 'result'; result: StepResult }
  | { kind: 'error'; error: ErrorInfo; retryable: boolean };

/**
 * Executes one delivery of a step job. At least once: a delivery whose step is no longer queued or
 * running (already finished, superseded, cancelled) does nothing; a redelivery after a crash runs the
 * step again with the same idempotency key.
 */
export class StepExecutor {
  private readonly inFlight = new Map<string, AbortController>();
  private readonly recorder: OutcomeRecorder<FinishedStep>;
  private readonly claims: ClaimBatcher;

  constructor(private readonly deps: StepExecutorDeps) {
    this.claims = new ClaimBatcher((requests) => deps.runs.claimSteps(requests, {
      at: deps.clock.now(), workerId: deps.workerId, actor: `worker:${deps.workerId}`, defaultTimeoutMs: deps.defaultTimeoutMs,
    }));
    this.recorder = new OutcomeRecorder(deps.runs, deps.dispatcher, deps.logger,
      (tx, finished) => this.record(tx, finished.definition, finished.spec, finished.row, finished.outcome));
  }

  /** Aborts the in-flight steps of a run (cancellation) or all of them (shutdown). */
  abortRun(runId?: string): void {
    for (const [key, controller] of this.inFlight) {
      if (!runId || key.startsWith(`${runId}/`)) controller.abort(new DomainError('STEP_ABORTED', 'The step was cancelled'));
    }
  }

  async execute(payload: ExecuteStepPayload): Promise<void> {
    const { clock } = this.deps;
    const claimed = await this.claims.claim({ stepExecutionId: payload.stepExecutionId, resumes: payload.resumes });
    if (!claimed) return;
    const { step: row, run } = claimed;
    const definition = await this.deps.definitions.get(run.workflowId, run.revision);
    const spec = definition.steps.find((step) => step.id === row.stepId);
    const stepType = spec ? this.deps.registry.get(spec.type) : undefined;

    const timeoutMs = row.timeoutMs ?? this.deps.defaultTimeoutMs;
    const startedAt = row.startedAt ?? clock.now();

    const outcome = spec && stepType
      ? await this.runHandler(stepType, spec, run, row, timeoutMs)
      : { kind: 'error' as const, error: { code: 'UNKNOWN_STEP_TYPE', message: `No handler for step "${row.stepId}" (type ${spec?.type ?? 'unknown'})` }, retryable: false };
    this.deps.metrics.observeStep(spec?.type ?? 'unknown', outcome.kind === 'error' ? 'failed' : outcome.result.status, clock.now().getTime() - startedAt.getTime());

    await this.recorder.submit(row.runId, { definition, spec, row, outcome });
  }

  private async runHandler(stepType: StepType, spec: StepSpec, run: RunRow, row: StepExecutionRow, timeoutMs: number): Promise<Outcome> {
    const controller = new AbortController();
    const key = `${run.id}/${row.id}`;
    this.inFlight.set(key, controller);
    // Made on first use: most steps never log, and a child logger per step is measurable at thousands a second.
    let stepLogger: Logger | undefined;
    const logger = (): Logger =>
      (stepLogger ??= this.deps.logger.child({ runId: run.id, workflowId: run.workflowId, stepId: row.stepId, itemIndex: row.itemIndex, attempt: row.attempt }));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new DomainError('STEP_TIMEOUT', `Step "${row.stepId}" took longer than ${timeoutMs} ms`, {}, true);
        controller.abort(error);
        reject(error);
      }, timeoutMs);
    });
    const aborted = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }));
    try {
      const input = stepType.parseInput(row.input ?? {});
      const context: StepContext = {
        runId: run.id, workflowId: run.workflowId, revision: run.revision, stepId: row.stepId, itemIndex: row.itemIndex, attempt: row.attempt,
        ...(run.startedBy ? { startedBy: run.startedBy } : {}),
        idempotencyKey: `${run.id}:${row.stepId}${row.itemIndex === null ? '' : `[${row.itemIndex}]`}`,
        signal: controller.signal,
        logger: {
          info: (message, fields) => logger().info(fields ?? {}, message),
          warn: (message, fields) => logger().warn(fields ?? {}, message),
          error: (message, fields) => logger().error(fields ?? {}, message),
        },
        now: () => this.deps.clock.now(),
        resumeState: row.resumes > 0 ? row.waitState : undefined,
        resumePayload: row.resumes > 0 ? row.resumePayload : undefined,
        services: this.deps.services(run, row),
      };
      const result = await Promise.race([stepType.execute(input, context), timedOut, aborted]);
      return { kind: 'result', result };
    } catch (error) {
      const info = toErrorInfo(error, 'STEP_FAILED');
      const retryable = isDomainError(error) ? error.retryable : true;
      if (!isDomainError(error)) logger().warn({ err: error }, 'step handler threw');
      return { kind: 'error', error: info, retryable };
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(key);
    }
  }

  /** Writes the outcome under the run lock and lets the engine decide what follows. */
  private async record(tx: RunTransaction, definition: WorkflowDefinition, spec: StepSpec | undefined, row: StepExecutionRow, outcome: Outcome): Promise<AfterCommit> {
    const run = await tx.lockRun(row.runId);
    if (!run || ['succeeded', 'failed', 'cancelled'].includes(run.status)) return emptyAfterCommit();
    const now = this.deps.clock.now();
    const actor = `worker:${this.deps.workerId}`;
    const base = { runId: run.id, actor, at: now, stepExecutionId: row.id, stepId: row.stepId, itemIndex: row.itemIndex, attempt: row.attempt };
    const after = emptyAfterCommit();

    if (outcome.kind === 'result' && outcome.result.status === 'succeeded') {
      let outputs: unknown = outcome.result.outputs;
      const rows = await tx.loadCurrentSteps(run.id);
      try {
        if (spec?.outputs) {
          const context = buildExpressionContext(toRunSnapshot(run, rows), { item: row.item, index: row.itemIndex ?? undefined });
          outputs = mapStepOutputs(spec, outcome.result.outputs, context);
        }
      } catch (error) {
        return this.recordFailure(tx, run, spec, row, toErrorInfo(error, 'EXPRESSION_ERROR'), false, actor, now);
      }
      if (!(await tx.transitionStep(row.id, ['running'], 'succeeded', now, { outputs: outputs ?? null, finished: true }))) return after;
      await tx.insertEvents([{ ...base, type: 'step.succeeded' }]);
      const current = rows.map((candidate) => (candidate.id === row.id ? { ...candidate, status: 'succeeded', outputs: outputs ?? null, finishedAt: now } : candidate));
      return mergeAfterCommit(after, await this.deps.advancer.advance(tx, run, actor, current));
    } else if (outcome.kind === 'result' && outcome.result.status === 'waiting') {
      const { until, signal, state } = outcome.result;
      const childRunId = signal?.startsWith('run:') ? signal.slice(4) : undefined;
      if (!(await tx.transitionStep(row.id, ['running'], 'waiting', now, {
        waitSignal: signal ?? null, waitUntil: until ?? null, waitState: state ?? null, timeoutAt: null,
        ...(childRunId ? { childRunId } : {}),
      }))) return after;
      await tx.insertEvents([{ ...base, type: 'step.waiting', data: { ...(until ? { until: until.toISOString() } : {}), ...(signal ? { signal } : {}) } }]);
      if (childRunId) {
        const child = await tx.runStatus(childRunId);
        if (child && ['succeeded', 'failed', 'cancelled'].includes(child.status)) {
          const waiting = { ...row, status: 'waiting' };
          mergeAfterCommit(after, await resumeWaitingStep(tx, run, waiting, { status: child.status, outputs: child.outputs, error: child.error }, now, `run:${childRunId}`));
          return after;
        }
      }
    } else if (outcome.kind === 'error') {
      return this.recordFailure(tx, run, spec, row, outcome.error, outcome.retryable, actor, now);
    }
    return mergeAfterCommit(after, await this.deps.advancer.advance(tx, run, actor));
  }

  async stepSpec(tx: RunTransaction, run: RunRow, stepId: string): Promise<StepSpec | undefined> {
    const definition = await this.deps.definitions.get(run.workflowId, run.revision, tx.sql);
    return definition.steps.find((step) => step.id === stepId);
  }

  async recordFailure(tx: RunTransaction, run: RunRow, spec: StepSpec | undefined, row: StepExecutionRow, error: ErrorInfo, retryable: boolean, actor: string, now: Date): Promise<AfterCommit> {
    const after = emptyAfterCommit();
    const base = { runId: run.id, actor, at: now, stepExecutionId: row.id, stepId: row.stepId, itemIndex: row.itemIndex, attempt: row.attempt };
    if (!(await tx.transitionStep(row.id, ['running', 'queued', 'waiting'], 'failed', now, { error, finished: true }))) return after;
    const decision = spec ? decideFailure(spec, row.attempt - row.attemptBase, { ...error, retryable }, Math.random) : { kind: 'final' as const };
    if (decision.kind === 'retry') {
      await tx.supersede([row.id]);
      const id = newId();
      const attempt = row.attemptBase + decision.nextAttempt;
      await tx.insertStepExecutions([{ id, runId: run.id, stepId: row.stepId, itemIndex: row.itemIndex, attempt, attemptBase: row.attemptBase,
        status: 'queued', input: row.input, item: row.item, timeoutMs: row.timeoutMs ?? undefined,
        availableAt: new Date(now.getTime() + decision.delayMs), queuedAt: now }]);
      await tx.insertEvents([
        { ...base, type: 'step.failed', data: { error } },
        { ...base, type: 'step.retrying', data: { nextAttempt: attempt, delayMs: decision.delayMs } },
      ]);
      this.deps.metrics.countRetry(spec?.type ?? 'unknown');
      after.jobs.push({ payload: { runId: run.id, stepExecutionId: id, resumes: 0 }, delayMs: decision.delayMs });
      return after;
    }
    await tx.insertEvents([{ ...base, type: 'step.failed', data: { error } }]);
    return mergeAfterCommit(after, await this.deps.advancer.advance(tx, run, actor));
  }
}
