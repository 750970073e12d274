import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder (issue 3): filled by the audit-trail change. */
export class AuditTrail1795433800000 implements MigrationInterface {
  readonly name = 'AuditTrail1795433800000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}
