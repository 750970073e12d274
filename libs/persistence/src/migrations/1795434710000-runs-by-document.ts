import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The newest run of a document (the live document stream opens with it): runs are found by the document
 * they were started for without reading the whole table.
 */
export class RunsByDocument1795434710000 implements MigrationInterface {
  readonly name = 'RunsByDocument1795434710000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS ix_runs_document_created ON runs ((inputs->>'documentId'), created_at DESC) WHERE inputs ? 'documentId'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS ix_runs_document_created`);
  }
}
