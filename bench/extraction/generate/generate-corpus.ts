import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { groundTruthOf, type GeneratedTruth } from './ground-truth';
import { drawInvoice, LAYOUTS, type InvoiceDocument } from './invoice-model';
import { renderInvoicePdf } from './layouts';
import { SeededRandom } from './random';
import { DEGRADATIONS, degradePage, imagesToPdf, rasterisePdf, type Degradation } from './scan-variants';

export const GENERATOR_VERSION = 6;
export const REPOSITORY_ROOT = resolve(__dirname, '../../..');
export const DEFAULT_SEED = 4711;

export interface CorpusOptions {
  seed: number;
  quick: boolean;
  /** Folder for the corpus; default tmp/extraction-corpus/<seed>[-quick]. */
  out?: string;
}

export interface GeneratedEntry {
  /** generated/<held-out corpus name> for the held-out corpora (held-out-corpora.ts). */
  set: 'generated/born-digital' | 'generated/scanned' | `generated/held-out${string}`;
  id: string;
  /** File relative to the corpus folder. */
  file: string;
  truthFile: string;
}

export interface CorpusManifest {
  generatorVersion: number;
  seed: number;
  quick: boolean;
  documents: GeneratedEntry[];
}

export function corpusFolder(options: CorpusOptions): string {
  return options.out ?? join(REPOSITORY_ROOT, 'tmp', 'extraction-corpus', `${options.seed}${options.quick ? '-quick' : ''}`);
}

export function corpusSize(quick: boolean): { bornDigital: number; scanned: number } {
  return quick ? { bornDigital: 32, scanned: 8 } : { bornDigital: 280, scanned: 60 };
}

/** The invoice behind document `index` of a corpus: depends on nothing but the seed and the index. */
export function drawGeneratedInvoice(seed: number, index: number): InvoiceDocument {
  const random = SeededRandom.forDocument(seed, index);
  const layout = LAYOUTS[index % LAYOUTS.length];
  return drawInvoice(`g${String(index).padStart(4, '0')}-${layout}`, random, { layout, faultRate: 0.05 });
}

/** Writes the corpus (PDFs, scans, ground truth, manifest) unless the same one is already there. */
export async function generateCorpus(options: CorpusOptions, log: (line: string) => void = () => undefined): Promise<{ folder: string; manifest: CorpusManifest }> {
  const folder = corpusFolder(options);
  const manifestPath = join(folder, 'manifest.json');
  if (existsSync(manifestPath)) {
    const existing = JSON.parse(readFileSync(manifestPath, 'utf8')) as CorpusManifest;
    if (existing.generatorVersion === GENERATOR_VERSION && existing.seed === options.seed && existing.quick === options.quick) return { folder, manifest: existing };
  }
  const size = corpusSize(options.quick);
  const bornFolder = join(folder, 'born-digital');
  const scanFolder = join(folder, 'scanned');
  mkdirSync(bornFolder, { recursive: true });
  mkdirSync(scanFolder, { recursive: true });
  const documents: GeneratedEntry[] = [];
  const writeTruth = (path: string, truth: GeneratedTruth, extra: Record<string, unknown> = {}): void => writeFileSync(path, `${JSON.stringify({ ...truth, ...extra }, null, 2)}\n`);

  // Odd spacing, so the scanned documents cycle through all eight layouts.
  const spacing = Math.max(1, Math.floor(size.bornDigital / size.scanned));
  const scanEvery = spacing % 2 === 0 ? spacing - 1 : spacing;
  let scans = 0;
  for (let index = 0; index < size.bornDigital; index += 1) {
    const invoice = drawGeneratedInvoice(options.seed, index);
    const truth = groundTruthOf(invoice);
    const pdf = await renderInvoicePdf(invoice);
    const pdfPath = join(bornFolder, `${invoice.id}.pdf`);
    writeFileSync(pdfPath, pdf);
    writeTruth(join(bornFolder, `${invoice.id}.truth.json`), truth);
    documents.push({ set: 'generated/born-digital', id: invoice.id, file: relative(folder, pdfPath), truthFile: relative(folder, join(bornFolder, `${invoice.id}.truth.json`)) });

    if (index % scanEvery !== 0 || scans >= size.scanned) continue;
    const random = SeededRandom.forDocument(options.seed ^ 0x51ca, index);
    const degradation = pickDegradation(invoice, scans);
    const pages = await rasterisePdf(pdf, degradation.dpi, degradation.output !== 'pdf');
    const degraded = [];
    for (const page of pages) degraded.push(await degradePage(page, degradation, random));
    const bytes = degradation.output === 'pdf' ? await imagesToPdf(degraded, degradation.dpi) : degraded[0].bytes;
    const scanId = `${invoice.id}-${degradation.name}`;
    const scanPath = join(scanFolder, `${scanId}.${degradation.output === 'jpeg' ? 'jpg' : degradation.output}`);
    writeFileSync(scanPath, bytes);
    writeTruth(join(scanFolder, `${scanId}.truth.json`), truth, { _source: relative(folder, pdfPath), _degradation: degradation });
    documents.push({ set: 'generated/scanned', id: scanId, file: relative(folder, scanPath), truthFile: relative(folder, join(scanFolder, `${scanId}.truth.json`)) });
    scans += 1;
    if (scans % 20 === 0) log(`  scanned ${scans}/${size.scanned}`);
  }
  const manifest: CorpusManifest = { generatorVersion: GENERATOR_VERSION, seed: options.seed, quick: options.quick, documents };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { folder, manifest };
}

/** Multi-page invoices only as scanned PDFs (an image holds one page); the rest cycle through every degradation. */
function pickDegradation(invoice: InvoiceDocument, counter: number): Degradation {
  const candidates = invoice.layout === 'multi-page' ? DEGRADATIONS.filter((degradation) => degradation.output === 'pdf') : DEGRADATIONS;
  return candidates[counter % candidates.length];
}
