/**
 * Worker memory benchmark (issue 4, "a worker stays under 500 MB resident memory"): starts a real worker
 * process (`node apps/cli/bin/conveyor.js worker`, the command Docker and operators run) against the local
 * PostgreSQL and Redis, feeds it `extract` runs over a mix of text PDFs (generated born-digital invoices,
 * invoice2data), scanned PDFs and images (generated scans, SROIE receipts, FATURA), and prints, per
 * configuration, the peak resident memory of the worker's processes (sampled every 100 ms, and the kernel's
 * high-water mark VmHWM) next to throughput: first the text PDFs alone, then the scans.
 *
 *   npm run bench:worker-memory [-- --quick] [--configs default,large,arena-unset]
 *
 * Configurations: `default` (nothing set: pools sized to this machine and the default budget), `large` (one OCR
 * worker and one reader thread per core, a 2 GB budget), `arena-unset` (the default with MALLOC_ARENA_MAX=64,
 * glibc's default of 8 arenas per core here, so the CLI does not lower it), `env:K=V;K=V` (your own).
 * Needs PostgreSQL on 127.0.0.1:5432 (database `test`) and Redis on 127.0.0.1:6379.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadConfig } from '@conveyor/config';
import { createLogger } from '@conveyor/observability';
import { createPlatform, type Platform } from '@conveyor/platform';
import { DEFAULT_SEED, generateCorpus, REPOSITORY_ROOT } from './extraction/generate/generate-corpus';
import { currentMachine, sizeReaderPools } from '../libs/platform/src/reader-pools.sizing';

const QUICK = process.argv.includes('--quick');
const CORPUS = join(REPOSITORY_ROOT, '..', 'shared', 'corpus');
const SAMPLE_MS = 100;
const MB = 1024 * 1024;

interface BenchDocument {
  kind: 'text' | 'scan';
  file: string;
}

interface Configuration {
  name: string;
  env: Record<string, string>;
}

function option(flag: string): string | undefined {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function configurations(): Configuration[] {
  const cores = String(availableParallelism());
  return (option('--configs') ?? 'default,large').split(',').map((name) => {
    if (name === 'default') return { name, env: {} };
    if (name === 'large') return { name, env: { OCR_WORKERS: cores, PDF_READER_THREADS: cores, WORKER_MEMORY_BUDGET_MB: '2048' } };
    if (name === 'arena-unset') return { name, env: { MALLOC_ARENA_MAX: '64' } };
    if (name.startsWith('env:')) return { name, env: Object.fromEntries(name.slice(4).split(';').map((pair) => pair.split('=') as [string, string])) };
    throw new Error(`unknown configuration ${name}`);
  });
}

function filesIn(folder: string, pattern: RegExp, count: number): string[] {
  return readdirSync(folder).filter((name) => pattern.test(name)).sort().slice(0, count).map((name) => join(folder, name));
}

async function benchDocuments(): Promise<BenchDocument[]> {
  const { folder } = await generateCorpus({ seed: DEFAULT_SEED, quick: false }, (line) => process.stdout.write(`${line}\n`));
  const n = (quick: number, full: number) => (QUICK ? quick : full);
  const text = [
    ...filesIn(join(folder, 'born-digital'), /\.pdf$/, n(10, 40)),
    ...filesIn(join(CORPUS, 'invoices/invoice2data'), /\.pdf$/, n(2, 5)).filter((file) => existsSync(file)),
  ];
  const scans = [
    ...filesIn(join(folder, 'scanned'), /\.pdf$/, n(2, 6)),
    ...filesIn(join(folder, 'scanned'), /\.(png|jpg)$/, n(2, 6)),
    ...filesIn(join(CORPUS, 'receipts/sroie/img'), /\.jpg$/, n(1, 4)),
    ...filesIn(join(CORPUS, 'invoices/fatura/images'), /\.jpg$/, n(1, 2)),
  ];
  return [...text.map((file) => ({ kind: 'text' as const, file })), ...scans.map((file) => ({ kind: 'scan' as const, file }))];
}

/** Resident memory of a process and its descendants (the CLI may start the worker as its child), in bytes. */
function treeMemory(pid: number): { rss: number; hwm: number } {
  let rss = 0;
  let hwm = 0;
  const visit = (id: number) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, 'utf8');
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      hwm += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      for (const task of readdirSync(`/proc/${id}/task`)) {
        const children = readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim();
        for (const child of children ? children.split(/\s+/) : []) visit(Number(child));
      }
    } catch {
      // the process ended between two reads
    }
  };
  visit(pid);
  return { rss, hwm };
}

function startWorker(base: Record<string, string>, extra: Record<string, string>): { child: ChildProcess; ready: Promise<void> } {
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? tmpdir(), ...base, ...extra };
  const child = spawn(process.execPath, [join(REPOSITORY_ROOT, 'apps/cli/bin/conveyor.js'), 'worker'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Conveyor \(?worker\)? running/.test(output)) resolve();
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
    child.once('exit', (code) => reject(new Error(`the worker exited (${code}) before it was ready:\n${output.slice(-2000)}`)));
  });
  return { child, ready };
}

interface PhaseResult {
  documents: number;
  pages: number;
  failed: number;
  seconds: number;
  peakRss: number;
}

async function runPhase(platform: Platform, documents: Array<{ id: string; pages: number }>, pid: number): Promise<PhaseResult> {
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeMemory(pid).rss)), SAMPLE_MS);
  const started = performance.now();
  const runIds = await Promise.all(
    documents.map(async (document) => (await platform.runs.start({ workflowId: 'bench-extract', inputs: { documentId: document.id }, trigger: { type: 'manual' } }, { id: 'bench' })).id),
  );
  let failed = 0;
  for (const runId of runIds) {
    for (;;) {
      const run = await platform.runs.get(runId);
      if (['succeeded', 'failed', 'cancelled'].includes(run.status)) {
        if (run.status !== 'succeeded') failed += 1;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, treeMemory(pid).rss);
  return { documents: documents.length, pages: documents.reduce((sum, document) => sum + document.pages, 0), failed, seconds, peakRss };
}

async function main(): Promise<void> {
  const schema = `bench_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const base = {
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
    DATABASE_SCHEMA: schema,
    REDIS_URL: 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: schema,
    LOG_LEVEL: 'info',
    CONVEYOR_DEV_SEED: 'false',
  };
  const config = loadConfig({ ...base, LOG_LEVEL: 'warn' });
  const platform = await createPlatform(config, { components: ['scheduler'], logger: createLogger({ level: 'warn', component: 'bench' }) });
  try {
    const published = await platform.workflows.publish(
      [
        'version: 1',
        'id: bench-extract',
        'inputs:',
        '  documentId: { type: string, required: true }',
        'steps:',
        '  - id: extract',
        '    type: extract',
        '    with: { documentId: "${{ inputs.documentId }}" }',
      ].join('\n'),
      { id: 'bench' },
    );
    if (!published.ok) throw new Error(JSON.stringify(published.problems));
    const corpus = await benchDocuments();
    // In uploads of DOCUMENT_MAX_FILES_PER_UPLOAD files at most.
    const intake: Awaited<ReturnType<Platform['documents']['intake']>> = [];
    for (let first = 0; first < corpus.length; first += config.DOCUMENT_MAX_FILES_PER_UPLOAD) {
      const files = corpus.slice(first, first + config.DOCUMENT_MAX_FILES_PER_UPLOAD);
      intake.push(...(await platform.documents.intake(files.map((document) => ({ fileName: basename(document.file), read: async () => readFileSync(document.file) })), { id: 'bench' })));
    }
    const stored = corpus.map((document, index) => ({ ...document, id: intake[index].document.id, pages: intake[index].document.pages ?? 1, status: intake[index].document.status }));
    const rejected = stored.filter((document) => document.status === 'rejected');
    if (rejected.length > 0) process.stdout.write(`rejected at intake (left out): ${rejected.map((document) => basename(document.file)).join(', ')}\n`);
    const usable = stored.filter((document) => document.status !== 'rejected');
    const text = usable.filter((document) => document.kind === 'text');
    const scans = usable.filter((document) => document.kind === 'scan');
    process.stdout.write(
      `machine: ${availableParallelism()} cores, ${currentMachine().memoryMb} MB; mix: ${text.length} text PDFs (${text.reduce((s, d) => s + d.pages, 0)} pages), ` +
        `${scans.length} scanned PDFs and images (${scans.reduce((s, d) => s + d.pages, 0)} pages)\n\n`,
    );

    const rows: string[][] = [];
    for (const configuration of configurations()) {
      const plan = sizeReaderPools(loadConfig({ ...base, ...configuration.env }), currentMachine());
      const { child, ready } = startWorker(base, configuration.env);
      await ready;
      const idle = treeMemory(child.pid!).rss;
      const textPhase = await runPhase(platform, text, child.pid!);
      const scanPhase = await runPhase(platform, scans, child.pid!);
      const { hwm } = treeMemory(child.pid!);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      const cores = availableParallelism();
      rows.push([
        configuration.name,
        `${plan.ocrWorkers}/${plan.pdfReaderThreads}`,
        (idle / MB).toFixed(0),
        (textPhase.peakRss / MB).toFixed(0),
        (scanPhase.peakRss / MB).toFixed(0),
        (hwm / MB).toFixed(0),
        (textPhase.pages / textPhase.seconds / cores).toFixed(1),
        (scanPhase.pages / scanPhase.seconds).toFixed(2),
        String(textPhase.failed + scanPhase.failed),
      ]);
      process.stdout.write(`${configuration.name}: done (${JSON.stringify(configuration.env)})\n`);
    }
    const header = ['config', 'ocr/pdf', 'idle MB', 'peak MB text', 'peak MB scans', 'VmHWM MB', 'text pages/s/core', 'scan pages/s', 'failed'];
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
    const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
    process.stdout.write(`\n${line(header)}\n${[...rows.map(line)].join('\n')}\n`);
    process.stdout.write('peak = highest sampled RSS of the worker process tree (every 100 ms); VmHWM = the kernel\'s high-water mark over the whole run.\n');
  } finally {
    await platform.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`worker memory benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
