import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder (issue 4): filled by the document intake change. */
export class Documents1795434100000 implements MigrationInterface {
  readonly name = 'Documents1795434100000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}
