import type { DataSource } from 'typeorm';
import { inTransaction, plainSql } from './transaction-runner';
import { json, type Sql } from './sql';

export interface WorkflowRow {
  id: string;
  name: string;
  description: string | null;
  latestRevision: number;
  updatedAt: Date;
}

export interface RevisionRow {
  workflowId: string;
  revision: number;
  yaml: string;
  definition: unknown;
  contentHash: string;
  createdAt: Date;
  createdBy: string;
  rolledBackFrom: number | null;
}

export interface TriggerRow {
  workflowId: string;
  triggerId: string;
  revision: number;
  type: string;
  event: string | null;
  spec: Record<string, unknown>;
  nextFireAt: Date | null;
  lastFiredAt: Date | null;
}

export interface NewRevision {
  workflowId: string;
  name: string;
  description?: string;
  yaml: string;
  definition: unknown;
  contentHash: string;
  createdBy: string;
  rolledBackFrom?: number;
  at: Date;
  triggers: { triggerId: string; type: string; event?: string; spec: unknown; nextFireAt?: Date | null }[];
}

const REVISION_COLUMNS = 'workflow_id, revision, yaml, definition, content_hash, created_at, created_by, rolled_back_from';

function toRevision(row: Record<string, unknown>): RevisionRow {
  return {
    workflowId: String(row['workflow_id']),
    revision: Number(row['revision']),
    yaml: String(row['yaml']),
    definition: row['definition'],
    contentHash: String(row['content_hash']),
    createdAt: new Date(row['created_at'] as string),
    createdBy: String(row['created_by']),
    rolledBackFrom: row['rolled_back_from'] === null ? null : Number(row['rolled_back_from']),
  };
}

function toTrigger(row: Record<string, unknown>): TriggerRow {
  return {
    workflowId: String(row['workflow_id']),
    triggerId: String(row['trigger_id']),
    revision: Number(row['revision']),
    type: String(row['type']),
    event: (row['event'] as string | null) ?? null,
    spec: (row['spec'] as Record<string, unknown>) ?? {},
    nextFireAt: row['next_fire_at'] ? new Date(row['next_fire_at'] as string) : null,
    lastFiredAt: row['last_fired_at'] ? new Date(row['last_fired_at'] as string) : null,
  };
}

const TRIGGER_COLUMNS = 'workflow_id, trigger_id, revision, type, event, spec, next_fire_at, last_fired_at';

/** Workflow definitions as immutable revisions, and the triggers of each workflow's latest revision. */
export class WorkflowStore {
  private readonly sql: Sql;

  constructor(private readonly dataSource: DataSource) {
    this.sql = plainSql(dataSource);
  }

  /**
   * Adds a revision unless its content equals the latest one. The workflow row is locked so two
   * concurrent publications get consecutive revision numbers.
   */
  async publish(revision: NewRevision): Promise<{ revision: RevisionRow; created: boolean }> {
    return inTransaction(this.dataSource, async (sql) => {
      await sql(
        `INSERT INTO workflows (id, name, description, latest_revision, created_at, updated_at) VALUES ($1, $2, $3, 0, $4, $4)
         ON CONFLICT (id) DO NOTHING`,
        [revision.workflowId, revision.name, revision.description ?? null, revision.at],
      );
      const [workflow] = await sql<{ latest_revision: number }>(`SELECT latest_revision FROM workflows WHERE id = $1 FOR UPDATE`, [revision.workflowId]);
      const latest = Number(workflow.latest_revision);
      if (latest > 0) {
        const [current] = await sql(`SELECT ${REVISION_COLUMNS} FROM workflow_revisions WHERE workflow_id = $1 AND revision = $2`, [revision.workflowId, latest]);
        if (current && current['content_hash'] === revision.contentHash) return { revision: toRevision(current), created: false };
      }
      const number = latest + 1;
      const [inserted] = await sql(
        `INSERT INTO workflow_revisions (workflow_id, revision, yaml, definition, content_hash, created_at, created_by, rolled_back_from)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${REVISION_COLUMNS}`,
        [revision.workflowId, number, revision.yaml, json(revision.definition), revision.contentHash, revision.at, revision.createdBy,
          revision.rolledBackFrom ?? null],
      );
      await sql(`UPDATE workflows SET latest_revision = $2, name = $3, description = $4, updated_at = $5 WHERE id = $1`, [
        revision.workflowId, number, revision.name, revision.description ?? null, revision.at,
      ]);
      await sql(`DELETE FROM workflow_triggers WHERE workflow_id = $1`, [revision.workflowId]);
      for (const trigger of revision.triggers) {
        await sql(
          `INSERT INTO workflow_triggers (workflow_id, trigger_id, revision, type, event, spec, next_fire_at, enabled)
           VALUES ($1, $2, $3, $4, $5, $6, $7, true)`,
          [revision.workflowId, trigger.triggerId, number, trigger.type, trigger.event ?? null, json(trigger.spec), trigger.nextFireAt ?? null],
        );
      }
      return { revision: toRevision(inserted), created: true };
    });
  }

  async list(): Promise<WorkflowRow[]> {
    const rows = await this.sql(`SELECT id, name, description, latest_revision, updated_at FROM workflows ORDER BY id`);
    return rows.map((row) => ({
      id: String(row['id']),
      name: String(row['name']),
      description: (row['description'] as string | null) ?? null,
      latestRevision: Number(row['latest_revision']),
      updatedAt: new Date(row['updated_at'] as string),
    }));
  }

  async listRevisions(workflowId: string): Promise<RevisionRow[]> {
    const rows = await this.sql(`SELECT ${REVISION_COLUMNS} FROM workflow_revisions WHERE workflow_id = $1 ORDER BY revision DESC`, [workflowId]);
    return rows.map(toRevision);
  }

  /** A given revision, or the latest when `revision` is undefined. */
  async getRevision(workflowId: string, revision?: number, sql: Sql = this.sql): Promise<RevisionRow | undefined> {
    const rows = revision === undefined
      ? await sql(
          `SELECT ${REVISION_COLUMNS} FROM workflow_revisions r WHERE workflow_id = $1
           AND revision = (SELECT latest_revision FROM workflows WHERE id = $1)`,
          [workflowId],
        )
      : await sql(`SELECT ${REVISION_COLUMNS} FROM workflow_revisions WHERE workflow_id = $1 AND revision = $2`, [workflowId, revision]);
    return rows[0] ? toRevision(rows[0]) : undefined;
  }

  async triggersOf(workflowId: string): Promise<TriggerRow[]> {
    const rows = await this.sql(`SELECT ${TRIGGER_COLUMNS} FROM workflow_triggers WHERE workflow_id = $1 ORDER BY trigger_id`, [workflowId]);
    return rows.map(toTrigger);
  }

  async eventTriggers(event: string): Promise<TriggerRow[]> {
    const rows = await this.sql(
      `SELECT ${TRIGGER_COLUMNS} FROM workflow_triggers WHERE type = 'event' AND event = $1 AND enabled ORDER BY workflow_id, trigger_id`,
      [event],
    );
    return rows.map(toTrigger);
  }

  /**
   * Claims due cron triggers one at a time (SKIP LOCKED: several schedulers never fire the same one),
   * lets `fire` start the runs in the same transaction, and stores the next firing time it returns.
   */
  async fireDueCronTrigger(
    now: Date,
    fire: (trigger: TriggerRow, sql: Sql) => Promise<{ nextFireAt: Date | null; lastFiredAt: Date | null }>,
  ): Promise<TriggerRow | undefined> {
    return inTransaction(this.dataSource, async (sql) => {
      const rows = await sql(
        `SELECT ${TRIGGER_COLUMNS} FROM workflow_triggers WHERE type = 'cron' AND enabled AND next_fire_at <= $1
         ORDER BY next_fire_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [now],
      );
      if (!rows[0]) return undefined;
      const trigger = toTrigger(rows[0]);
      const next = await fire(trigger, sql);
      await sql(
        `UPDATE workflow_triggers SET next_fire_at = $3, last_fired_at = COALESCE($4, last_fired_at) WHERE workflow_id = $1 AND trigger_id = $2`,
        [trigger.workflowId, trigger.triggerId, next.nextFireAt, next.lastFiredAt],
      );
      return trigger;
    });
  }
}
