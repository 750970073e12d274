/**
 * Extraction accuracy and speed benchmark (issue 4, "Accuracy and speed"): scores `extractFile` on the shared
 * corpus (../shared/corpus: invoice2data, fatura, the four e-invoice subsets, SROIE; each set checked against
 * its SHA256SUMS) and on the generated corpus (born-digital PDFs in 8 layouts and 7 languages, and scanned
 * variants), following the corpus README's scoring conventions. Prints one table per set.
 *
 *   npm run bench:extraction [-- --quick] [--seed N] [--held-out-seed N] [--sets einvoice,einvoice-raster,generated,generated-born,held-out,held-out-2,receipts,invoice2data,fatura,sroie]
 * (default: all but einvoice-raster, the e-invoice PDFs rasterised at 200 dpi for the OCR path: slow);
 * --split dev|held-out scores one deterministic half of SROIE (by SHA-256 of the receipt id);
 * --dump-errors <file> writes every wrong or missing field as a JSON line; every result is kept under
 * tmp/extraction-corpus/results/ (or --results-folder <dir>) and --reuse-results scores the kept ones again without
 * extracting (latency figures are then those of the run that extracted; a saved folder gives a before/after).
 *   npm run bench:einvoice   (the e-invoice subsets only)
 *
 * --sets held-out-2 [--held-out-2-seed N]: the second held-out corpus (generate/held-out-2-*.ts), score only.
 * --sets held-out-3 [--held-out-3-seed N]: the third held-out corpus (generate/held-out-3-*.ts): number labels,
 * titles and "kr" currencies drawn apart from the lexicon; score only.
 * --sets held-out-4 [--held-out-4-seed N]: the fourth held-out corpus (generate/held-out-4-*.ts): sellers of many
 * countries and legal forms, logos, footer-only and two-line names, buyer above seller; score only.
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
import { generateHeldOutCorpus, HELD_OUT_CORPORA } from './generate/held-out-corpora';
import { scoreDocument, type DocumentScore } from './score/document-scoring';
import { loadGeneratedSets } from './score/generated-sets';
import { generateReceipts } from './generate/generate-receipts';
import { loadGeneratedReceipts } from './score/generated-receipt-set';
import { EINVOICE_SUBSETS, loadEInvoiceSubset, loadFatura, loadInvoice2data, loadSroie, type SroieSplit } from './score/shared-corpus-sets';
import { rasterisedEInvoices } from './score/einvoice-raster-sets';
import { renderBreakdown, renderSetReport } from './score/set-report';
import { renderHeadlines, renderSpeed, renderTargets, type ResourceSample } from './score/summary-report';
import type { TruthDocument } from './score/truth-document';

interface Options {
  seed: number;
  /** Seed of each held-out corpus by name (--held-out-seed, --held-out-2-seed, ...). */
  heldOutSeeds: Map<string, number>;
  quick: boolean;
  sets: string[];
  /** Writes every wrong or missing field as a JSON line, to check the ground truth and study failures. */
  dumpErrors: string | undefined;
  /** Folder where each extraction result is kept by the file's SHA-256; with --reuse-results a kept one is scored again instead of extracting (for work on the scorer only). */
  resultsFolder: string;
  reuseResults: boolean;
  /** SROIE half to score (dev: looked at while writing rules; held-out: only scored); default both. */
  split: SroieSplit | undefined;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const seed = Number(value('--seed') ?? DEFAULT_SEED);
  if (!Number.isInteger(seed)) throw new Error('--seed needs an integer');
  const split = value('--split');
  if (split !== undefined && split !== 'dev' && split !== 'held-out') throw new Error('--split needs dev or held-out');
  const sets = (value('--sets') ?? 'einvoice,invoice2data,fatura,sroie,generated').split(',').map((set) => set.trim());
  const heldOutSeeds = new Map<string, number>();
  for (const corpus of HELD_OUT_CORPORA) {
    const seedOf = Number(value(`--${corpus.name}-seed`) ?? corpus.defaultSeed);
    if (!Number.isInteger(seedOf)) throw new Error(`--${corpus.name}-seed needs an integer`);
    heldOutSeeds.set(corpus.name, seedOf);
  }
  return {
    seed,
    heldOutSeeds,
    quick: argv.includes('--quick'),
    sets,
    dumpErrors: value('--dump-errors'),
    resultsFolder: value('--results-folder') ?? join(REPOSITORY_ROOT, 'tmp', 'extraction-corpus', 'results'),
    reuseResults: argv.includes('--reuse-results'),
    split,
  };
}

async function loadDocuments(options: Options): Promise<TruthDocument[]> {
  const documents: TruthDocument[] = [];
  if (options.sets.includes('invoice2data')) documents.push(...loadInvoice2data());
  if (options.sets.includes('fatura')) documents.push(...loadFatura());
  if (options.sets.includes('einvoice')) for (const subset of EINVOICE_SUBSETS) documents.push(...loadEInvoiceSubset(subset));
  if (options.sets.includes('einvoice-raster')) documents.push(...(await rasterisedEInvoices(EINVOICE_SUBSETS.flatMap((subset) => loadEInvoiceSubset(subset)))));
  if (options.sets.includes('sroie')) documents.push(...loadSroie(options.split));
  if (options.sets.includes('receipts')) {
    // Generated till receipts (faded thermal scans, SROIE-like totals blocks): a second blind check of receipts.
    const { folder, manifest } = await generateReceipts({ seed: options.seed, quick: options.quick });
    documents.push(...loadGeneratedReceipts(folder, manifest));
  }
  if (options.sets.includes('generated') || options.sets.includes('generated-born')) {
    const started = performance.now();
    const { folder, manifest } = await generateCorpus({ seed: options.seed, quick: options.quick }, (line) => process.stdout.write(`${line}\n`));
    process.stdout.write(`generated corpus: ${manifest.documents.length} documents in ${folder} (seed ${options.seed}, ${((performance.now() - started) / 1000).toFixed(1)} s incl. cache check)\n`);
    // generated-born: the born-digital half only (no OCR), for quick runs on the text-layer path.
    documents.push(...loadGeneratedSets(folder, manifest).filter((document) => options.sets.includes('generated') || document.set === 'generated/born-digital'));
  }
  for (const corpus of HELD_OUT_CORPORA.filter((candidate) => options.sets.includes(candidate.name))) {
    // Written before the rules it checks were tuned, with its own seed: score only, never study.
    const seed = options.heldOutSeeds.get(corpus.name) ?? corpus.defaultSeed;
    const { folder, manifest } = await generateHeldOutCorpus(corpus, { seed, quick: options.quick });
    process.stdout.write(`${corpus.name} corpus (${corpus.description}): ${manifest.documents.length} documents in ${folder} (seed ${seed})\n`);
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
  if (set === 'invoices/invoice2data' || set === 'generated/born-digital' || set.startsWith('generated/held-out')) return 1;
  return set === 'generated/scanned' ? 3 : 2;
}

main().catch((error: unknown) => {
  process.stderr.write(`extraction benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
