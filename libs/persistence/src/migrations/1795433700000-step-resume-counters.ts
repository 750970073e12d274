import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * attempt_base: attempts made before a manual retry of the run (retry policies count from it).
 * resumes: how many times a waiting step was put back in the queue (part of its job id).
 * runs.retries: manual retries of the run (until the first one, no step key has superseded attempts).
 * runs.deadline_at: when a workflow with a `timeout` must have finished (the scheduler fails it then).
 * runs.started_by: who started the run (segregation of duties: that person may not approve it).
 */
export class StepResumeCounters1795433700000 implements MigrationInterface {
  name = 'StepResumeCounters1795433700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE step_executions ADD COLUMN attempt_base integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE step_executions ADD COLUMN resumes integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE runs ADD COLUMN retries integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE runs ADD COLUMN deadline_at timestamptz NULL`);
    await queryRunner.query(`ALTER TABLE runs ADD COLUMN started_by text NULL`);
    await queryRunner.query(`CREATE INDEX runs_deadline_idx ON runs (deadline_at) WHERE status IN ('queued', 'running', 'waiting')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX runs_deadline_idx`);
    await queryRunner.query(`ALTER TABLE runs DROP COLUMN started_by`);
    await queryRunner.query(`ALTER TABLE runs DROP COLUMN deadline_at`);
    await queryRunner.query(`ALTER TABLE runs DROP COLUMN retries`);
    await queryRunner.query(`ALTER TABLE step_executions DROP COLUMN resumes`);
    await queryRunner.query(`ALTER TABLE step_executions DROP COLUMN attempt_base`);
  }
}
