import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Approval tasks (issue 3): the task people decide, one decision per person and round, and the task's
 * history. No foreign key to runs: a task and its history are business records that outlive run clean-up.
 * `audience` repeats the assignees as 'user:<id>' / 'role:<name>' / 'group:<name>' so that the inbox query
 * ("assigned to me, my roles or my groups") is one array overlap served by a GIN index.
 */
export class Approvals1795434000000 implements MigrationInterface {
  readonly name = 'Approvals1795434000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['task_events', 'task_decisions', 'tasks']) await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}

const TASK_STATUSES = `'open', 'changes-requested', 'decided', 'expired', 'cancelled'`;
const OUTCOMES = `'approve', 'reject', 'request-changes'`;

const UP = [
  `CREATE TABLE tasks (
    id uuid NOT NULL,
    run_id uuid NOT NULL,
    step_execution_id text NOT NULL,
    workflow_id text NOT NULL,
    revision int NOT NULL,
    step_id text NOT NULL,
    item_index int NULL,
    title text NOT NULL,
    description text NULL,
    status text NOT NULL,
    assignees jsonb NOT NULL,
    audience text[] NOT NULL,
    required_approvals int NOT NULL,
    claimed_by text NULL,
    form_schema jsonb NULL,
    context jsonb NOT NULL,
    amount numeric NULL,
    currency text NULL,
    started_by text NULL,
    uploaded_by text NULL,
    policy jsonb NOT NULL,
    round int NOT NULL DEFAULT 1,
    changes_requested_from text NULL,
    change_requests jsonb NOT NULL DEFAULT '[]',
    due_at timestamptz NULL,
    remind_at timestamptz NULL,
    escalate_at timestamptz NULL,
    timeout_at timestamptz NULL,
    reminded_at timestamptz NULL,
    escalation_level int NOT NULL DEFAULT 0,
    outcome text NULL,
    outputs jsonb NULL,
    signalled_at timestamptz NULL,
    signal_attempts int NOT NULL DEFAULT 0,
    next_due_at timestamptz NULL,
    version int NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    decided_at timestamptz NULL,
    CONSTRAINT pk_tasks PRIMARY KEY (id),
    CONSTRAINT uq_tasks_step_execution UNIQUE (step_execution_id),
    CONSTRAINT ck_tasks_status CHECK (status IN (${TASK_STATUSES})),
    CONSTRAINT ck_tasks_outcome CHECK (outcome IS NULL OR outcome IN (${OUTCOMES})),
    CONSTRAINT ck_tasks_required_approvals CHECK (required_approvals >= 1),
    CONSTRAINT ck_tasks_round CHECK (round >= 1)
  )`,
  // The inbox: who may see it (GIN), then status, workflow, amount and due filters in (created_at, id) order.
  `CREATE INDEX ix_tasks_audience ON tasks USING gin (audience)`,
  `CREATE INDEX ix_tasks_status_created ON tasks (status, created_at, id)`,
  `CREATE INDEX ix_tasks_workflow_created ON tasks (workflow_id, created_at, id)`,
  `CREATE INDEX ix_tasks_run ON tasks (run_id)`,
  `CREATE INDEX ix_tasks_amount ON tasks (amount) WHERE amount IS NOT NULL`,
  `CREATE INDEX ix_tasks_due ON tasks (due_at) WHERE status = 'open'`,
  `CREATE INDEX ix_tasks_changes_requested_from ON tasks (changes_requested_from) WHERE status = 'changes-requested'`,
  // The scheduler's scan: only tasks with a timer or an undelivered outcome are in it.
  `CREATE INDEX ix_tasks_next_due ON tasks (next_due_at) WHERE next_due_at IS NOT NULL`,

  `CREATE TABLE task_decisions (
    task_id uuid NOT NULL,
    round int NOT NULL,
    actor text NOT NULL,
    outcome text NOT NULL,
    data jsonb NOT NULL,
    comment text NULL,
    at timestamptz NOT NULL,
    CONSTRAINT pk_task_decisions PRIMARY KEY (task_id, round, actor),
    CONSTRAINT fk_task_decisions_task FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE,
    CONSTRAINT ck_task_decisions_outcome CHECK (outcome IN (${OUTCOMES}))
  )`,
  `CREATE INDEX ix_task_decisions_actor ON task_decisions (actor)`,

  `CREATE TABLE task_events (
    id bigserial NOT NULL,
    task_id uuid NOT NULL,
    type text NOT NULL,
    actor text NOT NULL,
    at timestamptz NOT NULL,
    details jsonb NOT NULL,
    CONSTRAINT pk_task_events PRIMARY KEY (id),
    CONSTRAINT fk_task_events_task FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE
  )`,
  `CREATE INDEX ix_task_events_task ON task_events (task_id, id)`,
];
