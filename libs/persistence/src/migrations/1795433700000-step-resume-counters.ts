import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * attempt_base: attempts made before a manual retry of the run (retry policies count from it).
 * resumes: how many times a waiting step was put back in the queue (part of its job id).
 */
export class StepResumeCounters1795433700000 implements MigrationInterface {
  name = 'StepResumeCounters1795433700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE step_executions ADD COLUMN attempt_base integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE step_executions ADD COLUMN resumes integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE step_executions DROP COLUMN resumes`);
    await queryRunner.query(`ALTER TABLE step_executions DROP COLUMN attempt_base`);
  }
}
