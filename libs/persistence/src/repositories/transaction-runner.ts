import type { DataSource } from 'typeorm';
import type { Sql } from './sql';

const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);

/**
 * Runs `work` in one database transaction, retrying a few times when PostgreSQL aborts it for a
 * serialization failure or a deadlock (both are safe to repeat: nothing was committed).
 */
export async function inTransaction<T>(dataSource: DataSource, work: (sql: Sql) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction((manager) => work(((text: string, params?: unknown[], name?: string) => manager.query(statement(text, name), params).then(rowsOf)) as Sql));
    } catch (error) {
      const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
      if (attempt >= 5 || !code || !RETRYABLE_SQLSTATES.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}

export function plainSql(dataSource: DataSource): Sql {
  return ((text: string, params?: unknown[], name?: string) => dataSource.query(statement(text, name), params).then(rowsOf)) as Sql;
}

/**
 * TypeORM hands the query to node-postgres unchanged, and node-postgres takes `{ name, text }` for a
 * named prepared statement; TypeORM's type only says string.
 */
function statement(text: string, name: string | undefined): string {
  return (name ? { name, text } : text) as string;
}

/** TypeORM's postgres driver answers UPDATE and DELETE with [rows, affectedCount]; everything else with rows. */
function rowsOf(result: unknown): unknown[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0];
  return Array.isArray(result) ? result : [];
}
