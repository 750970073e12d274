import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bank reconciliation (issue 5): bank accounts, imported statements and their transactions (unique per account
 * on the importer's dedup key, so a re-import or an overlapping statement adds nothing), matches with their
 * allocations to open items, exceptions for people, learned rules, and settlements that turn open items paid.
 */
export class BankReconciliation1795434600000 implements MigrationInterface {
  readonly name = 'BankReconciliation1795434600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['open_item_settlements', 'reconciliation_learned_rules', 'reconciliation_exceptions', 'reconciliation_allocations',
      'reconciliation_matches', 'bank_transactions', 'bank_statements', 'bank_accounts']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
    for (const column of ['external_id', 'original_amount_minor', 'settled_at', 'payment_references']) await queryRunner.query(`ALTER TABLE open_items DROP COLUMN IF EXISTS ${column}`);
  }
}

const UP = [
  // What the item was raised for (amount_minor is what is still open), where it came from, and when it was paid in full.
  `ALTER TABLE open_items ADD COLUMN external_id text NULL, ADD COLUMN original_amount_minor bigint NULL, ADD COLUMN settled_at timestamptz NULL,
     ADD COLUMN payment_references text[] NOT NULL DEFAULT '{}'`,
  `CREATE UNIQUE INDEX uq_open_items_external_id ON open_items (external_id) WHERE external_id IS NOT NULL`,
  // One open item per accepted invoice document: recording it twice (a step retried) changes nothing.
  `CREATE UNIQUE INDEX uq_open_items_document ON open_items (document_id) WHERE document_id IS NOT NULL`,
  `CREATE INDEX ix_open_items_open ON open_items (currency) WHERE status = 'open'`,
  `CREATE TABLE bank_accounts (
    id uuid NOT NULL,
    account_key text NOT NULL,
    iban text NULL,
    account_number text NULL,
    currency char(3) NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT pk_bank_accounts PRIMARY KEY (id),
    CONSTRAINT uq_bank_accounts_key UNIQUE (account_key)
  )`,
  `CREATE TABLE bank_statements (
    id uuid NOT NULL,
    account_id uuid NOT NULL,
    format text NOT NULL,
    statement_ref text NULL,
    period_from date NULL,
    period_to date NULL,
    opening_balance numeric NULL,
    closing_balance numeric NULL,
    file_sha256 char(64) NOT NULL,
    position int NOT NULL,
    source_document_id uuid NULL,
    file_name text NULL,
    lines_total int NOT NULL,
    lines_added int NOT NULL,
    issues jsonb NOT NULL DEFAULT '[]',
    imported_by text NOT NULL,
    imported_at timestamptz NOT NULL,
    CONSTRAINT pk_bank_statements PRIMARY KEY (id),
    CONSTRAINT fk_bank_statements_account FOREIGN KEY (account_id) REFERENCES bank_accounts (id),
    CONSTRAINT uq_bank_statements_file UNIQUE (account_id, file_sha256, position)
  )`,
  /**
   * amount is the signed decimal as the bank wrote it (numeric keeps its scale: "18.150" stays). state:
   * unmatched (no decision yet), suggested (a proposal waits for a person), matched (settled items), ignored.
   */
  `CREATE TABLE bank_transactions (
    id uuid NOT NULL,
    account_id uuid NOT NULL,
    statement_id uuid NOT NULL,
    dedup_key text NOT NULL,
    booking_date date NULL,
    value_date date NULL,
    amount numeric NOT NULL,
    currency char(3) NOT NULL,
    counterparty_name text NULL,
    counterparty_iban text NULL,
    reference text NULL,
    end_to_end_id text NULL,
    bank_reference text NULL,
    description text NULL,
    state text NOT NULL DEFAULT 'unmatched',
    created_at timestamptz NOT NULL,
    CONSTRAINT pk_bank_transactions PRIMARY KEY (id),
    CONSTRAINT fk_bank_transactions_account FOREIGN KEY (account_id) REFERENCES bank_accounts (id),
    CONSTRAINT fk_bank_transactions_statement FOREIGN KEY (statement_id) REFERENCES bank_statements (id),
    CONSTRAINT uq_bank_transactions_dedup UNIQUE (account_id, dedup_key),
    CONSTRAINT ck_bank_transactions_state CHECK (state IN ('unmatched', 'suggested', 'matched', 'ignored'))
  )`,
  `CREATE INDEX ix_bank_transactions_state ON bank_transactions (state, booking_date, id)`,
  `CREATE TABLE reconciliation_matches (
    id uuid NOT NULL,
    transaction_id uuid NOT NULL,
    decision text NOT NULL,
    source text NOT NULL,
    score numeric(6, 4) NULL,
    reasons jsonb NOT NULL DEFAULT '[]',
    run_key text NULL,
    created_at timestamptz NOT NULL,
    decided_by text NULL,
    decided_at timestamptz NULL,
    decision_note text NULL,
    CONSTRAINT pk_reconciliation_matches PRIMARY KEY (id),
    CONSTRAINT fk_reconciliation_matches_transaction FOREIGN KEY (transaction_id) REFERENCES bank_transactions (id),
    CONSTRAINT ck_reconciliation_matches_decision CHECK (decision IN ('auto', 'suggested', 'confirmed', 'rejected')),
    CONSTRAINT ck_reconciliation_matches_source CHECK (source IN ('engine', 'manual'))
  )`,
  `CREATE INDEX ix_reconciliation_matches_transaction ON reconciliation_matches (transaction_id)`,
  `CREATE INDEX ix_reconciliation_matches_open ON reconciliation_matches (created_at, id) WHERE decision = 'suggested'`,
  `CREATE TABLE reconciliation_allocations (
    match_id uuid NOT NULL,
    open_item_id uuid NOT NULL,
    amount_minor bigint NOT NULL,
    CONSTRAINT pk_reconciliation_allocations PRIMARY KEY (match_id, open_item_id),
    CONSTRAINT fk_reconciliation_allocations_match FOREIGN KEY (match_id) REFERENCES reconciliation_matches (id) ON DELETE CASCADE,
    CONSTRAINT fk_reconciliation_allocations_item FOREIGN KEY (open_item_id) REFERENCES open_items (id),
    CONSTRAINT ck_reconciliation_allocations_amount CHECK (amount_minor > 0)
  )`,
  `CREATE INDEX ix_reconciliation_allocations_item ON reconciliation_allocations (open_item_id)`,
  // subject_key makes recording the same finding twice (a nightly run repeated) a no-op while it is open.
  `CREATE TABLE reconciliation_exceptions (
    id uuid NOT NULL,
    code text NOT NULL,
    subject_key text NOT NULL,
    transaction_id uuid NULL,
    statement_id uuid NULL,
    open_item_ids uuid[] NOT NULL DEFAULT '{}',
    message text NOT NULL,
    evidence jsonb NOT NULL DEFAULT '{}',
    blocking boolean NOT NULL,
    status text NOT NULL DEFAULT 'open',
    resolution text NULL,
    resolved_by text NULL,
    resolved_at timestamptz NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT pk_reconciliation_exceptions PRIMARY KEY (id),
    CONSTRAINT ck_reconciliation_exceptions_status CHECK (status IN ('open', 'resolved'))
  )`,
  `CREATE UNIQUE INDEX uq_reconciliation_exceptions_open ON reconciliation_exceptions (code, subject_key) WHERE status = 'open'`,
  `CREATE INDEX ix_reconciliation_exceptions_status ON reconciliation_exceptions (status, created_at, id)`,
  `CREATE TABLE reconciliation_learned_rules (
    kind text NOT NULL,
    rule_key text NOT NULL,
    vendor_key text NOT NULL,
    confirmations int NOT NULL,
    rejections int NOT NULL,
    status text NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT pk_reconciliation_learned_rules PRIMARY KEY (kind, rule_key, vendor_key),
    CONSTRAINT ck_reconciliation_learned_rules_status CHECK (status IN ('suggest', 'auto', 'retired'))
  )`,
  `CREATE TABLE open_item_settlements (
    id uuid NOT NULL,
    open_item_id uuid NOT NULL,
    match_id uuid NOT NULL,
    transaction_id uuid NOT NULL,
    amount_minor bigint NOT NULL,
    settled_at timestamptz NOT NULL,
    CONSTRAINT pk_open_item_settlements PRIMARY KEY (id),
    CONSTRAINT fk_open_item_settlements_item FOREIGN KEY (open_item_id) REFERENCES open_items (id),
    CONSTRAINT fk_open_item_settlements_match FOREIGN KEY (match_id) REFERENCES reconciliation_matches (id),
    CONSTRAINT uq_open_item_settlements UNIQUE (match_id, open_item_id)
  )`,
  `CREATE INDEX ix_open_item_settlements_item ON open_item_settlements (open_item_id)`,
];
