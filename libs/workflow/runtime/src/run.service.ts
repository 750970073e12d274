import type { AuditRecorder } from '@conveyor/audit';
import { DomainError, type Clock, type ErrorInfo } from '@conveyor/kernel';
import type { RunStore, StepExecutionRow } from '@conveyor/persistence';
import type { Dispatcher } from './dispatcher';
import type { RunAdvancer } from './run-advancer';
import type { RunCreator } from './run-creator';
import type { Actor, RunFilter, RunService, RunState, RunSummary, RunView, StartRunRequest } from './runtime-ports';
import { toEventView, toRunSummary, toStepView } from './views';

const FINAL = ['succeeded', 'failed', 'cancelled'];

export class RunServiceImpl implements RunService {
  constructor(
    private readonly runs: RunStore,
    private readonly creator: RunCreator,
    private readonly advancer: RunAdvancer,
    private readonly dispatcher: Dispatcher,
    private readonly clock: Clock,
    private readonly audit: AuditRecorder,
  ) {}

  // Audit records are appended last in each transaction: the append holds the trail's lock until commit.
  async start(request: StartRunRequest, actor: Actor): Promise<RunSummary> {
    const { run, after } = await this.runs.transaction((tx) => this.creator.createInTransaction(tx, request, actor.id));
    await this.dispatcher.afterCommit(after);
    return toRunSummary(run);
  }

  async list(filter: RunFilter): Promise<{ items: RunSummary[]; nextCursor?: string }> {
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
    let after: { createdAt: string; id: string } | undefined;
    if (filter.cursor) {
      try {
        after = JSON.parse(Buffer.from(filter.cursor, 'base64url').toString('utf8'));
      } catch {
        throw new DomainError('INVALID_CURSOR', 'The page cursor is not valid');
      }
    }
    const rows = await this.runs.listRuns({ workflowId: filter.workflowId, status: filter.status, limit: limit + 1, after });
    const items = rows.slice(0, limit).map(toRunSummary);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    const nextCursor = last ? Buffer.from(JSON.stringify({ createdAt: last.createdAt.toISOString(), id: last.id })).toString('base64url') : undefined;
    return nextCursor ? { items, nextCursor } : { items };
  }

  async get(runId: string): Promise<RunView> {
    const run = await this.runs.getRun(assertUuid(runId));
    if (!run) throw new DomainError('RUN_NOT_FOUND', `There is no run "${runId}"`);
    const [steps, events] = await Promise.all([this.runs.getRunSteps(run.id), this.runs.getRunEvents(run.id)]);
    return {
      ...toRunSummary(run),
      inputs: run.inputs,
      ...(run.outputs ? { outputs: run.outputs } : {}),
      ...(run.error ? { error: run.error } : {}),
      steps: steps.map(toStepView),
      events: events.map(toEventView),
    };
  }

  async getStates(runIds: string[]): Promise<RunState[]> {
    const found = await this.runs.getRunsWithSteps([...new Set(runIds)].filter((id) => UUID.test(id)));
    return found.map(({ run, steps }) => ({
      ...toRunSummary(run),
      inputs: run.inputs,
      ...(run.outputs ? { outputs: run.outputs } : {}),
      ...(run.error ? { error: run.error } : {}),
      steps: steps.map(toStepView),
    }));
  }

  newestRunIdsByDocument(documentIds: string[]): Promise<Map<string, string>> {
    return this.runs.newestRunIdsByDocument(documentIds);
  }

  async cancel(runId: string, actor: Actor): Promise<RunSummary> {
    return this.stop(assertUuid(runId), 'cancelled', undefined, actor);
  }

  /** A run past its workflow's `timeout`: its open steps are cancelled and it fails with RUN_TIMEOUT. */
  async timeOut(runId: string, actor: Actor): Promise<RunSummary | undefined> {
    const error = { code: 'RUN_TIMEOUT', message: `Run ${runId} did not finish within its workflow's timeout` };
    return this.stop(runId, 'failed', error, actor).catch((failure) => {
      if (failure instanceof DomainError && failure.code === 'RUN_ALREADY_FINISHED') return undefined;
      throw failure;
    });
  }

  /** Ends a run that is still going: open steps are cancelled, in-flight handlers aborted, child runs cancelled. */
  private async stop(runId: string, status: 'cancelled' | 'failed', error: ErrorInfo | undefined, actor: Actor): Promise<RunSummary> {
    const now = this.clock.now();
    const run = await this.runs.transaction(async (tx) => {
      const locked = await tx.lockRun(runId);
      if (!locked) throw new DomainError('RUN_NOT_FOUND', `There is no run "${runId}"`);
      if (FINAL.includes(locked.status)) throw new DomainError('RUN_ALREADY_FINISHED', `Run ${runId} already ${locked.status}`);
      const cancelled = await tx.cancelOpenSteps(locked.id, now);
      await tx.updateRunStatus(locked.id, status, now, { finished: true, ...(error ? { error } : {}) });
      await tx.insertEvents([
        ...cancelled.map((step: StepExecutionRow) => ({ runId: locked.id, type: 'step.cancelled', actor: actor.id, at: now, stepExecutionId: step.id,
          stepId: step.stepId, itemIndex: step.itemIndex, attempt: step.attempt })),
        { runId: locked.id, type: `run.${status}`, actor: actor.id, at: now, ...(error ? { data: { error } } : {}) },
      ]);
      await this.audit.record({
        actor: actor.id, action: status === 'cancelled' ? 'run.cancelled' : 'run.timed-out', entityType: 'run', entityId: locked.id,
        runId: locked.id, workflowId: locked.workflowId, revision: locked.revision, at: now, before: { status: locked.status },
        after: { status, ...(error ? { error } : {}) }, details: { cancelledSteps: cancelled.map((step: StepExecutionRow) => step.stepId) },
      }, tx.sql);
      return { ...locked, status, finishedAt: now, error: error ?? null };
    });
    await this.dispatcher.afterCommit({ jobs: [], finishedRuns: [{ runId: run.id, workflowId: run.workflowId, status, startedAt: run.startedAt, stopped: true }] });
    for (const child of await this.runs.findActiveChildren(run.id)) {
      await this.cancel(child.id, { id: `run:${run.id}` }).catch(() => undefined);
    }
    return toRunSummary(run);
  }

  /**
   * Retries a failed run from where it failed: the failed steps (a failed foreach step with all its items)
   * are queued again as new attempts; steps that succeeded keep their outputs and do not run again.
   */
  async retry(runId: string, actor: Actor): Promise<RunSummary> {
    const now = this.clock.now();
    const { run, after } = await this.runs.transaction(async (tx) => {
      const locked = await tx.lockRun(assertUuid(runId));
      if (!locked) throw new DomainError('RUN_NOT_FOUND', `There is no run "${runId}"`);
      if (locked.status !== 'failed') throw new DomainError('RUN_NOT_RETRYABLE', `Only failed runs can be retried; run ${runId} is ${locked.status}`);
      const rows = await tx.loadCurrentSteps(locked.id);
      const failedSteps = new Set(rows.filter((row) => row.status === 'failed' && !row.errorHandled).map((row) => row.stepId));
      const toSupersede = rows.filter((row) => failedSteps.has(row.stepId)).map((row) => row.id);
      await tx.supersede(toSupersede);
      await tx.countRetry(locked.id);
      await tx.updateRunStatus(locked.id, 'running', now, { error: null, finished: false });
      await tx.insertEvents([{ runId: locked.id, type: 'run.retried', actor: actor.id, at: now, data: { steps: [...failedSteps] } }]);
      const running = { ...locked, status: 'running', finishedAt: null, retries: locked.retries + 1 };
      const after = await this.advancer.advance(tx, running, actor.id);
      await this.audit.record({
        actor: actor.id, action: 'run.retried', entityType: 'run', entityId: locked.id, runId: locked.id, workflowId: locked.workflowId,
        revision: locked.revision, at: now, before: { status: locked.status, error: locked.error, retries: locked.retries },
        after: { status: running.status, retries: running.retries }, details: { retriedSteps: [...failedSteps] },
      }, tx.sql);
      return { run: running, after };
    });
    await this.dispatcher.afterCommit(after);
    return toRunSummary(run);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function assertUuid(id: string): string {
  if (!UUID.test(id)) throw new DomainError('RUN_NOT_FOUND', `There is no run "${id}"`);
  return id;
}
