import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CsvMapping } from '@conveyor/bank-statements';
import { systemClock } from '@conveyor/kernel';
import { AuditStore, SqlLedgerRepository } from '@conveyor/persistence';
import { BankReconciliationService } from '@conveyor/reconciliation';
import { createTestDatabase } from '@conveyor/testing';

/** What the generating process hands to the measuring one (prepared.json next to the statement files). */
export interface PreparedRun {
  files: { path: string; fileName: string; csvMapping?: CsvMapping }[];
  openItems: unknown[];
  fxRates: Record<string, string>;
  /** bank reference → the generator's open item ids of that line, sorted and joined. */
  truth: Record<string, string>;
  generatedLines: number;
}

const TARGET_MS = 5 * 60_000;
const TARGET_RSS_MB = 2048;
const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`.padStart(8);

/** The measured part: everything the system does, from open items and statement files to a reconciled ledger. */
export async function measureThroughDatabase(directory: string): Promise<void> {
  const timed = async <T>(name: string, work: () => Promise<T>, note: (result: T) => string = () => ''): Promise<T> => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await work();
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    console.log(`${name.padEnd(36)} ${seconds(ms)} wall ${seconds((used.user + used.system) / 1000)} CPU  peak RSS ${peakRssMb().toFixed(0).padStart(5)} MB  ${note(result)}`);
    return result;
  };
  const database = await createTestDatabase('postgres', { DATABASE_POOL_SIZE: '4', LOG_LEVEL: 'error' });
  try {
    const dataSource = database.database.dataSource;
    const service = new BankReconciliationService({ repository: new SqlLedgerRepository(dataSource), audit: new AuditStore(dataSource, systemClock), clock: systemClock, newId: randomUUID });
    const started = performance.now();
    const prepared = JSON.parse(readFileSync(join(directory, 'prepared.json'), 'utf8')) as PreparedRun;

    await timed('store open items (check + insert)', () => service.createOpenItems(prepared.openItems, 'bench'), (result) => `${result.created.length} stored`);
    prepared.openItems = [];
    const imported = await timed('import all files (parse + store)', async () => {
      let added = 0;
      let breaks = 0;
      for (const file of prepared.files) {
        const summary = await service.importStatement({ bytes: readFileSync(file.path), fileName: file.fileName, sourceDocumentId: null, csvMapping: file.csvMapping }, 'bench');
        added += summary.added;
        breaks += summary.exceptions.length;
      }
      return { added, breaks };
    }, (result) => `${result.added} lines stored, ${result.breaks} balance breaks`);
    await dataSource.query('ANALYZE');
    const run = await timed('reconcile (load, match, store)', () => service.reconcile('bench', 'bench-run', { fxRates: prepared.fxRates }),
      (result) => `load ${result.timings.loadMs} ms, match ${result.timings.matchMs} ms, store ${result.timings.storeMs} ms; ` +
        `${result.autoMatched} auto, ${result.suggested} suggested, ${result.unmatched} unmatched`);
    const totalMs = performance.now() - started;
    const rssAfterRun = peakRssMb();

    const first = prepared.files[0];
    const again = await timed('re-import the first file', () => service.importStatement({ bytes: readFileSync(first.path), fileName: first.fileName, sourceDocumentId: null, csvMapping: first.csvMapping }, 'bench'),
      (result) => `${result.added} added, ${result.duplicatesSkipped} duplicates skipped`);
    await timed('second reconcile run (what is left)', () => service.reconcile('bench', 'bench-run-2', { fxRates: prepared.fxRates }),
      (result) => `${result.lines} lines looked at, ${result.autoMatched} auto`);

    const autos = await dataSource.query(
      `SELECT t.bank_reference, string_agg(o.external_id, ',' ORDER BY o.external_id) AS items
         FROM reconciliation_matches m JOIN bank_transactions t ON t.id = m.transaction_id
         JOIN reconciliation_allocations a ON a.match_id = m.id JOIN open_items o ON o.id = a.open_item_id
        WHERE m.decision = 'auto' GROUP BY m.id, t.bank_reference`,
    ) as { bank_reference: string; items: string }[];
    // The generator's ids sort as text the same way as external_id under ORDER BY only for equal lengths: compare as sets.
    const sameSet = (a: string | undefined, b: string) => a !== undefined && a.split(',').sort().join(',') === b.split(',').sort().join(',');
    const correct = autos.filter((row) => sameSet(prepared.truth[row.bank_reference], row.items)).length;

    console.log('');
    console.log(`end to end (store open items + import + reconcile): ${seconds(totalMs).trim()} = ${(totalMs / TARGET_MS).toFixed(2)} of the 5-minute target`);
    console.log(`peak RSS of the measuring process: ${rssAfterRun.toFixed(0)} MB after the first run = ${(rssAfterRun / TARGET_RSS_MB).toFixed(2)} of the 2 GB target; ` +
      `${peakRssMb().toFixed(0)} MB at the end (PostgreSQL's own memory not included)`);
    console.log(`lines stored ${imported.added} of ${prepared.generatedLines} generated; first run: ${run.autoMatched} auto matches ` +
      `(${((run.autoMatched / Math.max(1, imported.added)) * 100).toFixed(1)} % of lines); after both runs ${correct} of ${autos.length} auto matches agree with the truth ` +
      `(${((correct / Math.max(1, autos.length)) * 100).toFixed(2)} %); re-import added ${again.added}`);
  } finally {
    await database.drop();
  }
}
