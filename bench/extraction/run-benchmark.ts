/**
 * Extraction accuracy and speed benchmark (issue 4, "Accuracy and speed"): scores `extractFile` on the shared
 * corpus (../shared/corpus: invoice2data, fatura, the four e-invoice subsets, SROIE; each set checked against
 * its SHA256SUMS) and on the generated corpus (born-digital PDFs in 8 layouts and 7 languages, and scanned
 * variants), following the corpus README's scoring conventions. Prints one table per set.
 *
 *   npm run bench:extraction [-- --quick] [--seed N] [--sets einvoice,einvoice-raster,generated,invoice2data,fatura,sroie]
 * (default: all but einvoice-raster, the e-invoice PDFs rasterised at 200 dpi for the OCR path: slow);
 * --dump-errors <file> writes every wrong or missing field as a JSON line; every result is kept under
 * tmp/extraction-corpus/results/ and --reuse-results scores the kept ones again without extracting (latency
 * figures are then those of the run that extracted).
 *   npm run bench:einvoice   (the e-invoice subsets only)
 *
 * Needs poppler's pdftoppm (installed by test/ensure-tools.sh) to generate the scanned variants.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ExtractionResult } from '@conveyor/documents';
import { DEFAULT_LOW_CONFIDENCE_THRESHOLD } from '@conveyor/invoice-extraction';
import { isDomainError } from '@conveyor/kernel';
import { closeExtraction, extractFile, extractionMode } from './extract-file';
import { DEFAULT_SEED, generateCorpus, REPOSITORY_ROOT } from './generate/generate-corpus';
import { scoreDocument, type DocumentScore } from './score/document-scoring';
import { loadGeneratedSets } from './score/generated-sets';
import { EINVOICE_SUBSETS, loadEInvoiceSubset, loadFatura, loadInvoice2data, loadSroie } from './score/shared-corpus-sets';
import { rasterisedEInvoices } from './score/einvoice-raster-sets';
import { renderBreakdown, renderSetReport } from './score/set-report';
import { renderHeadlines, renderSpeed, renderTargets, type ResourceSample } from './score/summary-report';
import type { TruthDocument } from './score/truth-document';

interface Options {
  seed: number;
  quick: boolean;
  sets: string[];
  /** Writes every wrong or missing field as a JSON line, to check the ground truth and study failures. */
  dumpErrors: string | undefined;
  /** Folder where each extraction result is kept by the file's SHA-256; with --reuse-results a kept one is scored again instead of extracting (for work on the scorer only). */
  resultsFolder: string;
  reuseResults: boolean;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const seed = Number(value('--seed') ?? DEFAULT_SEED);
  if (!Number.isInteger(seed)) throw new Error('--seed needs an integer');
  const sets = (value('--sets') ?? 'einvoice,invoice2data,fatura,sroie,generated').split(',').map((set) => set.trim());
  return {
    seed,
    quick: argv.includes('--quick'),
    sets,
    dumpErrors: value('--dump-errors'),
    resultsFolder: join(REPOSITORY_ROOT, 'tmp', 'extraction-corpus', 'results'),
    reuseResults: argv.includes('--reuse-results'),
  };
}

async function loadDocuments(options: Options): Promise<TruthDocument[]> {
  const documents: TruthDocument[] = [];
  if (options.sets.includes('invoice2data')) documents.push(...loadInvoice2data());
  if (options.sets.includes('fatura')) documents.push(...loadFatura());
  if (options.sets.includes('einvoice')) for (const subset of EINVOICE_SUBSETS) documents.push(...loadEInvoiceSubset(subset));
  if (options.sets.includes('einvoice-raster')) documents.push(...(await rasterisedEInvoices(EINVOICE_SUBSETS.flatMap((subset) => loadEInvoiceSubset(subset)))));
  if (options.sets.includes('sroie')) documents.push(...loadSroie());
  if (options.sets.includes('generated')) {
    const started = performance.now();
    const { folder, manifest } = await generateCorpus({ seed: options.seed, quick: options.quick }, (line) => process.stdout.write(`${line}\n`));
    process.stdout.write(`generated corpus: ${manifest.documents.length} documents in ${folder} (seed ${options.seed}, ${((performance.now() - started) / 1000).toFixed(1)} s incl. cache check)\n`);
    documents.push(...loadGeneratedSets(folder, manifest));
  }
  return documents;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  process.stdout.write(`extraction through ${extractionMode()}\n`);
  const documents = await loadDocuments(options);
  const scores: DocumentScore[] = [];
  const samples: ResourceSample[] = [];
  // Set by set, each report printed as soon as its set is done (the OCR sets are slow: their turn comes last).
  const sets = [...new Set(documents.map((document) => document.set))].sort((a, b) => cost(a) - cost(b));
  for (const set of sets) {
    const selected: DocumentScore[] = [];
    for (const document of documents.filter((candidate) => candidate.set === set)) {
      const kept = join(options.resultsFolder, `${createHash('sha256').update(readFileSync(document.file)).digest('hex')}.json`);
      let result: ExtractionResult | null = null;
      let error: string | null = null;
      let milliseconds: number;
      if (options.reuseResults && existsSync(kept)) {
        ({ result, error, milliseconds } = JSON.parse(readFileSync(kept, 'utf8')) as { result: ExtractionResult | null; error: string | null; milliseconds: number });
      } else {
        const started = performance.now();
        try {
          result = await extractFile(document.file);
        } catch (caught) {
          error = isDomainError(caught) ? caught.code : caught instanceof Error ? `${caught.name}: ${caught.message.slice(0, 80)}` : 'UNKNOWN';
        }
        milliseconds = performance.now() - started;
        mkdirSync(options.resultsFolder, { recursive: true });
        writeFileSync(kept, JSON.stringify({ result, error, milliseconds }));
      }
      const score = scoreDocument(document, result, error, milliseconds);
      selected.push(score);
      samples.push({ path: score.path, pages: score.pages, milliseconds, rss: process.memoryUsage().rss });
    }
    scores.push(...selected);
    process.stdout.write(`${renderSetReport(set, selected, DEFAULT_LOW_CONFIDENCE_THRESHOLD)}\n`);
    for (const tag of ['layout', 'language', 'scan']) {
      const breakdown = renderBreakdown(selected, tag);
      if (breakdown) process.stdout.write(`${breakdown}\n`);
    }
  }
  await closeExtraction();
  if (options.dumpErrors) {
    const lines = scores.flatMap((score) =>
      score.fields
        .filter((outcome) => !outcome.correct && (outcome.truth !== null || outcome.predicted !== null))
        .map((outcome) => JSON.stringify({ set: score.truth.set, id: score.truth.id, field: outcome.field, truth: outcome.truth, predicted: outcome.predicted, confidence: outcome.confidence, error: score.error })),
    );
    writeFileSync(options.dumpErrors, lines.length > 0 ? `${lines.join('\n')}\n` : '');
  }
  process.stdout.write(`\n${renderSpeed(samples)}\n`);
  process.stdout.write(`\n${renderHeadlines(scores)}\n`);
  process.stdout.write(`\n${renderTargets(scores, DEFAULT_LOW_CONFIDENCE_THRESHOLD)}\n`);
}

/** Sets read from XML or a text layer first, OCR sets last. */
function cost(set: string): number {
  if (set.startsWith('invoices/einvoice') && !set.includes('scan')) return 0;
  if (set === 'invoices/invoice2data' || set === 'generated/born-digital') return 1;
  return set === 'generated/scanned' ? 3 : 2;
}

main().catch((error: unknown) => {
  process.stderr.write(`extraction benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
