/**
 * Bank reconciliation end to end through the database: a seeded ledger and 100,000 bank lines (the `typical`
 * noise profile of bench/reconciliation), written as monthly statement files in a real format, imported through
 * parseStatementFile and the SQL store (one transaction per file), open items stored through the service, then
 * one reconciliation run (load, match with the learned rules, store matches, settlements and exceptions).
 * The data are generated and written to a temporary directory first; the measured part runs in a child process
 * that reads them from there, so its peak RSS is the system's, not the generator's. Printed: wall and CPU time
 * of each phase, the child's peak RSS, the ratios to the targets (5 minutes, 2 GB), and how many auto matches
 * agree with the generator's truth.
 *   npm run bench:reconcile-db      (BENCH_LINES, BENCH_ITEMS, BENCH_SEED, BENCH_FORMAT=camt.053|mt940|csv)
 * Needs PostgreSQL on 127.0.0.1:5432 (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test); it
 * works in a schema of its own, dropped at the end.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NOISE_PROFILES } from '../reconciliation/noise-profiles';
import { generateScenario } from '../reconciliation/scenario-generator';
import { writeStatements } from '../reconciliation/statement-writers';
import { measureThroughDatabase, type PreparedRun } from './measure-through-database';

const LINES = Number(process.env['BENCH_LINES'] ?? 100_000);
const ITEMS = Number(process.env['BENCH_ITEMS'] ?? 120_000);
const SEED = Number(process.env['BENCH_SEED'] ?? 20_260_402);
const FORMAT = (process.env['BENCH_FORMAT'] ?? 'camt.053') as 'camt.053' | 'mt940' | 'csv';

function prepare(directory: string): void {
  console.log(`reconciliation through the database: ${LINES} bank lines (${FORMAT}), ${ITEMS} open items, seed ${SEED}, node ${process.version}, PostgreSQL`);
  const started = performance.now();
  const profile = { ...NOISE_PROFILES.find((candidate) => candidate.name === 'typical')!, format: FORMAT };
  const scenario = generateScenario(profile, { lines: LINES, openItems: ITEMS }, SEED);
  const referencesOf = new Map<string, string[]>();
  for (const [reference, itemIds] of Object.entries(scenario.knownReferences)) for (const id of itemIds) referencesOf.set(id, [...(referencesOf.get(id) ?? []), reference]);
  const files: PreparedRun['files'] = [];
  let bytes = 0;
  scenario.statements.forEach((statement, index) => {
    const written = writeStatements({ ...scenario, statements: [statement] }, FORMAT);
    const path = join(directory, `${String(index).padStart(2, '0')}-${written.fileName}`);
    writeFileSync(path, written.bytes);
    bytes += written.bytes.length;
    files.push({ path, fileName: written.fileName, csvMapping: written.csvMapping });
  });
  const prepared: PreparedRun = {
    files,
    openItems: scenario.openItems.map((item) => ({ ...item, paymentReferences: referencesOf.get(item.id) ?? [] })),
    fxRates: scenario.fxRates,
    truth: Object.fromEntries(scenario.statements.flatMap((statement) => statement.lines.map((line) => [line.bankReference, line.truth.itemIds.slice().sort().join(',')]))),
    generatedLines: scenario.statements.reduce((sum, statement) => sum + statement.lines.length, 0),
  };
  writeFileSync(join(directory, 'prepared.json'), JSON.stringify(prepared));
  console.log(`generated and written (not measured): ${scenario.statements.length} monthly statements, ${(bytes / 1e6).toFixed(0)} MB, ` +
    `${prepared.generatedLines} lines, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const measureIn = process.argv.indexOf('--measure');
  if (measureIn >= 0) {
    await measureThroughDatabase(process.argv[measureIn + 1]);
    return;
  }
  const directory = mkdtempSync(join(tmpdir(), 'conveyor-reconcile-db-'));
  try {
    prepare(directory);
    const child = fork(__filename, ['--measure', directory], { execArgv: process.execArgv, stdio: 'inherit' });
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    if (code !== 0) throw new Error(`the measuring process exited with ${code}`);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
