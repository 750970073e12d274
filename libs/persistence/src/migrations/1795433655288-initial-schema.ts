import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first schema. Hand-written SQL (never `synchronize`) that PostgreSQL and PGlite both run.
 * Table names are unqualified: every connection's search_path points at the configured schema.
 * Times come from the application's Clock, so no column defaults to now().
 */
export class InitialSchema1795433655288 implements MigrationInterface {
  readonly name = 'InitialSchema1795433655288';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['run_events', 'step_executions', 'runs', 'workflow_triggers', 'workflow_revisions', 'workflows']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}

const RUN_STATUSES = `'queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'`;
const STEP_STATUSES = `'queued', 'running', 'waiting', 'succeeded', 'failed', 'skipped', 'cancelled'`;

const UP = [
  `CREATE TABLE workflows (
    id text NOT NULL,
    name text NOT NULL,
    description text NULL,
    latest_revision int NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT pk_workflows PRIMARY KEY (id)
  )`,

  `CREATE TABLE workflow_revisions (
    workflow_id text NOT NULL,
    revision int NOT NULL,
    yaml text NOT NULL,
    definition jsonb NOT NULL,
    content_hash text NOT NULL,
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    rolled_back_from int NULL,
    CONSTRAINT pk_workflow_revisions PRIMARY KEY (workflow_id, revision),
    CONSTRAINT fk_workflow_revisions_workflow FOREIGN KEY (workflow_id) REFERENCES workflows (id) ON DELETE CASCADE
  )`,

  `CREATE TABLE workflow_triggers (
    workflow_id text NOT NULL,
    trigger_id text NOT NULL,
    revision int NOT NULL,
    type text NOT NULL,
    event text NULL,
    spec jsonb NOT NULL,
    next_fire_at timestamptz NULL,
    last_fired_at timestamptz NULL,
    enabled boolean NOT NULL DEFAULT true,
    CONSTRAINT pk_workflow_triggers PRIMARY KEY (workflow_id, trigger_id),
    CONSTRAINT fk_workflow_triggers_revision FOREIGN KEY (workflow_id, revision)
      REFERENCES workflow_revisions (workflow_id, revision) ON DELETE CASCADE
  )`,
  `CREATE INDEX ix_workflow_triggers_due ON workflow_triggers (type, enabled, next_fire_at)`,
  `CREATE INDEX ix_workflow_triggers_event ON workflow_triggers (type, event)`,

  `CREATE TABLE runs (
    id uuid NOT NULL,
    workflow_id text NOT NULL,
    revision int NOT NULL,
    status text NOT NULL,
    inputs jsonb NOT NULL,
    outputs jsonb NULL,
    error jsonb NULL,
    trigger jsonb NOT NULL,
    idempotency_key text NULL,
    parent_run_id uuid NULL,
    parent_step_execution_id uuid NULL,
    created_at timestamptz NOT NULL,
    started_at timestamptz NULL,
    finished_at timestamptz NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT pk_runs PRIMARY KEY (id),
    CONSTRAINT uq_runs_idempotency_key UNIQUE (idempotency_key),
    CONSTRAINT ck_runs_status CHECK (status IN (${RUN_STATUSES}))
  )`,
  `CREATE INDEX ix_runs_workflow_created ON runs (workflow_id, created_at DESC)`,
  `CREATE INDEX ix_runs_status_created ON runs (status, created_at DESC)`,
  `CREATE INDEX ix_runs_parent ON runs (parent_run_id)`,

  `CREATE TABLE step_executions (
    id uuid NOT NULL,
    run_id uuid NOT NULL,
    step_id text NOT NULL,
    item_index int NOT NULL DEFAULT -1,
    attempt int NOT NULL,
    status text NOT NULL,
    input jsonb NULL,
    outputs jsonb NULL,
    error jsonb NULL,
    item jsonb NULL,
    item_count int NULL,
    error_handled boolean NOT NULL DEFAULT false,
    skip_reason text NULL,
    superseded boolean NOT NULL DEFAULT false,
    wait_signal text NULL,
    wait_until timestamptz NULL,
    wait_state jsonb NULL,
    resume_payload jsonb NULL,
    timeout_ms int NULL,
    timeout_at timestamptz NULL,
    available_at timestamptz NOT NULL,
    queued_at timestamptz NOT NULL,
    started_at timestamptz NULL,
    finished_at timestamptz NULL,
    dispatched_at timestamptz NULL,
    worker_id text NULL,
    child_run_id uuid NULL,
    CONSTRAINT pk_step_executions PRIMARY KEY (id),
    CONSTRAINT fk_step_executions_run FOREIGN KEY (run_id) REFERENCES runs (id) ON DELETE CASCADE,
    CONSTRAINT uq_step_executions_attempt UNIQUE (run_id, step_id, item_index, attempt),
    CONSTRAINT ck_step_executions_status CHECK (status IN (${STEP_STATUSES})),
    CONSTRAINT ck_step_executions_item_index CHECK (item_index >= -1)
  )`,
  // Partial indexes: each serves one polling query of the scheduler and stays small because
  // only the rows that query can match are in it.
  `CREATE INDEX ix_step_executions_undispatched ON step_executions (available_at)
    WHERE dispatched_at IS NULL AND status = 'queued'`,
  `CREATE INDEX ix_step_executions_timeout ON step_executions (timeout_at) WHERE status = 'running'`,
  `CREATE INDEX ix_step_executions_wait_signal ON step_executions (wait_signal) WHERE status = 'waiting'`,
  `CREATE INDEX ix_step_executions_wait_until ON step_executions (wait_until) WHERE status = 'waiting'`,
  `CREATE INDEX ix_step_executions_current ON step_executions (run_id) WHERE NOT superseded`,

  `CREATE TABLE run_events (
    id bigserial NOT NULL,
    run_id uuid NOT NULL,
    step_execution_id uuid NULL,
    step_id text NULL,
    item_index int NULL,
    attempt int NULL,
    type text NOT NULL,
    actor text NOT NULL,
    at timestamptz NOT NULL,
    data jsonb NULL,
    CONSTRAINT pk_run_events PRIMARY KEY (id),
    CONSTRAINT fk_run_events_run FOREIGN KEY (run_id) REFERENCES runs (id) ON DELETE CASCADE
  )`,
  `CREATE INDEX ix_run_events_run ON run_events (run_id, id)`,
];
