import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Vendor extraction profiles learned from confirmed corrections, and field corrections (issue 4). */
export class VendorProfiles1795434400000 implements MigrationInterface {
  readonly name = 'VendorProfiles1795434400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}

const UP: string[] = [];
const DOWN: string[] = [];
