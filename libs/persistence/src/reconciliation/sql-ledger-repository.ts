import type {
  BankAccountKey, LearnedRule, LedgerException, LedgerMatch, LedgerMatchDecision, LedgerOpenItem, LedgerRepository, LedgerStatement, LedgerTransaction,
  LedgerTransactionScope, NewLedgerException, NewOpenItem, NewStatement, NewTransaction, OpenItemFilter, Settlement, TransactionFilter, TransactionState,
} from '@conveyor/reconciliation';
import type { DataSource } from 'typeorm';
import type { Sql } from '../repositories/sql';
import { inTransaction, plainSql } from '../repositories/transaction-runner';
import {
  EXCEPTION_COLUMNS, MATCH_COLUMNS, OPEN_ITEM_COLUMNS, TRANSACTION_COLUMNS, toException, toMatch, toOpenItem, toTransaction,
  type ExceptionRow, type MatchRow, type OpenItemRow, type TransactionRow,
} from './sql-ledger-rows';

/** Rows per INSERT: every statement sends one array per column, so its size never limits the parameters. */
const BATCH = 5000;
/** Key of the advisory lock that serialises reconciliation runs and decisions (held to the end of the transaction). */
const LEDGER_LOCK = 7_429_001;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += BATCH) out.push(rows.slice(start, start + BATCH));
  return out;
}

async function ledgerRules(sql: Sql): Promise<LearnedRule[]> {
  const rows = await sql<{ kind: LearnedRule['kind']; rule_key: string; vendor_key: string; confirmations: number; rejections: number; status: LearnedRule['status'] }>(
    `SELECT kind, rule_key, vendor_key, confirmations, rejections, status FROM reconciliation_learned_rules ORDER BY kind, rule_key, vendor_key`,
  );
  return rows.map((row) => ({ kind: row.kind, key: row.rule_key, vendorKey: row.vendor_key, confirmations: row.confirmations, rejections: row.rejections, status: row.status }));
}

class SqlLedgerScope implements LedgerTransactionScope {
  constructor(readonly handle: Sql) {}

  async lockLedger(): Promise<void> {
    await this.handle(`SELECT pg_advisory_xact_lock(${LEDGER_LOCK})`);
  }

  async ensureAccount(account: BankAccountKey, newId: string, at: Date): Promise<string> {
    await this.handle(
      `INSERT INTO bank_accounts (id, account_key, iban, account_number, currency, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (account_key) DO NOTHING`,
      [newId, account.key, account.iban, account.accountNumber, account.currency, at],
    );
    const rows = await this.handle<{ id: string }>(`SELECT id FROM bank_accounts WHERE account_key = $1`, [account.key]);
    return rows[0].id;
  }

  async insertStatement(s: NewStatement): Promise<{ id: string; inserted: boolean }> {
    const inserted = await this.handle<{ id: string }>(
      `INSERT INTO bank_statements (id, account_id, format, statement_ref, period_from, period_to, opening_balance, closing_balance, file_sha256, position,
         source_document_id, file_name, lines_total, lines_added, issues, imported_by, imported_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 0, $14::jsonb, $15, $16)
       ON CONFLICT (account_id, file_sha256, position) DO NOTHING RETURNING id`,
      [s.id, s.accountId, s.format, s.statementRef, s.from, s.to, s.openingBalance, s.closingBalance, s.fileSha256, s.position, s.sourceDocumentId, s.fileName,
        s.linesTotal, JSON.stringify(s.issues), s.importedBy, s.importedAt],
    );
    if (inserted.length > 0) return { id: s.id, inserted: true };
    const existing = await this.handle<{ id: string }>(`SELECT id FROM bank_statements WHERE account_id = $1 AND file_sha256 = $2 AND position = $3`, [s.accountId, s.fileSha256, s.position]);
    return { id: existing[0].id, inserted: false };
  }

  async insertTransactions(lines: NewTransaction[], at: Date): Promise<number> {
    let added = 0;
    for (const slice of chunks(lines)) {
      const column = <K extends keyof NewTransaction>(key: K) => slice.map((line) => line[key]);
      const rows = await this.handle<{ added: number }>(
        `WITH inserted AS (
           INSERT INTO bank_transactions (id, account_id, statement_id, dedup_key, booking_date, value_date, amount, currency, counterparty_name, counterparty_iban,
             reference, end_to_end_id, bank_reference, description, state, created_at)
           SELECT u.*, 'unmatched', $15::timestamptz
             FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::date[], $6::date[], $7::numeric[], $8::text[], $9::text[], $10::text[], $11::text[],
                         $12::text[], $13::text[], $14::text[]) AS u
           ON CONFLICT (account_id, dedup_key) DO NOTHING RETURNING 1)
         SELECT count(*)::int AS added FROM inserted`,
        [column('id'), column('accountId'), column('statementId'), column('dedupKey'), column('bookingDate'), column('valueDate'), column('amount'), column('currency'),
          column('counterpartyName'), column('counterpartyIban'), column('reference'), column('endToEndId'), column('bankReference'), column('description'), at],
      );
      added += Number(rows[0].added);
    }
    return added;
  }

  async setStatementLinesAdded(statementId: string, added: number): Promise<void> {
    await this.handle(`UPDATE bank_statements SET lines_added = $2 WHERE id = $1`, [statementId, added]);
  }

  async insertOpenItems(items: NewOpenItem[], at: Date): Promise<string[]> {
    const ids: string[] = [];
    for (const slice of chunks(items)) {
      const rows = await this.handle<{ id: string }>(
        `INSERT INTO open_items (id, external_id, vendor_name, vendor_iban, invoice_number, document_id, currency, amount_minor, original_amount_minor, issue_date, due_date,
           payment_references, status, created_at, updated_at)
         SELECT u.id, u.external_id, u.vendor_name, u.vendor_iban, u.invoice_number, u.document_id, u.currency, u.amount_minor, u.amount_minor, u.issue_date, u.due_date,
                ARRAY(SELECT jsonb_array_elements_text(u.refs::jsonb)), 'open', $12, $12
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::bigint[], $9::date[], $10::date[], $11::text[])
             AS u(id, external_id, vendor_name, vendor_iban, invoice_number, document_id, currency, amount_minor, issue_date, due_date, refs)
         ON CONFLICT DO NOTHING RETURNING id`,
        [slice.map((i) => i.id), slice.map((i) => i.externalId), slice.map((i) => i.vendorName), slice.map((i) => i.vendorIban), slice.map((i) => i.invoiceNumber),
          slice.map((i) => i.documentId), slice.map((i) => i.currency), slice.map((i) => String(i.amountMinor)), slice.map((i) => i.issueDate), slice.map((i) => i.dueDate),
          slice.map((i) => JSON.stringify(i.paymentReferences)), at],
      );
      ids.push(...rows.map((row) => row.id));
    }
    return ids;
  }

  async insertMatches(matches: LedgerMatch[]): Promise<void> {
    for (const slice of chunks(matches)) {
      await this.handle(
        `INSERT INTO reconciliation_matches (id, transaction_id, decision, source, score, reasons, run_key, created_at, decided_by, decided_at, decision_note)
         SELECT u.id, u.transaction_id, u.decision, u.source, u.score, u.reasons::jsonb, u.run_key, u.created_at, u.decided_by, u.decided_at, u.note
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::numeric[], $6::text[], $7::text[], $8::timestamptz[], $9::text[], $10::timestamptz[], $11::text[])
             AS u(id, transaction_id, decision, source, score, reasons, run_key, created_at, decided_by, decided_at, note)`,
        [slice.map((m) => m.id), slice.map((m) => m.transactionId), slice.map((m) => m.decision), slice.map((m) => m.source), slice.map((m) => m.score),
          slice.map((m) => JSON.stringify(m.reasons)), slice.map((m) => m.runKey), slice.map((m) => m.createdAt), slice.map((m) => m.decidedBy), slice.map((m) => m.decidedAt),
          slice.map((m) => m.note)],
      );
    }
    const allocations = matches.flatMap((match) => match.allocations.map((allocation) => ({ matchId: match.id, ...allocation })));
    for (const slice of chunks(allocations)) {
      await this.handle(
        `INSERT INTO reconciliation_allocations (match_id, open_item_id, amount_minor) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bigint[])`,
        [slice.map((a) => a.matchId), slice.map((a) => a.openItemId), slice.map((a) => String(a.amountMinor))],
      );
    }
  }

  async setMatchDecision(matchId: string, decision: LedgerMatchDecision, by: string, at: Date, note: string | null): Promise<void> {
    await this.handle(`UPDATE reconciliation_matches SET decision = $2, decided_by = $3, decided_at = $4, decision_note = $5 WHERE id = $1`, [matchId, decision, by, at, note]);
  }

  async setTransactionStates(states: { id: string; state: TransactionState }[]): Promise<void> {
    for (const slice of chunks(states)) {
      await this.handle(
        `UPDATE bank_transactions b SET state = u.state FROM unnest($1::uuid[], $2::text[]) AS u(id, state) WHERE b.id = u.id`,
        [slice.map((s) => s.id), slice.map((s) => s.state)],
      );
    }
  }

  async settle(settlements: Settlement[], at: Date): Promise<void> {
    for (const slice of chunks(settlements)) {
      await this.handle(
        `INSERT INTO open_item_settlements (id, open_item_id, match_id, transaction_id, amount_minor, settled_at)
         SELECT u.*, $6::timestamptz FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::bigint[]) AS u`,
        [slice.map((s) => s.id), slice.map((s) => s.openItemId), slice.map((s) => s.matchId), slice.map((s) => s.transactionId), slice.map((s) => String(s.amountMinor)), at],
      );
      await this.handle(
        `UPDATE open_items o SET original_amount_minor = COALESCE(o.original_amount_minor, o.amount_minor), amount_minor = GREATEST(o.amount_minor - s.total, 0),
                status = CASE WHEN o.amount_minor - s.total <= 0 THEN 'paid' ELSE o.status END,
                settled_at = CASE WHEN o.amount_minor - s.total <= 0 THEN $3::timestamptz ELSE o.settled_at END, updated_at = $3::timestamptz
           FROM (SELECT item, sum(amount)::bigint AS total FROM unnest($1::uuid[], $2::bigint[]) AS u(item, amount) GROUP BY item) s
          WHERE o.id = s.item`,
        [slice.map((s) => s.openItemId), slice.map((s) => String(s.amountMinor)), at],
      );
    }
  }

  async insertExceptions(exceptions: NewLedgerException[]): Promise<number> {
    let recorded = 0;
    for (const slice of chunks(exceptions)) {
      const rows = await this.handle<{ recorded: number }>(
        `WITH inserted AS (
           INSERT INTO reconciliation_exceptions (id, code, subject_key, transaction_id, statement_id, open_item_ids, message, evidence, blocking, status, created_at)
           SELECT u.id, u.code, u.subject_key, u.transaction_id, u.statement_id, ARRAY(SELECT jsonb_array_elements_text(u.items::jsonb))::uuid[], u.message,
                  u.evidence::jsonb, u.blocking, 'open', u.created_at
             FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::boolean[], $10::timestamptz[])
               AS u(id, code, subject_key, transaction_id, statement_id, items, message, evidence, blocking, created_at)
           ON CONFLICT (code, subject_key) WHERE status = 'open' DO NOTHING RETURNING 1)
         SELECT count(*)::int AS recorded FROM inserted`,
        [slice.map((e) => e.id), slice.map((e) => e.code), slice.map((e) => e.subjectKey), slice.map((e) => e.transactionId), slice.map((e) => e.statementId),
          slice.map((e) => JSON.stringify(e.openItemIds)), slice.map((e) => e.message), slice.map((e) => JSON.stringify(e.evidence)), slice.map((e) => e.blocking),
          slice.map((e) => e.createdAt)],
      );
      recorded += Number(rows[0].recorded);
    }
    return recorded;
  }

  async resolveException(id: string, resolution: string, by: string, at: Date): Promise<boolean> {
    const rows = await this.handle(
      `UPDATE reconciliation_exceptions SET status = 'resolved', resolution = $2, resolved_by = $3, resolved_at = $4 WHERE id = $1 AND status = 'open' RETURNING id`,
      [id, resolution, by, at],
    );
    return rows.length > 0;
  }

  async resolveExceptionsOfTransaction(transactionId: string, resolution: string, by: string, at: Date): Promise<number> {
    const rows = await this.handle(
      `UPDATE reconciliation_exceptions SET status = 'resolved', resolution = $2, resolved_by = $3, resolved_at = $4 WHERE transaction_id = $1 AND status = 'open' RETURNING id`,
      [transactionId, resolution, by, at],
    );
    return rows.length;
  }

  async saveRules(rules: LearnedRule[], at: Date): Promise<void> {
    for (const rule of rules) {
      await this.handle(
        `INSERT INTO reconciliation_learned_rules (kind, rule_key, vendor_key, confirmations, rejections, status, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (kind, rule_key, vendor_key) DO UPDATE SET confirmations = EXCLUDED.confirmations, rejections = EXCLUDED.rejections, status = EXCLUDED.status,
           updated_at = EXCLUDED.updated_at`,
        [rule.kind, rule.key, rule.vendorKey, rule.confirmations, rule.rejections, rule.status, at],
      );
    }
  }

  async lockTransactionsInState(ids: string[], state: TransactionState): Promise<Set<string>> {
    const found = new Set<string>();
    for (const slice of chunks(ids)) {
      const rows = await this.handle<{ id: string }>(`SELECT id FROM bank_transactions WHERE id = ANY($1::uuid[]) AND state = $2 FOR UPDATE`, [slice, state]);
      for (const row of rows) found.add(row.id);
    }
    return found;
  }

  async lockMatch(id: string): Promise<LedgerMatch | undefined> {
    const locked = await this.handle<{ id: string }>(`SELECT id FROM reconciliation_matches WHERE id = $1 FOR UPDATE`, [id]);
    if (locked.length === 0) return undefined;
    const rows = await this.handle<MatchRow>(`SELECT ${MATCH_COLUMNS} FROM reconciliation_matches m WHERE m.id = $1`, [id]);
    return rows[0] && toMatch(rows[0]);
  }

  async lockOpenItems(ids: string[]): Promise<LedgerOpenItem[]> {
    const items: LedgerOpenItem[] = [];
    for (const slice of chunks(ids)) {
      items.push(...(await this.handle<OpenItemRow>(`SELECT ${OPEN_ITEM_COLUMNS} FROM open_items WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [slice])).map(toOpenItem));
    }
    return items;
  }

  async findTransaction(id: string): Promise<LedgerTransaction | undefined> {
    const rows = await this.handle<TransactionRow>(`SELECT ${TRANSACTION_COLUMNS} FROM bank_transactions WHERE id = $1`, [id]);
    return rows[0] && toTransaction(rows[0]);
  }

  learnedRules(): Promise<LearnedRule[]> {
    return ledgerRules(this.handle);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The bank reconciliation ledger in PostgreSQL (or PGlite). */
export class SqlLedgerRepository implements LedgerRepository {
  private readonly sql: Sql;

  constructor(private readonly dataSource: DataSource) {
    this.sql = plainSql(dataSource);
  }

  transaction<T>(work: (tx: LedgerTransactionScope) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, (sql) => work(new SqlLedgerScope(sql)));
  }

  async unmatchedTransactions(): Promise<LedgerTransaction[]> {
    return (await this.sql<TransactionRow>(`SELECT ${TRANSACTION_COLUMNS} FROM bank_transactions WHERE state = 'unmatched' ORDER BY booking_date, id`)).map(toTransaction);
  }

  async openItemsForMatching(): Promise<LedgerOpenItem[]> {
    return (await this.sql<OpenItemRow>(`SELECT ${OPEN_ITEM_COLUMNS} FROM open_items WHERE status = 'open' AND amount_minor > 0 ORDER BY id`)).map(toOpenItem);
  }

  async rejectedItemSets(transactionIds: string[]): Promise<Map<string, string[][]>> {
    const rows = await this.sql<{ transaction_id: string; items: string[] }>(
      `SELECT m.transaction_id, array_agg(a.open_item_id::text ORDER BY a.open_item_id) AS items
         FROM reconciliation_matches m JOIN reconciliation_allocations a ON a.match_id = m.id WHERE m.decision = 'rejected' GROUP BY m.id, m.transaction_id`,
    );
    const wanted = new Set(transactionIds);
    const sets = new Map<string, string[][]>();
    for (const row of rows) if (wanted.has(row.transaction_id)) sets.set(row.transaction_id, [...(sets.get(row.transaction_id) ?? []), row.items]);
    return sets;
  }

  learnedRules(): Promise<LearnedRule[]> {
    return ledgerRules(this.sql);
  }

  async matchesOfRun(runKey: string): Promise<LedgerMatch[]> {
    return (await this.sql<MatchRow>(`SELECT ${MATCH_COLUMNS} FROM reconciliation_matches m WHERE m.run_key = $1 ORDER BY m.created_at, m.id`, [runKey])).map(toMatch);
  }

  async listTransactions(filter: TransactionFilter): Promise<(LedgerTransaction & { matches: LedgerMatch[] })[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.state) where.push(`state = ${param(filter.state)}`);
    if (filter.accountId) where.push(`account_id = ${param(filter.accountId)}::uuid`);
    if (filter.from) where.push(`booking_date >= ${param(filter.from)}::date`);
    if (filter.to) where.push(`booking_date <= ${param(filter.to)}::date`);
    const rows = (await this.sql<TransactionRow>(
      `SELECT ${TRANSACTION_COLUMNS} FROM bank_transactions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY booking_date DESC NULLS LAST, id LIMIT ${param(filter.limit)}`,
      params,
    )).map(toTransaction);
    const matches = (await this.sql<MatchRow>(`SELECT ${MATCH_COLUMNS} FROM reconciliation_matches m WHERE m.transaction_id = ANY($1::uuid[]) ORDER BY m.created_at, m.id`,
      [rows.map((row) => row.id)])).map(toMatch);
    return rows.map((row) => ({ ...row, matches: matches.filter((match) => match.transactionId === row.id) }));
  }

  async listMatches(filter: { decision?: LedgerMatchDecision; transactionId?: string; limit: number }): Promise<LedgerMatch[]> {
    return (await this.sql<MatchRow>(
      `SELECT ${MATCH_COLUMNS} FROM reconciliation_matches m WHERE ($1::text IS NULL OR m.decision = $1) AND ($2::uuid IS NULL OR m.transaction_id = $2)
        ORDER BY m.created_at, m.id LIMIT $3`,
      [filter.decision ?? null, filter.transactionId ?? null, filter.limit],
    )).map(toMatch);
  }

  async listOpenItems(filter: OpenItemFilter): Promise<LedgerOpenItem[]> {
    return (await this.sql<OpenItemRow>(
      `SELECT ${OPEN_ITEM_COLUMNS} FROM open_items WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR lower(vendor_name) = lower($2))
          AND ($3::uuid IS NULL OR id > $3) ORDER BY id LIMIT $4`,
      [filter.status ?? null, filter.vendorName ?? null, filter.afterId ?? null, filter.limit],
    )).map(toOpenItem);
  }

  async openItemsByIds(ids: string[]): Promise<LedgerOpenItem[]> {
    return (await this.sql<OpenItemRow>(`SELECT ${OPEN_ITEM_COLUMNS} FROM open_items WHERE id = ANY($1::uuid[])`, [ids.filter((id) => UUID.test(id))])).map(toOpenItem);
  }

  async openItemByDocument(documentId: string): Promise<LedgerOpenItem | undefined> {
    const rows = await this.sql<OpenItemRow>(`SELECT ${OPEN_ITEM_COLUMNS} FROM open_items WHERE document_id = $1`, [documentId]);
    return rows[0] && toOpenItem(rows[0]);
  }

  async transactionsByIds(ids: string[]): Promise<LedgerTransaction[]> {
    return (await this.sql<TransactionRow>(`SELECT ${TRANSACTION_COLUMNS} FROM bank_transactions WHERE id = ANY($1::uuid[])`, [ids])).map(toTransaction);
  }

  async listExceptions(filter: { status?: 'open' | 'resolved'; code?: string; limit: number }): Promise<LedgerException[]> {
    return (await this.sql<ExceptionRow>(
      `SELECT ${EXCEPTION_COLUMNS} FROM reconciliation_exceptions WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR code = $2) ORDER BY created_at, id LIMIT $3`,
      [filter.status ?? null, filter.code ?? null, filter.limit],
    )).map(toException);
  }

  async openBlockingExceptions(limit: number): Promise<{ total: number; items: LedgerException[] }> {
    const total = await this.sql<{ total: number }>(`SELECT count(*)::int AS total FROM reconciliation_exceptions WHERE status = 'open' AND blocking`);
    const rows = await this.sql<ExceptionRow>(`SELECT ${EXCEPTION_COLUMNS} FROM reconciliation_exceptions WHERE status = 'open' AND blocking ORDER BY created_at, id LIMIT $1`, [limit]);
    return { total: Number(total[0].total), items: rows.map(toException) };
  }

  async listStatements(limit: number): Promise<LedgerStatement[]> {
    const rows = await this.sql<Record<string, unknown>>(
      `SELECT s.id, s.account_id, s.format, s.statement_ref, to_char(s.period_from, 'YYYY-MM-DD') AS period_from, to_char(s.period_to, 'YYYY-MM-DD') AS period_to,
              s.opening_balance::text AS opening_balance, s.closing_balance::text AS closing_balance, s.file_sha256, s.position, s.source_document_id, s.file_name,
              s.lines_total, s.lines_added, s.issues, s.imported_by, s.imported_at, a.iban, a.account_number, a.currency
         FROM bank_statements s JOIN bank_accounts a ON a.id = s.account_id ORDER BY s.imported_at DESC, s.id LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({
      id: row.id as string, accountId: row.account_id as string, format: row.format as string, statementRef: row.statement_ref as string | null,
      from: row.period_from as string | null, to: row.period_to as string | null, openingBalance: row.opening_balance as string | null, closingBalance: row.closing_balance as string | null,
      fileSha256: row.file_sha256 as string, position: row.position as number, sourceDocumentId: row.source_document_id as string | null, fileName: row.file_name as string | null,
      linesTotal: row.lines_total as number, linesAdded: row.lines_added as number, issues: row.issues as unknown[], importedBy: row.imported_by as string,
      importedAt: new Date(row.imported_at as string), iban: row.iban as string | null, accountNumber: row.account_number as string | null,
      currency: row.currency ? (row.currency as string).trim() : null,
    }));
  }
}
