import { resolve } from 'node:path';
import type { ConveyorConfig } from '@conveyor/config';

/** Where this process keeps its data, for the start-up line (passwords left out). */
export function describeDataLocation(config: ConveyorConfig): string {
  const database = config.DATABASE_URL
    ? `PostgreSQL ${withoutPassword(config.DATABASE_URL)}${config.DATABASE_SCHEMA === 'public' ? '' : ` (schema ${config.DATABASE_SCHEMA})`}`
    : `embedded PostgreSQL in ${resolve(config.CONVEYOR_DATA_DIR)}`;
  const redis = config.REDIS_URL ? `Redis ${withoutPassword(config.REDIS_URL)}` : 'embedded Redis';
  return `${database}, ${redis}`;
}

function withoutPassword(connection: string): string {
  const url = new URL(connection);
  if (url.password) url.password = '***';
  return url.toString();
}
