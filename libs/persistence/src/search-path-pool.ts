import pg from 'pg';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Double-quotes a schema name after checking it is a plain lower-case identifier. */
export function quoteIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return `"${name}"`;
}

/**
 * The node-postgres module as TypeORM uses it (its `driver` option), except that every new
 * connection first sets search_path to the schema. Unqualified SQL (the migrations, the raw queries
 * of the repositories) then lands in the configured schema; with PGlite this is the only way,
 * as it ignores search_path given in the start-up packet.
 */
export function pgWithSearchPath(schema: string): { Pool: typeof pg.Pool; defaults: typeof pg.defaults; types: typeof pg.types } {
  const setSearchPath = `SET search_path TO ${quoteIdentifier(schema)}`;
  class SearchPathPool extends pg.Pool {
    constructor(config?: pg.PoolConfig) {
      super(config);
      // node-postgres runs a client's queries in order, so this runs before the first real one.
      // It can only fail on a broken connection, which fails that first query as well.
      this.on('connect', (client) => {
        client.query(setSearchPath).catch(() => undefined);
      });
    }
  }
  return { Pool: SearchPathPool, defaults: pg.defaults, types: pg.types };
}
