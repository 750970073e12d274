import { decimalToMinor } from '@conveyor/kernel';
import type { ReconciliationSummaryLine, ReconciliationSummaryQuery, ReconciliationSummarySource } from '@conveyor/reporting';
import type { DataSource } from 'typeorm';
import type { Sql } from '../repositories/sql';
import { plainSql } from '../repositories/transaction-runner';

interface SummaryRow { account: string; period: string; currency: string; category: 'auto' | 'manual' | 'suggested' | 'unmatched'; lines: string; amount: string }

/**
 * The reconciliation summary over the bank ledger: bank lines booked in the period by account, month and
 * currency, in four groups: matched by the engine (auto), matched by a person (a confirmed suggestion or a
 * manual link), waiting with a suggestion, and unmatched. Lines a person set aside (ignored) are not counted.
 * Amounts are the absolute values of the lines, in minor units of their currency.
 */
export class SqlReconciliationSummarySource implements ReconciliationSummarySource {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = plainSql(dataSource);
  }

  async *summary(query: ReconciliationSummaryQuery): AsyncIterable<ReconciliationSummaryLine> {
    const rows = (await this.sql(
      `WITH lines AS (
         SELECT COALESCE(a.iban, a.account_number, a.account_key) AS account,
                to_char(COALESCE(t.booking_date, t.value_date), 'YYYY-MM') AS period,
                t.currency,
                CASE
                  WHEN t.state = 'matched' AND EXISTS (SELECT 1 FROM reconciliation_matches m WHERE m.transaction_id = t.id AND m.decision = 'auto') THEN 'auto'
                  WHEN t.state = 'matched' THEN 'manual'
                  WHEN t.state = 'suggested' THEN 'suggested'
                  ELSE 'unmatched'
                END AS category,
                abs(t.amount) AS amount
           FROM bank_transactions t JOIN bank_accounts a ON a.id = t.account_id
          WHERE t.state <> 'ignored'
            AND COALESCE(t.booking_date, t.value_date) BETWEEN $1::date AND $2::date
            AND ($3::text IS NULL OR a.iban = $3 OR a.account_number = $3 OR a.account_key = $3))
       SELECT account, period, currency, category, count(*)::text AS lines, sum(amount)::text AS amount
         FROM lines GROUP BY account, period, currency, category ORDER BY account, period, currency, category`,
      [query.from, query.to, query.account ?? null],
    )) as SummaryRow[];
    let current: ReconciliationSummaryLine | undefined;
    for (const row of rows) {
      const currency = row.currency.trim();
      if (!current || current.account !== row.account || current.period !== row.period || current.currency !== currency) {
        if (current) yield current;
        const empty = () => ({ count: 0, amountMinor: 0n });
        current = { account: row.account, period: row.period, currency, autoMatched: empty(), suggested: empty(), manual: empty(), unmatched: empty() };
      }
      const group = { auto: current.autoMatched, manual: current.manual, suggested: current.suggested, unmatched: current.unmatched }[row.category];
      group.count = Number(row.lines);
      group.amountMinor = decimalToMinor(row.amount, currency);
    }
    if (current) yield current;
  }
}
