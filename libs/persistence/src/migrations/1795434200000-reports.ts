import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored reports (issue 6): one row per generation, on demand or by a workflow's report step, with the
 * parameters it was made from and, once written, its file in the report store (key, size, SHA-256).
 * A step's idempotency key is unique, so a repeated step gets its report back instead of a second one.
 */
export class Reports1795434200000 implements MigrationInterface {
  readonly name = 'Reports1795434200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}

const UP: string[] = [
  `CREATE TABLE reports (
    id uuid NOT NULL,
    type text NOT NULL,
    parameters jsonb NOT NULL,
    format text NOT NULL,
    status text NOT NULL,
    file_key text NULL,
    file_name text NOT NULL,
    size_bytes bigint NULL,
    sha256 char(64) NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    finished_at timestamptz NULL,
    error jsonb NULL,
    idempotency_key text NULL,
    CONSTRAINT pk_reports PRIMARY KEY (id),
    CONSTRAINT ck_reports_format CHECK (format IN ('csv', 'xlsx', 'pdf')),
    CONSTRAINT ck_reports_status CHECK (status IN ('running', 'succeeded', 'failed')),
    CONSTRAINT ck_reports_file CHECK ((status = 'succeeded') = (file_key IS NOT NULL AND sha256 IS NOT NULL AND size_bytes IS NOT NULL)),
    CONSTRAINT ck_reports_error CHECK ((status = 'failed') = (error IS NOT NULL))
  )`,
  `CREATE UNIQUE INDEX uq_reports_idempotency_key ON reports (idempotency_key) WHERE idempotency_key IS NOT NULL`,
  `CREATE INDEX ix_reports_created ON reports (created_at DESC, id DESC)`,
  `CREATE INDEX ix_reports_type_created ON reports (type, created_at DESC, id DESC)`,
];
const DOWN: string[] = [`DROP TABLE IF EXISTS reports`];
