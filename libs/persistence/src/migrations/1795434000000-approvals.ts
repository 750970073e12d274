import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder (issue 3): filled by the approvals change. */
export class Approvals1795434000000 implements MigrationInterface {
  readonly name = 'Approvals1795434000000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}
