import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: append-only records, each chained to the one before by a hash, and a one-row head
 * (last seq, last hash) so that deleting the newest records shows too.
 *
 * seq is assigned by the appender from the head (under the head's row lock), not by a sequence: a
 * sequence leaves gaps when a transaction rolls back, and here a gap must mean a deleted record.
 *
 * Triggers refuse UPDATE, DELETE and TRUNCATE of records, keep the head in step with every insert
 * (an insert that does not extend the chain is refused), and let nothing else move the head. They stop
 * accidents; the hash chain is what detects deliberate tampering (a superuser can switch triggers off).
 */
export class AuditTrail1795433800000 implements MigrationInterface {
  readonly name = 'AuditTrail1795433800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_records (
        seq bigint PRIMARY KEY CHECK (seq > 0),
        id uuid NOT NULL UNIQUE,
        -- Milliseconds, as hashed: the hash cannot see a change finer than that, so none is possible.
        at timestamptz NOT NULL CHECK (at = date_trunc('milliseconds', at)),
        actor text NOT NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        before jsonb NULL,
        after jsonb NULL,
        workflow_id text NULL,
        revision integer NULL,
        run_id uuid NULL,
        details jsonb NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX audit_records_at_idx ON audit_records (at)`);
    await queryRunner.query(`CREATE INDEX audit_records_actor_idx ON audit_records (actor, seq)`);
    await queryRunner.query(`CREATE INDEX audit_records_entity_idx ON audit_records (entity_type, entity_id, seq)`);
    await queryRunner.query(`CREATE INDEX audit_records_run_idx ON audit_records (run_id, seq) WHERE run_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX audit_records_workflow_idx ON audit_records (workflow_id, seq) WHERE workflow_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE audit_head (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        last_seq bigint NOT NULL,
        last_hash text NOT NULL
      )`);
    await queryRunner.query(`INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, repeat('0', 64))`);

    await queryRunner.query(`
      CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege', HINT = 'audit records are never changed or deleted';
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_advance_head() RETURNS trigger LANGUAGE plpgsql
      -- The schema migrated now, whatever the search_path of the session that appends.
      SET search_path FROM CURRENT AS $$
      BEGIN
        UPDATE audit_head SET last_seq = NEW.seq, last_hash = NEW.hash
          WHERE id = 1 AND last_seq = NEW.seq - 1 AND last_hash = NEW.prev_hash;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'audit record % does not extend the chain at its head', NEW.seq USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_guard_head() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Depth 2: called from audit_advance_head (an insert into audit_records); anything else is refused.
        IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'the audit head moves only when a record is appended: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records
        FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records
        FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_records_advance_head AFTER INSERT ON audit_records
        FOR EACH ROW EXECUTE FUNCTION audit_advance_head()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_head_guard BEFORE UPDATE OR DELETE ON audit_head
        FOR EACH ROW EXECUTE FUNCTION audit_guard_head()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
        FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_head`);
    await queryRunner.query(`DROP TABLE audit_records`);
    await queryRunner.query(`DROP FUNCTION audit_guard_head()`);
    await queryRunner.query(`DROP FUNCTION audit_advance_head()`);
    await queryRunner.query(`DROP FUNCTION audit_refuse_change()`);
  }
}
