import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploaded documents (issue 4). Every upload is a row, accepted or not: rejected files keep their reason,
 * and a second upload of accepted bytes is a 'duplicate' row pointing at the first. The SHA-256 is unique
 * among accepted documents only (received, stored), which is what makes duplicate detection race-free.
 */
export class Documents1795434100000 implements MigrationInterface {
  readonly name = 'Documents1795434100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS documents`);
  }
}

const UP = [
  `CREATE TABLE documents (
    id uuid NOT NULL,
    sha256 char(64) NOT NULL,
    file_name text NOT NULL,
    media_type text NULL,
    size_bytes bigint NOT NULL,
    pages int NULL,
    width_px int NULL,
    height_px int NULL,
    status text NOT NULL,
    error_code text NULL,
    error_message text NULL,
    storage_key text NOT NULL,
    duplicate_of uuid NULL,
    uploaded_by text NOT NULL,
    uploaded_at timestamptz NOT NULL,
    announced_at timestamptz NULL,
    CONSTRAINT pk_documents PRIMARY KEY (id),
    CONSTRAINT fk_documents_duplicate_of FOREIGN KEY (duplicate_of) REFERENCES documents (id),
    CONSTRAINT ck_documents_status CHECK (status IN ('received', 'stored', 'rejected', 'duplicate')),
    CONSTRAINT ck_documents_rejection CHECK ((status = 'rejected') = (error_code IS NOT NULL)),
    CONSTRAINT ck_documents_duplicate CHECK ((status = 'duplicate') = (duplicate_of IS NOT NULL)),
    CONSTRAINT ck_documents_size CHECK (size_bytes >= 0)
  )`,
  `CREATE UNIQUE INDEX uq_documents_accepted_sha256 ON documents (sha256) WHERE status IN ('received', 'stored')`,
  `CREATE INDEX ix_documents_sha256 ON documents (sha256)`,
  `CREATE INDEX ix_documents_uploaded ON documents (uploaded_at DESC, id DESC)`,
  `CREATE INDEX ix_documents_status_uploaded ON documents (status, uploaded_at DESC, id DESC)`,
  `CREATE INDEX ix_documents_uploaded_by ON documents (uploaded_by, uploaded_at DESC, id DESC)`,
  `CREATE INDEX ix_documents_duplicate_of ON documents (duplicate_of) WHERE duplicate_of IS NOT NULL`,
];
