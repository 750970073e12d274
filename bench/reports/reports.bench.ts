/**
 * AP aging over 100,000 open items to CSV, XLSX and PDF, side by side:
 *   npm run bench:reports [items]     (default 100000)
 * - memory:   the ledger generated in the process and rendered (the ledger itself, ~100,000 objects, counts in the RSS);
 * - database: the real platform path, ReportService with the SQL open-items source streaming the ledger from PostgreSQL
 *             in keyset batches into the report store (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test;
 *             skipped with a note when no PostgreSQL answers: embedded PGlite alone takes ~800 MB).
 * The PDF is the summary, the bar charts and the per-vendor totals (2,000 vendors), not 100,000 rows.
 * Each case runs in a child process of its own, so the peak RSS printed is that case's.
 * RSS is in MiB and includes @swc-node/register (~130 MiB of the baseline: the TypeScript is compiled as it loads).
 * The machine's load average is printed: wall seconds on a shared machine are longer than the CPU seconds spent.
 * Targets: ≤ 10 s and < 300 MB per case.
 */
import { cpus, loadavg } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { insertOpenItems, openDatabase } from '@conveyor/persistence';
import { testConfig, testPostgresUrl, uniqueSchemaName } from '@conveyor/testing';
import { generateOpenItems } from '../../libs/reporting/src/open-items.fixture';

const ITEMS = Number(process.argv[2] ?? 100_000);
const FORMATS = ['csv', 'xlsx', 'pdf'] as const;
const TARGET_SECONDS = 10;
const TARGET_MB = 300;

interface CaseResult {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  baselineMb: number;
  bytes: number;
}

function runCase(mode: string, format: string, argument: string): CaseResult {
  const output = execFileSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'aging-case.ts'), mode, format, argument], {
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' }, encoding: 'utf8', maxBuffer: 1 << 20,
  });
  return JSON.parse(output.trim().split('\n').at(-1) as string) as CaseResult;
}

async function seedDatabase(): Promise<{ config: ReturnType<typeof testConfig>; drop: () => Promise<void> } | undefined> {
  const url = testPostgresUrl();
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await probe.connect();
  } catch {
    return undefined;
  } finally {
    await probe.end().catch(() => undefined);
  }
  const schema = uniqueSchemaName();
  const config = testConfig({ DATABASE_URL: url, DATABASE_SCHEMA: schema, DATABASE_POOL_SIZE: '2', LOG_LEVEL: 'silent' });
  const database = await openDatabase(config);
  const started = performance.now();
  await insertOpenItems(database.dataSource, generateOpenItems(ITEMS, { seed: 42, vendors: 2000, asOf: '2026-11-30' }), new Date(), 5000);
  await database.dataSource.query('ANALYZE open_items');
  await database.close();
  console.log(`seeded ${ITEMS} open items into PostgreSQL schema ${schema} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return {
    config,
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

async function main(): Promise<void> {
  console.log(`AP aging over ${ITEMS.toLocaleString('en')} open items (2,000 vendors, 4 currencies); each case in its own process\n`);
  const rows: [string, string, CaseResult][] = [];
  for (const format of FORMATS) rows.push(['memory', format, runCase('memory', format, String(ITEMS))]);
  const seeded = await seedDatabase();
  try {
    if (seeded) for (const format of FORMATS) rows.push(['database', format, runCase('database', format, JSON.stringify(seeded.config))]);
    else console.log('no PostgreSQL at TEST_DATABASE_URL: the database cases are not measured');
  } finally {
    await seeded?.drop();
  }
  console.log(`\nload average (1 min) at the end: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
  console.log('source    format   seconds   CPU s   peak RSS MiB   RSS before MiB   file MB   seconds/target   RSS/target');
  for (const [mode, format, result] of rows) {
    console.log([
      mode.padEnd(9), format.padEnd(8), result.seconds.toFixed(2).padStart(7), result.cpuSeconds.toFixed(2).padStart(7), result.peakRssMb.toFixed(0).padStart(14), result.baselineMb.toFixed(0).padStart(16),
      (result.bytes / 1e6).toFixed(1).padStart(9), (result.seconds / TARGET_SECONDS).toFixed(2).padStart(16), (result.peakRssMb / TARGET_MB).toFixed(2).padStart(12),
    ].join(' '));
  }
  const failed = rows.filter(([, , result]) => result.seconds > TARGET_SECONDS || result.peakRssMb >= TARGET_MB);
  console.log(failed.length === 0 ? `\nall cases within ${TARGET_SECONDS} s and ${TARGET_MB} MB` : `\n${failed.length} case(s) over target`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
