import { createHash } from 'node:crypto';
import { createTwoFilesPatch } from 'diff';
import type { AuditRecorder } from '@conveyor/audit';
import { DomainError, type Clock } from '@conveyor/kernel';
import type { RevisionRow, WorkflowStore } from '@conveyor/persistence';
import { parseWorkflow, type StepTypeCatalog, type ValidationProblem } from '@conveyor/workflow-dsl';
import { nextFireTime } from './cron-schedule';
import type { Actor, PublishResult, RevisionDiff, WorkflowRevisionView, WorkflowService, WorkflowSummary } from './runtime-ports';
import { toRevisionView } from './views';

/** Publishing creates immutable revisions; rollback republishes an earlier revision's text. */
export class WorkflowServiceImpl implements WorkflowService {
  constructor(
    private readonly store: WorkflowStore,
    private readonly catalog: StepTypeCatalog,
    private readonly clock: Clock,
    private readonly audit: AuditRecorder,
  ) {}

  validate(yaml: string, file?: string): ValidationProblem[] {
    const result = parseWorkflow(yaml, { file, catalog: this.catalog });
    return result.ok ? [] : result.problems;
  }

  async publish(yaml: string, actor: Actor, rolledBackFrom?: number): Promise<PublishResult> {
    const parsed = parseWorkflow(yaml, { catalog: this.catalog });
    if (!parsed.ok) return { ok: false, problems: parsed.problems };
    const definition = parsed.definition;
    const now = this.clock.now();
    const { revision, created } = await this.store.publish({
      workflowId: definition.id,
      name: definition.name,
      description: definition.description,
      yaml,
      definition,
      contentHash: createHash('sha256').update(yaml).digest('hex'),
      createdBy: actor.id,
      rolledBackFrom,
      at: now,
      triggers: definition.triggers.map((trigger) => ({
        triggerId: trigger.id,
        type: trigger.type,
        event: trigger.type === 'event' ? trigger.event : undefined,
        spec: trigger,
        nextFireAt: trigger.type === 'cron' ? nextFireTime(trigger.cron, trigger.timezone, now) : null,
      })),
    });
    // Recorded after the store's own transaction commits: a crash in between leaves a revision unaudited.
    if (created) await this.recordPublished(revision, actor, rolledBackFrom);
    return { ok: true, revision: toRevisionView(revision), created };
  }

  /** Revisions are numbered without gaps under the workflow's lock, so the one before is revision - 1. */
  private async recordPublished(revision: RevisionRow, actor: Actor, rolledBackFrom: number | undefined): Promise<void> {
    const previous = revision.revision > 1 ? await this.store.getRevision(revision.workflowId, revision.revision - 1) : undefined;
    const state = (row: RevisionRow) => ({ revision: row.revision, contentHash: row.contentHash, yaml: row.yaml });
    await this.audit.record({
      actor: actor.id, action: rolledBackFrom === undefined ? 'workflow.published' : 'workflow.rolled-back', entityType: 'workflow',
      entityId: revision.workflowId, workflowId: revision.workflowId, revision: revision.revision, at: revision.createdAt,
      before: previous ? state(previous) : null, after: state(revision), ...(rolledBackFrom !== undefined ? { details: { rolledBackFrom } } : {}),
    });
  }

  async list(): Promise<WorkflowSummary[]> {
    const rows = await this.store.list();
    return Promise.all(rows.map(async (row) => ({
      id: row.id,
      name: row.name,
      ...(row.description ? { description: row.description } : {}),
      latestRevision: row.latestRevision,
      updatedAt: row.updatedAt.toISOString(),
      triggers: (await this.store.triggersOf(row.id)).map((trigger) => trigger.type),
    })));
  }

  async listRevisions(workflowId: string): Promise<WorkflowRevisionView[]> {
    const rows = await this.store.listRevisions(workflowId);
    if (rows.length === 0) throw new DomainError('WORKFLOW_NOT_FOUND', `There is no workflow "${workflowId}"`);
    return rows.map(toRevisionView);
  }

  async getRevision(workflowId: string, revision?: number): Promise<WorkflowRevisionView> {
    const row = await this.store.getRevision(workflowId, revision);
    if (!row) {
      throw new DomainError('WORKFLOW_NOT_FOUND', revision === undefined ? `There is no workflow "${workflowId}"` : `Workflow "${workflowId}" has no revision ${revision}`);
    }
    return toRevisionView(row);
  }

  async diff(workflowId: string, from: number, to: number): Promise<RevisionDiff> {
    const [a, b] = await Promise.all([this.getRevision(workflowId, from), this.getRevision(workflowId, to)]);
    return { workflowId, from, to, unified: createTwoFilesPatch(`${workflowId}@${from}`, `${workflowId}@${to}`, a.yaml, b.yaml) };
  }

  async rollback(workflowId: string, toRevision: number, actor: Actor): Promise<WorkflowRevisionView> {
    const target = await this.getRevision(workflowId, toRevision);
    const result = await this.publish(target.yaml, actor, toRevision);
    if (!result.ok) throw new DomainError('ROLLBACK_INVALID', `Revision ${toRevision} no longer validates`, { problems: result.problems });
    return result.revision;
  }
}
