/**
 * One measured case of bench/reports, run in a process of its own so its peak RSS is its own:
 *   aging-case.ts memory <format> <items>          the ledger generated in memory, rendered to a file
 *   aging-case.ts database <format> <config-json>  the real platform path: ReportService over PostgreSQL
 * Prints one JSON line: wall and CPU seconds (generation and rendering only), RSS before, peak RSS (MiB) and the file size.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { ConveyorConfig } from '@conveyor/config';
import { newId, systemClock } from '@conveyor/kernel';
import {
  InMemoryOpenItemSource, LocalDiskReportStore, ReportRegistry, ReportService, apAgingReport, builtInReportDefinitions, renderReport, type ReportFormat,
} from '@conveyor/reporting';
import { generateOpenItems } from '../../libs/reporting/src/open-items.fixture';

const [mode, format, argument] = process.argv.slice(2) as ['memory' | 'database', ReportFormat, string];
const AS_OF = '2026-11-30';

interface Measured {
  seconds: number;
  cpuSeconds: number;
  bytes: number;
  baselineMb: number;
}

const MB = 1024 * 1024;
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

async function inMemory(): Promise<Measured> {
  const ledger = generateOpenItems(Number(argument), { seed: 42, vendors: 2000, asOf: AS_OF });
  const baselineMb = process.memoryUsage().rss / MB;
  const dir = mkdtempSync(join(tmpdir(), 'conveyor-bench-reports-'));
  try {
    const path = join(dir, `aging.${format}`);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const out = createWriteStream(path);
    await renderReport(apAgingReport(new InMemoryOpenItemSource(ledger), { asOf: AS_OF, timeZone: 'Europe/Berlin' }, new Date()), format, out);
    if (!out.writableFinished) await finished(out);
    return { seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSeconds(cpu), bytes: statSync(path).size, baselineMb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function fromDatabase(): Promise<Measured> {
  // Loaded here only: the in-memory case should not carry TypeORM and pg in its RSS.
  const { AuditStore, SqlOpenItemSource, SqlReportRepository, openDatabase } = await import('@conveyor/persistence');
  const config = JSON.parse(argument) as ConveyorConfig;
  const database = await openDatabase(config);
  const dir = mkdtempSync(join(tmpdir(), 'conveyor-bench-reports-'));
  try {
    const { dataSource } = database;
    const service = new ReportService({
      registry: new ReportRegistry(builtInReportDefinitions()),
      sources: { openItems: new SqlOpenItemSource(dataSource) },
      repository: new SqlReportRepository(dataSource),
      store: new LocalDiskReportStore(dir),
      audit: new AuditStore(dataSource, systemClock),
      clock: systemClock,
      newId,
    });
    const baselineMb = process.memoryUsage().rss / MB;
    const cpu = process.cpuUsage();
    const started = performance.now();
    const report = await service.generate({ type: 'ap-aging', format, parameters: { asOf: AS_OF, timeZone: 'Europe/Berlin' } }, { id: 'bench' });
    return { seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSeconds(cpu), bytes: report.sizeBytes ?? 0, baselineMb };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

(mode === 'memory' ? inMemory() : fromDatabase())
  .then((result) => {
    process.stdout.write(`${JSON.stringify({ ...result, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
  })
  .catch((error) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
