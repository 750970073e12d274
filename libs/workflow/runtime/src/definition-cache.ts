import { DomainError } from '@conveyor/kernel';
import type { Sql, WorkflowStore } from '@conveyor/persistence';
import type { WorkflowDefinition } from '@conveyor/workflow-dsl';

/** Revisions are immutable, so a parsed definition can be kept for the life of the process. */
export class DefinitionCache {
  private readonly byKey = new Map<string, WorkflowDefinition>();

  constructor(private readonly workflows: WorkflowStore, private readonly capacity = 500) {}

  /** Inside a transaction pass its `sql`: the embedded database has a single connection. */
  async get(workflowId: string, revision: number, sql?: Sql): Promise<WorkflowDefinition> {
    const key = `${workflowId}@${revision}`;
    const cached = this.byKey.get(key);
    if (cached) return cached;
    const row = await this.workflows.getRevision(workflowId, revision, sql);
    if (!row) throw new DomainError('WORKFLOW_NOT_FOUND', `Workflow "${workflowId}" has no revision ${revision}`);
    const definition = row.definition as WorkflowDefinition;
    if (this.byKey.size >= this.capacity) this.byKey.delete(this.byKey.keys().next().value as string);
    this.byKey.set(key, definition);
    return definition;
  }
}
