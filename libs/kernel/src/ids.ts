import { randomUUID } from 'node:crypto';

/** Random identifiers for new records (runs, step executions, documents). */
export function newId(): string {
  return randomUUID();
}
