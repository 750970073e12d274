/**
 * OCR speed, memory and quality: tesseract.js (libs/ocr) side by side with the native `tesseract` command on the
 * same images, in one run.
 *
 *   npm run bench:ocr                 # everything (several minutes on 2 cores)
 *   npm run bench:ocr -- --quick      # a few images per set
 *
 * Needs: the shared corpus (../shared/corpus), poppler-utils (pdftoppm, pdftotext) for the e-invoice pages, and for
 * the comparison the Debian package `tesseract-ocr` installed by hand (`apt-get install tesseract-ocr`); without
 * it the native columns say "absent". Native runs use the same best_int models, unpacked from the npm packages
 * into a temporary tessdata directory, the same page segmentation (PSM 3) and LSTM engine.
 *
 * Sets: SROIE receipts (CER and word F1 against box/X.csv transcripts), FATURA 72-dpi invoices (with and without
 * upscaling, word F1 against the annotation texts), e-invoice PDF pages rendered at 200 and 300 dpi (word F1
 * against the PDF text layer).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createWorker, OEM, PSM, type Page, type Worker } from 'tesseract.js';
import { createOcrEngine } from '../libs/ocr/src/tesseract-ocr-engine';
import { chooseUpscale, decodePage, measurePage, renderForRecognition } from '../libs/ocr/src/image-preparation';
import { languageDataFile, prepareLanguageDirectory } from '../libs/ocr/src/language-data';
import { wordsOf } from '../libs/ocr/src/recognised-words';

const CORPUS = resolve(__dirname, '../../shared/corpus');
const QUICK = process.argv.includes('--quick');
const LIMITS = { maxInputPixels: 100_000_000, maxRecognitionPixels: 12_000_000 };
const work = mkdtempSync(join(tmpdir(), 'conveyor-ocr-bench-'));

interface Sample {
  set: string;
  name: string;
  bytes: Buffer;
  truth: string;
  languages: string[];
  dpi?: number;
}

// ---------- quality measures ----------
function tokens(text: string): string[] {
  return text.toUpperCase().split(/\s+/).filter((token) => token.length > 0);
}

/** Order-insensitive word F1 over multisets of upper-cased tokens. */
function wordF1(predicted: string, truth: string): number {
  const want = new Map<string, number>();
  for (const token of tokens(truth)) want.set(token, (want.get(token) ?? 0) + 1);
  const got = tokens(predicted);
  let hits = 0;
  for (const token of got) {
    const left = want.get(token) ?? 0;
    if (left > 0) {
      hits += 1;
      want.set(token, left - 1);
    }
  }
  const truthCount = tokens(truth).length;
  if (got.length === 0 || truthCount === 0) return got.length === truthCount ? 1 : 0;
  const precision = hits / got.length;
  const recall = hits / truthCount;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Character error rate: edit distance between the texts (single-spaced, upper-cased) over the truth's length. */
function characterErrorRate(predicted: string, truth: string): number {
  const a = tokens(predicted).join(' ');
  const b = tokens(truth).join(' ');
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return b.length === 0 ? 0 : previous[b.length] / b.length;
}

// ---------- corpus ----------
function sroieSamples(): Sample[] {
  const dir = join(CORPUS, 'receipts/sroie');
  const names = readdirSync(join(dir, 'img')).filter((file) => file.endsWith('.jpg')).sort();
  return (QUICK ? names.slice(0, 4) : names).map((file) => {
    const id = basename(file, '.jpg');
    const rows = readFileSync(join(dir, 'box', `${id}.csv`), 'utf8').split(/\r?\n/).filter((row) => row.trim());
    // x1,y1,…,x4,y4,transcript: the transcript may hold commas, so split on the first 8 only.
    const truth = rows.map((row) => row.split(',').slice(8).join(',')).join('\n');
    return { set: 'sroie', name: id, bytes: readFileSync(join(dir, 'img', file)), truth, languages: ['eng'] };
  });
}

function faturaSamples(): Sample[] {
  const dir = join(CORPUS, 'invoices/fatura');
  const names = readdirSync(join(dir, 'images')).sort();
  return (QUICK ? names.slice(0, 2) : names).map((file) => {
    const annotation = JSON.parse(readFileSync(join(dir, 'annotations', file.replace(/\.jpg$/, '.json')), 'utf8')) as Record<string, unknown>;
    const truth = Object.entries(annotation)
      .filter(([key, value]) => key !== 'OTHER' && value && typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string')
      .map(([, value]) => (value as { text: string }).text)
      .join('\n');
    return { set: 'fatura', name: file, bytes: readFileSync(join(dir, 'images', file)), truth, languages: ['eng'], dpi: 72 };
  });
}

function einvoiceSamples(dpi: number): Sample[] {
  const base = join(CORPUS, 'invoices/einvoice');
  const picks: Array<[string, string[]]> = [
    ['ferd-zugferd10/files/ZUGFeRD_1p0_COMFORT_Einfach.pdf', ['deu']],
    ['ferd-zugferd233/files/EN16931_Einfach.pdf', ['deu']],
    ['fnfe-facturx/files/Facture_F20220024-LE_FOURNISSEUR-POUR-LE_CLIENT_EN_16931.pdf', ['fra']],
    ['mustang/files/MustangBeispiel20221026.pdf', ['deu']],
  ];
  return (QUICK ? picks.slice(0, 2) : picks).map(([path, languages]) => {
    const pdf = join(base, path);
    const prefix = join(work, `${basename(path, '.pdf')}-${dpi}`);
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-gray', '-png', '-singlefile', pdf, prefix]);
    const truth = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' });
    return { set: `einvoice@${dpi}dpi`, name: basename(path), bytes: readFileSync(`${prefix}.png`), truth, languages, dpi };
  });
}

// ---------- native tesseract ----------
const nativeVersion = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
const NATIVE = nativeVersion.status === 0 ? nativeVersion.stdout.split('\n')[0] : null;
const nativeTessdata = join(work, 'tessdata');
mkdirSync(nativeTessdata);
for (const code of ['eng', 'deu', 'fra']) writeFileSync(join(nativeTessdata, `${code}.traineddata`), gunzipSync(readFileSync(languageDataFile(code))));

interface NativeRun {
  text: string;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

function runNative(png: string, languages: string[], tessdata = nativeTessdata): NativeRun {
  const output = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', 'tesseract', png, '-', '--tessdata-dir', tessdata, '-l', languages.join('+'), '--oem', '1', '--psm', '3', '--dpi', '300'], {
    encoding: 'utf8',
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
  const timing = output.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { text: output.stdout, seconds: timing[0], cpuSeconds: timing[1] + timing[2], peakRssMb: timing[3] / 1024 };
}

// ---------- tesseract.js on the exact same prepared image ----------
async function prepared(sample: Sample, upscale = true): Promise<{ png: Buffer; file: string; width: number; height: number }> {
  const page = await decodePage(sample.bytes, 0, LIMITS);
  const measure = measurePage(page, 0);
  const scale = upscale ? chooseUpscale(page, measure.lineHeight, sample.dpi, LIMITS) : 1;
  const image = await renderForRecognition(page, scale, 0, measure.skew);
  const file = join(work, `${sample.set}-${sample.name}-${upscale ? 'up' : 'raw'}.png`.replace(/[^\w.@-]/g, '_'));
  writeFileSync(file, image.png);
  return { ...image, file };
}

const jsWorkers = new Map<string, Worker>();
async function jsWorker(languages: string[]): Promise<Worker> {
  const key = languages.join('+');
  let worker = jsWorkers.get(key);
  if (!worker) {
    const langPath = prepareLanguageDirectory(languages);
    worker = await createWorker(languages, OEM.LSTM_ONLY, { langPath, cacheMethod: 'none', errorHandler: () => undefined });
    await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, user_defined_dpi: '300', debug_file: '/dev/null' });
    jsWorkers.set(key, worker);
  }
  return worker;
}

async function runJs(png: Buffer, width: number, height: number, languages: string[]): Promise<{ text: string; seconds: number; cpuSeconds: number }> {
  const worker = await jsWorker(languages);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await worker.recognize(png, {}, { text: false, blocks: true });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { text: wordsOf(result.data as Page, width, height).map((word) => word.text).join(' '), seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

// ---------- reporting ----------
const mean = (values: number[]) => (values.length === 0 ? NaN : values.reduce((sum, value) => sum + value, 0) / values.length);
const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const rows: string[][] = [];

async function compareSet(label: string, samples: Sample[], upscale = true): Promise<void> {
  const js: Array<{ seconds: number; cpu: number; f1: number; cer: number }> = [];
  const native: Array<{ seconds: number; cpu: number; f1: number; cer: number; rss: number }> = [];
  const nativeFast: Array<{ seconds: number; f1: number }> = [];
  const pixels: number[] = [];
  for (const sample of samples) {
    const image = await prepared(sample, upscale);
    pixels.push((image.width * image.height) / 1e6);
    // Alternate the two so the machine's load falls on both alike.
    const jsRun = await runJs(image.png, image.width, image.height, sample.languages);
    js.push({ seconds: jsRun.seconds, cpu: jsRun.cpuSeconds, f1: wordF1(jsRun.text, sample.truth), cer: characterErrorRate(jsRun.text, sample.truth) });
    if (NATIVE) {
      const run = runNative(image.file, sample.languages);
      native.push({ seconds: run.seconds, cpu: run.cpuSeconds, f1: wordF1(run.text, sample.truth), cer: characterErrorRate(run.text, sample.truth), rss: run.peakRssMb });
      if (sample.languages.join() === 'eng') {
        const fast = runNative(image.file, ['eng'], '/usr/share/tesseract-ocr/5/tessdata');
        nativeFast.push({ seconds: fast.seconds, f1: wordF1(fast.text, sample.truth) });
      }
    }
  }
  const jsSeconds = mean(js.map((run) => run.seconds));
  const nativeSeconds = mean(native.map((run) => run.seconds));
  rows.push([
    label,
    String(samples.length),
    fixed(mean(pixels), 1),
    fixed(jsSeconds),
    NATIVE ? fixed(nativeSeconds) : 'absent',
    NATIVE ? fixed(jsSeconds / nativeSeconds) : '—',
    NATIVE ? fixed(mean(js.map((run) => run.cpu)) / mean(native.map((run) => run.cpu))) : '—',
    fixed(mean(js.map((run) => run.cer)), 3),
    NATIVE ? fixed(mean(native.map((run) => run.cer)), 3) : '—',
    fixed(mean(js.map((run) => run.f1)), 3),
    NATIVE ? fixed(mean(native.map((run) => run.f1)), 3) : '—',
    nativeFast.length ? `${fixed(mean(nativeFast.map((run) => run.seconds)))} s / ${fixed(mean(nativeFast.map((run) => run.f1)), 3)}` : '—',
    NATIVE ? fixed(Math.max(...native.map((run) => run.rss)), 0) : '—',
  ]);
  console.log(`  measured ${label}`);
}

async function engineRuns(samples: Sample[]): Promise<void> {
  console.log('\nFull engine (decode, geometry, OSD, upscale, deskew, recognise), receipts:');
  for (const workers of [1, 2, 3]) {
    if (workers > availableParallelism() + 1) continue;
    const engine = createOcrEngine({ languages: ['eng'], workers });
    await engine.recognize(samples[0].bytes); // start the workers
    const baseline = process.memoryUsage().rss;
    const started = performance.now();
    const pages = await Promise.all(samples.map((sample) => engine.recognize(sample.bytes)));
    const seconds = (performance.now() - started) / 1000;
    const f1 = mean(pages.map((page, index) => wordF1(page.words.map((word) => word.text).join(' '), samples[index].truth)));
    const turned = pages.flatMap((page, index) => (page.orientation !== 0 ? [`${samples[index].name}→${page.orientation}°`] : []));
    console.log(
      `  ${workers} worker(s): ${fixed(samples.length / seconds)} pages/s (${fixed(seconds / samples.length)} s a page), word F1 ${fixed(f1, 3)}, ` +
        `pages turned ${turned.length}/${samples.length} ${turned.join(' ')}, process RSS ${fixed(process.memoryUsage().rss / 1e6, 0)} MB (before the batch ${fixed(baseline / 1e6, 0)} MB)`,
    );
    await engine.close();
  }
}

/** In a fresh process (so earlier sections' heap does not blur it): RSS before the engine, after two pages. */
async function memoryProbe(languages: string[], workers: number): Promise<void> {
  const sample = faturaSamples()[0];
  const before = process.memoryUsage().rss;
  const engine = createOcrEngine({ languages, workers });
  const started = performance.now();
  await Promise.all(Array.from({ length: workers }, () => engine.recognize(sample.bytes)));
  const first = (performance.now() - started) / 1000;
  const again = performance.now();
  await Promise.all(Array.from({ length: workers }, () => engine.recognize(sample.bytes)));
  const second = (performance.now() - again) / 1000;
  const after = process.memoryUsage().rss;
  await engine.close();
  rmSync(work, { recursive: true, force: true });
  console.log(JSON.stringify({ before, after, first, second }));
}

function memoryRuns(): void {
  console.log('\nResident memory of a fresh process running the engine (workers are threads of it), 72-dpi invoice page:');
  for (const [languages, workers] of [[['eng'], 1], [['eng'], 2], [['eng', 'deu', 'fra', 'nld', 'spa', 'ita', 'pol'], 1]] as const) {
    const output = execFileSync(process.execPath, [...process.execArgv, __filename, '--memory-probe', languages.join('+'), String(workers)], { encoding: 'utf8' });
    const probe = JSON.parse(output.trim().split('\n').pop()!) as { before: number; after: number; first: number; second: number };
    console.log(
      `  ${languages.join('+')} × ${workers} worker(s) + OSD worker: process RSS ${fixed(probe.after / 1e6, 0)} MB (${fixed(probe.before / 1e6, 0)} MB before the engine, ` +
        `+${fixed((probe.after - probe.before) / 1e6 / workers, 0)} MB per recognition worker incl. the OSD one's share); first round ${fixed(probe.first)} s incl. start, next ${fixed(probe.second)} s`,
    );
  }
}

async function main(): Promise<void> {
  console.log(`OCR bench — ${new Date().toISOString()}, ${availableParallelism()} cores, load average ${loadavg().map((value) => value.toFixed(1)).join(' ')}`);
  console.log(`native: ${NATIVE ?? 'absent (apt-get install tesseract-ocr to compare)'}; tesseract.js models: @tesseract.js-data/*/4.0.0_best_int`);
  const sroie = sroieSamples();
  const fatura = faturaSamples();
  await compareSet('sroie receipts', sroie);
  await compareSet('fatura 72 dpi, no upscale', fatura, false);
  await compareSet('fatura 72 dpi, upscaled', fatura);
  for (const dpi of [200, 300]) await compareSet(`e-invoice p.1 @${dpi} dpi`, einvoiceSamples(dpi));
  for (const worker of jsWorkers.values()) await worker.terminate();

  console.log('\nSame prepared PNG for both; seconds are wall-clock per page, one page at a time; cpu ratio = CPU seconds js / native.');
  const header = ['set', 'pages', 'MPx', 'js s', 'native s', 'js/native', 'cpu js/native', 'CER js', 'CER native', 'F1 js', 'F1 native', 'native fast eng s / F1', 'native peak MB'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column])).join(' | '));
  console.log('target: js/native ≤ 1.5');

  await engineRuns(sroie);
  memoryRuns();
  console.log(`\nload average at the end ${loadavg().map((value) => value.toFixed(1)).join(' ')}`);
  rmSync(work, { recursive: true, force: true });
}

const probeAt = process.argv.indexOf('--memory-probe');
(probeAt >= 0 ? memoryProbe(process.argv[probeAt + 1].split('+'), Number(process.argv[probeAt + 2])) : main()).catch((error: unknown) => {
  console.error(error);
  rmSync(work, { recursive: true, force: true });
  process.exitCode = 1;
});
