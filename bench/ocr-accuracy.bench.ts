/**
 * OCR character error rate per scanned set (issue 4): the raw text the product's reader gets from a scan
 * (`readDocument` of @conveyor/document-reading with the tesseract engine of @conveyor/ocr, as a worker runs it:
 * pages rendered at 300 dpi, words in reading order), against ground-truth text:
 *   - generated/scanned: each scan's born-digital source PDF (`_source` in its truth file), read from its text
 *     layer by the same reader (the same pages: scans of multi-page invoices may hold the first page only);
 *   - einvoice-raster: the e-invoice PDFs of the shared corpus rasterised at 200 dpi (pdftoppm), against their
 *     own text layer;
 *   - sroie: the receipts' line transcripts (box/X.csv, top to bottom).
 * FATURA is left out: its annotations transcribe only some regions of each page, so a CER would mostly count
 * the text nobody annotated.
 *
 *   npm run bench:ocr-accuracy [-- --quick] [--sets generated,einvoice-raster,sroie] [--max-pixels 12000000]
 *                              [--orientation probe | --no-orientation] [--json <file>]
 *
 * CER = Levenshtein distance between the two texts (whitespace runs folded into one space, case kept) divided
 * by the truth's length; reading-order differences count as errors, so the figure is an upper bound.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readDocument, readPdfTextLayout, type ReadableMediaType } from '@conveyor/document-reading';
import { createOcrEngine } from '@conveyor/ocr';
import { sharedPdfWorkerPool } from '@conveyor/pdf-reader';
import { DEFAULT_SEED, generateCorpus, REPOSITORY_ROOT } from './extraction/generate/generate-corpus';
import { rasterisePdf } from './extraction/generate/scan-variants';

const CORPUS = join(REPOSITORY_ROOT, '..', 'shared', 'corpus');
const QUICK = process.argv.includes('--quick');

function option(flag: string): string | undefined {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

interface Sample {
  set: string;
  name: string;
  bytes: Uint8Array;
  mediaType: ReadableMediaType;
  /** Ground truth, pages separated by form feeds; compared page for page as far as the scan goes. */
  truth: () => Promise<string>;
}

const mediaTypeOf = (file: string): ReadableMediaType =>
  file.endsWith('.pdf') ? 'application/pdf' : file.endsWith('.png') ? 'image/png' : file.endsWith('.tif') || file.endsWith('.tiff') ? 'image/tiff' : 'image/jpeg';

async function generatedSamples(): Promise<Sample[]> {
  const { folder } = await generateCorpus({ seed: DEFAULT_SEED, quick: false });
  const scans = readdirSync(join(folder, 'scanned')).filter((name) => /\.(pdf|png|jpg)$/.test(name)).sort();
  return (QUICK ? scans.filter((_, index) => index % 5 === 0) : scans).map((name) => {
    const truthFile = join(folder, 'scanned', name.replace(/\.(pdf|png|jpg)$/, '.truth.json'));
    const source = (JSON.parse(readFileSync(truthFile, 'utf8')) as { _source: string })._source;
    return {
      set: 'generated/scanned',
      name,
      bytes: readFileSync(join(folder, 'scanned', name)),
      mediaType: mediaTypeOf(name),
      truth: async () => (await readPdfTextLayout(readFileSync(join(folder, source)))).text,
    };
  });
}

async function einvoiceRasterSamples(): Promise<Sample[]> {
  const base = join(CORPUS, 'invoices/einvoice');
  const pdfs = ['ferd-zugferd10', 'ferd-zugferd233', 'fnfe-facturx', 'mustang'].flatMap((subset) =>
    readdirSync(join(base, subset, 'files')).filter((name) => name.endsWith('.pdf')).sort().slice(0, QUICK ? 1 : 3).map((name) => join(base, subset, 'files', name)),
  );
  const samples: Sample[] = [];
  for (const file of pdfs) {
    const pdf = readFileSync(file);
    const [page] = await rasterisePdf(pdf, 200, true);
    samples.push({ set: 'einvoice-raster', name: basename(file), bytes: page, mediaType: 'image/png', truth: async () => (await readPdfTextLayout(pdf)).text });
  }
  return samples;
}

function sroieSamples(): Sample[] {
  const folder = join(CORPUS, 'receipts/sroie');
  const names = readdirSync(join(folder, 'img')).filter((name) => name.endsWith('.jpg')).sort();
  return (QUICK ? names.slice(0, 4) : names).map((name) => {
    const rows = readFileSync(join(folder, 'box', name.replace(/\.jpg$/, '.csv')), 'utf8').split(/\r?\n/).filter((row) => row.trim());
    // x1,y1,...,x4,y4,transcript: the transcript may itself hold commas.
    const text = rows.map((row) => row.split(',').slice(8).join(',')).join('\n');
    return { set: 'sroie', name, bytes: readFileSync(join(folder, 'img', name)), mediaType: 'image/jpeg', truth: async () => text };
  });
}

const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Levenshtein distance over UTF-16 code units, two rows at a time. */
function editDistance(a: string, b: string): number {
  let previous = new Uint32Array(b.length + 1).map((_, index) => index);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

async function main(): Promise<void> {
  const sets = (option('--sets') ?? 'generated,einvoice-raster,sroie').split(',');
  const maxRecognitionPixels = option('--max-pixels') ? Number(option('--max-pixels')) : undefined;
  const detectOrientation = process.argv.includes('--no-orientation') ? false : undefined;
  const samples = [
    ...(sets.includes('generated') ? await generatedSamples() : []),
    ...(sets.includes('einvoice-raster') ? await einvoiceRasterSamples() : []),
    ...(sets.includes('sroie') ? sroieSamples() : []),
  ];
  const orientation = option('--orientation') === 'probe' ? 'probe' : undefined;
  const ocr = createOcrEngine({ workers: 1, maxRecognitionPixels, orientation });
  const reading = detectOrientation === false ? { recognize: (image: Uint8Array, options: Parameters<typeof ocr.recognize>[1] = {}) => ocr.recognize(image, { ...options, detectOrientation: false }), close: () => ocr.close() } : ocr;
  const results: Array<{ set: string; name: string; errors: number; length: number; seconds: number }> = [];
  for (const sample of samples) {
    const started = performance.now();
    const layout = await readDocument(sample.bytes, sample.mediaType, { ocr: reading });
    const seconds = (performance.now() - started) / 1000;
    const read = layout.text.split('\f');
    const truth = (await sample.truth()).split('\f').slice(0, read.length).map(fold).join(' ');
    const predicted = read.map(fold).join(' ');
    results.push({ set: sample.set, name: sample.name, errors: editDistance(predicted, truth), length: truth.length, seconds });
  }
  await ocr.close();
  await sharedPdfWorkerPool().close();

  const setNames = [...new Set(results.map((result) => result.set))];
  const rows = setNames.map((set) => {
    const inSet = results.filter((result) => result.set === set);
    const errors = inSet.reduce((sum, result) => sum + result.errors, 0);
    const length = inSet.reduce((sum, result) => sum + result.length, 0);
    const perDocument = inSet.map((result) => result.errors / Math.max(1, result.length)).sort((a, b) => a - b);
    const median = perDocument[Math.floor(perDocument.length / 2)];
    const seconds = inSet.reduce((sum, result) => sum + result.seconds, 0) / inSet.length;
    return [set, String(inSet.length), (errors / Math.max(1, length)).toFixed(3), median.toFixed(3), perDocument[perDocument.length - 1].toFixed(3), seconds.toFixed(2)];
  });
  const header = ['set', 'docs', 'CER (pooled)', 'CER median', 'CER worst', 's/doc'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  const settings = `max recognition pixels ${maxRecognitionPixels ?? 'default (12 MP)'}, orientation ${detectOrientation === false ? 'not detected' : orientation === 'probe' ? 'probed (no OSD)' : 'detected (OSD)'}`;
  process.stdout.write(`OCR character error rate (${settings})\n${line(header)}\n${rows.map(line).join('\n')}\n`);
  const json = option('--json');
  if (json) writeFileSync(json, JSON.stringify(results, null, 2));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`OCR accuracy benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
