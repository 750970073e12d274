import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import { createWorker, OEM, PSM, type Page, type Worker } from 'tesseract.js';
import { AdmissionGate } from './admission-gate';
import { chooseUpscale, decodePage, measurePage, renderForRecognition, type DecodedPage, type PageMeasure, type PreparationLimits } from './image-preparation';
import { INSTALLED_OCR_LANGUAGES, ORIENTATION_DATA_CODE, prepareLanguageDirectory } from './language-data';
import type { OcrEngine, OcrOptions, OcrPage } from './ocr-engine';
import { OCR_ERROR_CODES, ocrError } from './ocr-errors';
import { wordsOf } from './recognised-words';
import { TesseractWorkerPool, type TesseractWorkerFactory, type WorkerPoolStats } from './tesseract-worker-pool';

export interface TesseractOcrEngineOptions {
  /** Languages the engine may use (each needs its `@tesseract.js-data/<code>` package); default: all installed. */
  languages?: readonly string[];
  /** Languages used when a call names none; default `languages`. */
  defaultLanguages?: readonly string[];
  /** Recognition workers; default os.availableParallelism() (a worker keeps one core busy). */
  workers?: number;
  /** Idle recognition and orientation workers are ended after this long (WebAssembly heaps never shrink); default 0 = kept. */
  idleTimeoutMs?: number;
  /** A recognition worker is replaced after this many pages; default 0 = never. */
  recycleAfterPages?: number;
  /**
   * How a page's quarter turn is found: 'osd' (default) asks tesseract's orientation detection, which runs on a
   * second worker (legacy engine, about 110 MB resident); 'probe' saves that worker: the page is read upright and
   * only a poor read (mean confidence < 0.6) tries the other turns, so turned pages cost extra recognitions.
   */
  orientation?: 'osd' | 'probe';
  /** Per-page recognition timeout; default 120 s. */
  timeoutMs?: number;
  maxInputPixels?: number;
  maxRecognitionPixels?: number;
}

export interface TesseractOcrEngine extends OcrEngine {
  /** Recognition and orientation workers alive, busy and waiting jobs. */
  stats(): { recognition: WorkerPoolStats; orientation: WorkerPoolStats };
}

const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_INPUT_PIXELS = 100_000_000;
const DEFAULT_MAX_RECOGNITION_PIXELS = 12_000_000;
/** tesseract OSD confidence from which its answer is taken (measured: right answers 4.6–9, wrong ones below 2). */
const MIN_ORIENTATION_CONFIDENCE = 3;
/** OSD reads letter shapes; it needs no more than this long side. */
const ORIENTATION_LONG_SIDE = 2000;
/** Below this page confidence, with no confident OSD answer, the other turns are tried and the best kept. */
const PROBE_BELOW_CONFIDENCE = 0.6;
/** Tesseract's diagnostics ("Too few characters…") go to this file inside the worker instead of the console. */
const QUIET = '/dev/null';
/**
 * Automatic page segmentation (tesseract.js otherwise reads the page as one block and garbles tables), and
 * 300 dpi: pages are scaled so their text lines are as tall as at 300 dpi, whatever the file says.
 */
const RECOGNITION_PARAMETERS = { tessedit_pageseg_mode: PSM.AUTO, user_defined_dpi: '300', debug_file: QUIET };

export function createOcrEngine(options: TesseractOcrEngineOptions = {}): TesseractOcrEngine {
  // Each image is decoded once: libvips' operation cache only holds memory (process-wide setting).
  sharp.cache(false);
  const languages = [...(options.languages ?? INSTALLED_OCR_LANGUAGES)];
  const defaultLanguages = [...(options.defaultLanguages ?? languages)];
  const langPath = prepareLanguageDirectory([...languages, ORIENTATION_DATA_CODE]);
  const limits: PreparationLimits = {
    maxInputPixels: options.maxInputPixels ?? DEFAULT_MAX_INPUT_PIXELS,
    maxRecognitionPixels: options.maxRecognitionPixels ?? DEFAULT_MAX_RECOGNITION_PIXELS,
  };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const orientationByOsd = (options.orientation ?? 'osd') === 'osd';
  const common = { langPath, cacheMethod: 'none', gzip: true, errorHandler: () => undefined } as const;

  const workers = options.workers ?? availableParallelism();
  // One page per worker being recognised plus one being prepared: decoded pages are large.
  const admission = new AdmissionGate(workers + 1);
  const recognition = new TesseractWorkerPool(workers, {
    async create(key) {
      const worker = await createWorker(key.split('+'), OEM.LSTM_ONLY, common);
      await worker.setParameters(RECOGNITION_PARAMETERS);
      return worker;
    },
    async switchTo(worker, key) {
      await worker.reinitialize(key, OEM.LSTM_ONLY);
      await worker.setParameters(RECOGNITION_PARAMETERS);
    },
  } satisfies TesseractWorkerFactory, { idleTimeoutMs: options.idleTimeoutMs, maxJobsPerWorker: options.recycleAfterPages });
  // Orientation detection runs on the legacy engine with its own data: one worker, created on first use.
  const orientation = new TesseractWorkerPool(1, {
    async create() {
      const worker = await createWorker(ORIENTATION_DATA_CODE, OEM.TESSERACT_ONLY, { ...common, legacyCore: true, legacyLang: true });
      await worker.setParameters({ user_defined_dpi: '300', debug_file: QUIET });
      return worker;
    },
    switchTo: async () => undefined,
  }, { idleTimeoutMs: options.idleTimeoutMs });
  let closed = false;

  async function detectQuarterTurn(page: DecodedPage, scale: number, signal: AbortSignal | undefined): Promise<number | null> {
    const longSide = Math.max(page.width, page.height) * scale;
    const image = await renderForRecognition(page, Math.min(scale, Math.max(1, ORIENTATION_LONG_SIDE / longSide) * scale), 0, 0);
    const result = await orientation.run(ORIENTATION_DATA_CODE, { timeoutMs, signal }, (worker) => worker.detect(image.png));
    const { orientation_degrees: degrees, orientation_confidence: confidence } = result.data;
    return degrees !== null && confidence !== null && confidence >= MIN_ORIENTATION_CONFIDENCE ? degrees : null;
  }

  async function recognizeTurned(page: DecodedPage, turn: number, measure: PageMeasure, key: string, options: OcrOptions): Promise<OcrPage> {
    const scale = chooseUpscale(page, measure.lineHeight, options.dpi, limits);
    const image = await renderForRecognition(page, scale, turn, measure.skew);
    const result = await recognition.run(key, { timeoutMs, signal: options.signal }, (worker: Worker) =>
      worker.recognize(image.png, {}, { text: false, blocks: true }),
    );
    const words = wordsOf(result.data as Page, image.width, image.height);
    const confidence = words.length === 0 ? 0 : words.reduce((sum, word) => sum + word.confidence, 0) / words.length;
    return { width: image.width, height: image.height, rotation: turn + measure.skew, orientation: turn, skew: measure.skew, words, confidence };
  }

  async function recognizePage(image: Uint8Array, callOptions: OcrOptions): Promise<OcrPage> {
    const wanted = [...(callOptions.languages ?? defaultLanguages)];
    const missing = wanted.filter((code) => !languages.includes(code));
    if (wanted.length === 0 || missing.length > 0) {
      throw ocrError(OCR_ERROR_CODES.languageUnavailable, `OCR languages not available in this engine: ${missing.join(', ') || '(none asked)'}`, { missing, available: languages });
    }
    const key = wanted.join('+');
    const page = await decodePage(image, callOptions.page ?? 0, limits);
    const measures = new Map<number, PageMeasure>();
    const measureAt = (turn: number) => measures.get(turn) ?? measures.set(turn, measurePage(page, turn)).get(turn)!;
    // Line profiles hint at the axis (not reliably enough to turn a page on their own: narrow receipts fool
    // them); OSD says which way up when it is confident, else a low-confidence result tries the other turns.
    const across = measureAt(90).strength > measureAt(0).strength;
    let turn = 0;
    let sure = callOptions.detectOrientation === false;
    if (!sure && orientationByOsd) {
      const axis = measureAt(across ? 90 : 0);
      const detected = await detectQuarterTurn(page, chooseUpscale(page, axis.lineHeight, callOptions.dpi, limits), callOptions.signal);
      if (detected !== null) {
        turn = detected;
        sure = true;
      }
    }
    // Each turn is read at most once (the probes below may come back to one).
    const reads = new Map<number, Promise<OcrPage>>();
    const readAt = (candidateTurn: number) =>
      reads.get(candidateTurn) ?? reads.set(candidateTurn, recognizeTurned(page, candidateTurn, measureAt(candidateTurn), key, callOptions)).get(candidateTurn)!;
    if (!sure && !orientationByOsd && across) {
      // Without OSD, lines running across the image say the page lies on its side: the better of the two side
      // turns is kept if it reads well (an upright read of a page on its side can look confident enough).
      const [left, right] = [await readAt(90), await readAt(270)];
      const sideways = readCharacters(right) > readCharacters(left) ? right : left;
      if (sideways.confidence >= PROBE_BELOW_CONFIDENCE) return sideways;
    }
    let best = await readAt(turn);
    if (sure && turn !== 0 && callOptions.detectOrientation !== false && best.confidence < PROBE_BELOW_CONFIDENCE) {
      // OSD can be confidently wrong on faint receipts (measured: SROIE 000 read upside down); a poor read of
      // the turned page must beat the upright one.
      const upright = await readAt(0);
      if (readCharacters(upright) >= readCharacters(best)) best = upright;
    } else if (!sure && best.confidence < PROBE_BELOW_CONFIDENCE) {
      for (const candidateTurn of across ? [90, 270, 180] : [180, 90, 270]) {
        const candidate = await readAt(candidateTurn);
        // A turn wins only with a good read of its own: a faint upright page must not lose to noise read sideways.
        if (candidate.confidence >= PROBE_BELOW_CONFIDENCE && readCharacters(candidate) > readCharacters(best)) {
          best = candidate;
          break;
        }
      }
    }
    return best;
  }

  return {
    async recognize(image, callOptions = {}) {
      if (closed) throw ocrError(OCR_ERROR_CODES.closed, 'the OCR engine is closed');
      return admission.hold(() => {
        if (closed) throw ocrError(OCR_ERROR_CODES.closed, 'the OCR engine is closed');
        if (callOptions.signal?.aborted) throw ocrError(OCR_ERROR_CODES.aborted, 'OCR was aborted by the caller');
        return recognizePage(image, callOptions);
      });
    },
    async close() {
      closed = true;
      await Promise.all([recognition.close(), orientation.close()]);
    },
    stats() {
      return { recognition: recognition.stats(), orientation: orientation.stats() };
    },
  };
}

/** Characters read with a confidence of 0.6 or more, weighted by it: upside-down pages read as low-confidence noise. */
function readCharacters(page: OcrPage): number {
  return page.words.filter((word) => word.confidence >= 0.6).reduce((sum, word) => sum + word.text.length * word.confidence, 0);
}
