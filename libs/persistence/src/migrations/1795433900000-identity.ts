import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder (issue 3): filled by the identity change. */
export class Identity1795433900000 implements MigrationInterface {
  readonly name = 'Identity1795433900000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}
