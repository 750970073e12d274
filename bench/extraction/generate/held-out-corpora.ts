import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GENERATOR_VERSION, REPOSITORY_ROOT, type CorpusManifest, type CorpusOptions, type GeneratedEntry } from './generate-corpus';
import { groundTruthOf } from './ground-truth';
import { heldOut2Truth, renderHeldOut2Pdf } from './held-out-2-layouts';
import { DEFAULT_HELD_OUT_2_SEED, drawHeldOut2Invoice } from './held-out-2-model';
import { heldOut3Truth, renderHeldOut3Pdf } from './held-out-3-layouts';
import { DEFAULT_HELD_OUT_3_SEED, drawHeldOut3Invoice } from './held-out-3-model';
import { heldOut4Truth, renderHeldOut4Pdf } from './held-out-4-layouts';
import { DEFAULT_HELD_OUT_4_SEED, drawHeldOut4Invoice } from './held-out-4-model';
import { asModel, renderHeldOutPdf } from './held-out-layouts';
import { DEFAULT_HELD_OUT_SEED, drawHeldOutInvoice } from './held-out-model';

/** One drawn document of a held-out corpus: its id, its PDF and its ground truth. */
interface HeldOutDraw {
  id: string;
  render(): Promise<Buffer>;
  truth(): unknown;
}

/**
 * A born-digital corpus written before the rules it checks were tuned, scored and never studied (until it is
 * spent and the next one is written). Each has its own layout families, labels and seed.
 */
export interface HeldOutCorpus {
  /** The --sets name, also the documents' set ("generated/<name>") and the --<name>-seed flag. */
  name: `held-out${string}`;
  /** What it holds, printed with its figures. */
  description: string;
  /** Bumped whenever its draw or layouts change (the corpus is regenerated then). */
  version: number;
  count: number;
  defaultSeed: number;
  draw(seed: number, index: number): HeldOutDraw;
}

export const HELD_OUT_CORPORA: readonly HeldOutCorpus[] = [
  {
    name: 'held-out',
    description: 'layout families, labels and number shapes no rule was written against',
    version: 2,
    count: 160,
    defaultSeed: DEFAULT_HELD_OUT_SEED,
    draw(seed, index) {
      const invoice = drawHeldOutInvoice(seed, index);
      return { id: invoice.id, render: () => renderHeldOutPdf(invoice), truth: () => ({ ...groundTruthOf(asModel(invoice)), _layout: invoice.layout }) };
    },
  },
  {
    name: 'held-out-2',
    description: 'totals at the top or inside the line table, credit notes, discounts and shipping, deposits, bilingual labels',
    version: 2,
    count: 180,
    defaultSeed: DEFAULT_HELD_OUT_2_SEED,
    draw(seed, index) {
      const invoice = drawHeldOut2Invoice(seed, index);
      return { id: invoice.id, render: () => renderHeldOut2Pdf(invoice), truth: () => heldOut2Truth(invoice) };
    },
  },
  {
    name: 'held-out-3',
    description: 'number labels, several-word titles, credit notes citing originals and "kr" sellers drawn apart from the lexicon',
    version: 1,
    count: 160,
    defaultSeed: DEFAULT_HELD_OUT_3_SEED,
    draw(seed, index) {
      const invoice = drawHeldOut3Invoice(seed, index);
      return { id: invoice.id, render: () => renderHeldOut3Pdf(invoice), truth: () => heldOut3Truth(invoice) };
    },
  },
  {
    name: 'held-out-4',
    description: 'sellers of many countries with their legal forms, sole traders, logos, footer-only and two-line names, the buyer above the seller',
    version: 1,
    count: 160,
    defaultSeed: DEFAULT_HELD_OUT_4_SEED,
    draw(seed, index) {
      const invoice = drawHeldOut4Invoice(seed, index);
      return { id: invoice.id, render: () => renderHeldOut4Pdf(invoice), truth: () => heldOut4Truth(invoice) };
    },
  },
];

export function heldOutFolder(corpus: HeldOutCorpus, options: CorpusOptions): string {
  return options.out ?? join(REPOSITORY_ROOT, 'tmp', 'extraction-corpus', `${corpus.name}-${options.seed}${options.quick ? '-quick' : ''}`);
}

/** Writes a held-out corpus (PDFs, ground truth, manifest) unless the same one is already there. */
export async function generateHeldOutCorpus(corpus: HeldOutCorpus, options: CorpusOptions): Promise<{ folder: string; manifest: CorpusManifest }> {
  const folder = heldOutFolder(corpus, options);
  const manifestPath = join(folder, 'manifest.json');
  const version = GENERATOR_VERSION * 1000 + corpus.version;
  if (existsSync(manifestPath)) {
    const existing = JSON.parse(readFileSync(manifestPath, 'utf8')) as CorpusManifest;
    if (existing.generatorVersion === version && existing.seed === options.seed && existing.quick === options.quick) return { folder, manifest: existing };
  }
  const bornFolder = join(folder, 'born-digital');
  mkdirSync(bornFolder, { recursive: true });
  const documents: GeneratedEntry[] = [];
  const count = options.quick ? 24 : corpus.count;
  for (let index = 0; index < count; index += 1) {
    const drawn = corpus.draw(options.seed, index);
    const pdfPath = join(bornFolder, `${drawn.id}.pdf`);
    const truthPath = join(bornFolder, `${drawn.id}.truth.json`);
    writeFileSync(pdfPath, await drawn.render());
    writeFileSync(truthPath, `${JSON.stringify(drawn.truth(), null, 2)}\n`);
    documents.push({ set: `generated/${corpus.name}`, id: drawn.id, file: relative(folder, pdfPath), truthFile: relative(folder, truthPath) });
  }
  const manifest: CorpusManifest = { generatorVersion: version, seed: options.seed, quick: options.quick, documents };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { folder, manifest };
}
