import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Stored reports and their deliveries (issue 6). */
export class Reports1795434200000 implements MigrationInterface {
  readonly name = 'Reports1795434200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}

const UP: string[] = [];
const DOWN: string[] = [];
