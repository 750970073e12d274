import type { AuditRecorder } from '@conveyor/audit';
import { DomainError, newId, type Clock } from '@conveyor/kernel';
import type { RunRow, RunTransaction, Sql, WorkflowStore } from '@conveyor/persistence';
import { validateRunInputs } from '@conveyor/workflow-dsl';
import type { DefinitionCache } from './definition-cache';
import { emptyAfterCommit, type AfterCommit, type RunAdvancer } from './run-advancer';

export interface CreateRunRequest {
  workflowId: string;
  revision?: number;
  inputs: Record<string, unknown>;
  trigger: Record<string, unknown>;
  idempotencyKey?: string;
  parentRunId?: string;
  parentStepExecutionId?: string;
}

/** Creates runs: checks inputs against the revision, inserts the run, and queues its first steps. */
export class RunCreator {
  constructor(
    private readonly workflows: WorkflowStore,
    private readonly definitions: DefinitionCache,
    private readonly advancer: RunAdvancer,
    private readonly clock: Clock,
    private readonly audit: AuditRecorder,
  ) {
    advancer.startRunInTransaction = async (tx, request, actor) => (await this.createInTransaction(tx, request, actor)).after;
  }

  async resolveRevision(workflowId: string, revision?: number, sql?: Sql): Promise<number> {
    if (revision !== undefined) return revision;
    const latest = await this.workflows.getRevision(workflowId, undefined, sql);
    if (!latest) throw new DomainError('WORKFLOW_NOT_FOUND', `There is no workflow "${workflowId}"`);
    return latest.revision;
  }

  async createInTransaction(tx: RunTransaction, request: CreateRunRequest, actor: string): Promise<{ run: RunRow; created: boolean; after: AfterCommit }> {
    if (request.idempotencyKey) {
      const existing = await tx.findRunByIdempotencyKey(request.idempotencyKey);
      if (existing) return { run: existing, created: false, after: emptyAfterCommit() };
    }
    const revision = await this.resolveRevision(request.workflowId, request.revision, tx.sql);
    const definition = await this.definitions.get(request.workflowId, revision, tx.sql);
    const checked = validateRunInputs(definition.inputs, request.inputs ?? {});
    if (!checked.ok) {
      const problems = checked.problems.map((problem) => `${problem.input}: ${problem.message}`);
      throw new DomainError('INPUT_INVALID', `The run's inputs are not valid: ${problems.join('; ')}`, { problems: checked.problems });
    }
    const now = this.clock.now();
    const id = newId();
    const inserted = await tx.insertRun({
      id, workflowId: request.workflowId, revision, status: 'running', inputs: checked.values as Record<string, unknown>, trigger: request.trigger,
      idempotencyKey: request.idempotencyKey, parentRunId: request.parentRunId, parentStepExecutionId: request.parentStepExecutionId,
      createdAt: now, startedAt: now,
      deadlineAt: definition.timeout !== undefined ? new Date(now.getTime() + definition.timeout) : undefined,
      startedBy: actor,
    });
    if (!inserted) {
      const existing = await tx.findRunByIdempotencyKey(request.idempotencyKey as string);
      if (existing) return { run: existing, created: false, after: emptyAfterCommit() };
    }
    await tx.insertEvents([
      { runId: id, type: 'run.queued', actor, at: now, data: { trigger: request.trigger } },
      { runId: id, type: 'run.started', actor, at: now },
    ]);
    const run = (await tx.lockRun(id)) as RunRow;
    const after = await this.advancer.advance(tx, run, actor, []);
    const started = (await tx.lockRun(id)) as RunRow;
    // Last in the transaction: the append holds the audit trail's lock until commit. Covers every way a run
    // starts (API, CLI, cron, events, webhooks, error workflows, child runs).
    await this.audit.record({
      actor, action: 'run.started', entityType: 'run', entityId: id, runId: id, workflowId: started.workflowId, revision: started.revision,
      at: now, before: null,
      after: { status: started.status, inputs: started.inputs, trigger: started.trigger, ...(started.parentRunId ? { parentRunId: started.parentRunId } : {}) },
    }, tx.sql);
    return { run: started, created: true, after };
  }
}
