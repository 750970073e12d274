import { availableParallelism, totalmem } from 'node:os';
import type { ConveyorConfig } from '@conveyor/config';
import { DomainError, parseDuration } from '@conveyor/kernel';

/** What the sizing needs to know about the machine (measured at start; tests pass their own). */
export interface MachineFacts {
  cores: number;
  memoryMb: number;
}

/**
 * Resident memory, in MB, of each part of a worker process at its high-water mark, measured with
 * `npm run bench:worker-memory` (Node 20, 2 cores, MALLOC_ARENA_MAX=2, WORKER_CONCURRENCY 16, scans rendered at
 * 300 dpi). WebAssembly heaps never shrink, so an OCR worker keeps the size of the largest page it has read until
 * it is ended (after READER_IDLE_TIMEOUT idle).
 */
export const READER_MEMORY_COSTS = {
  /** The worker process idle: Node, the swc TypeScript loader (~85 MB) and the platform's libraries (~110 MB). */
  processMb: 250,
  /** One pdf.js reader thread, with the text extraction it feeds. */
  pdfReaderThreadMb: 55,
  /** The one tesseract orientation (OSD, legacy engine) worker. */
  orientationWorkerMb: 120,
  /**
   * One tesseract recognition worker holding the seven installed languages (about 100 MB more than English
   * alone) with the page preparation around it (sharp decoding, turned copies)...
   */
  ocrWorkerMb: 250,
  /** ...or holding only the languages of OCR_LANGUAGES: this much for the first... */
  ocrWorkerOneLanguageMb: 150,
  /** ...and this much for each further one. */
  ocrWorkerPerExtraLanguageMb: 17,
  /** ...and what it grows by per megapixel of the largest page it has recognised. */
  ocrWorkerPerMegapixelMb: 20,
} as const;

/** How OCR reads a page: the recognition image's pixel cap, and how the page's quarter turn is found. */
export interface OcrQuality {
  maxPagePixels: number;
  orientation: 'osd' | 'probe';
}

/**
 * From best to leanest: the first one that fits the budget with one OCR worker and one reader thread is used.
 * Fewer pixels shrink the recognition heap (tesseract resamples each text line to the same height anyway);
 * 'probe' saves the orientation worker at the price of extra recognitions for turned pages.
 */
export const OCR_QUALITY_TIERS: readonly OcrQuality[] = [
  { maxPagePixels: 12_000_000, orientation: 'osd' },
  { maxPagePixels: 8_000_000, orientation: 'osd' },
  { maxPagePixels: 8_000_000, orientation: 'probe' },
  { maxPagePixels: 6_000_000, orientation: 'probe' },
  { maxPagePixels: 4_000_000, orientation: 'probe' },
];

/** The budget when none is configured: under 500 MB with a margin, and never more than half the machine. */
const DEFAULT_BUDGET_CAP_MB = 480;

export interface ReaderPoolPlan {
  memoryBudgetMb: number;
  /** True when WORKER_MEMORY_BUDGET_MB was set (a plan over it is then refused). */
  budgetConfigured: boolean;
  ocrWorkers: number;
  pdfReaderThreads: number;
  ocr: OcrQuality;
  idleTimeoutMs: number;
  /** The cost model's estimate of the process's high-water mark with these pools busy. */
  estimatedPeakMb: number;
  /** Why the plan exceeds the budget (one OCR worker and one reader thread are the least a worker needs). */
  warnings: string[];
}

/**
 * Resident memory the cost model expects with these pool sizes; `ocrLanguages` is how many languages each OCR
 * worker loads (undefined = all installed).
 */
export function estimatePeakMb(ocrWorkers: number, pdfReaderThreads: number, ocr: OcrQuality, ocrLanguages?: number): number {
  const costs = READER_MEMORY_COSTS;
  const languageData = ocrLanguages === undefined ? costs.ocrWorkerMb : costs.ocrWorkerOneLanguageMb + (ocrLanguages - 1) * costs.ocrWorkerPerExtraLanguageMb;
  const perOcrWorker = languageData + Math.round((ocr.maxPagePixels / 1_000_000) * costs.ocrWorkerPerMegapixelMb);
  const orientation = ocr.orientation === 'osd' ? costs.orientationWorkerMb : 0;
  return costs.processMb + orientation + ocrWorkers * perOcrWorker + pdfReaderThreads * costs.pdfReaderThreadMb;
}

/** The cores Node may use and the memory of the machine or of the container's cgroup, whichever is less. */
export function currentMachine(): MachineFacts {
  const constrained = typeof process.constrainedMemory === 'function' ? process.constrainedMemory() : 0;
  const bytes = constrained > 0 && constrained < totalmem() ? constrained : totalmem();
  return { cores: availableParallelism(), memoryMb: Math.floor(bytes / (1024 * 1024)) };
}

/**
 * Sizes the OCR workers and PDF reader threads of one process from the configuration and the machine. First
 * the best OCR quality tier that fits one OCR worker and one reader thread (or the sizes set) in the budget; then
 * unset sizes are filled up to the cores while the estimate stays within the budget, OCR first (a page takes it
 * seconds, where the text layer of a page takes milliseconds). Sizes set explicitly are kept; if they cannot fit
 * a budget that is set explicitly too, the process refuses to start (CONFIG_INVALID) rather than grow past it.
 */
export function sizeReaderPools(
  config: Pick<ConveyorConfig, 'WORKER_MEMORY_BUDGET_MB' | 'OCR_WORKERS' | 'PDF_READER_THREADS' | 'READER_IDLE_TIMEOUT' | 'OCR_LANGUAGES'>,
  machine: MachineFacts,
): ReaderPoolPlan {
  const languages = config.OCR_LANGUAGES?.length;
  const estimate = (ocrCount: number, pdfCount: number, quality: OcrQuality) => estimatePeakMb(ocrCount, pdfCount, quality, languages);
  const cores = Math.max(1, Math.floor(machine.cores));
  const budgetConfigured = config.WORKER_MEMORY_BUDGET_MB !== undefined;
  const memoryBudgetMb = config.WORKER_MEMORY_BUDGET_MB ?? Math.min(DEFAULT_BUDGET_CAP_MB, Math.floor(machine.memoryMb / 2));
  let ocrWorkers = config.OCR_WORKERS ?? 1;
  let pdfReaderThreads = config.PDF_READER_THREADS ?? 1;
  const ocr = OCR_QUALITY_TIERS.find((tier) => estimate(ocrWorkers, pdfReaderThreads, tier) <= memoryBudgetMb) ?? OCR_QUALITY_TIERS[OCR_QUALITY_TIERS.length - 1];
  const fits = (ocrCount: number, pdfCount: number) => estimate(ocrCount, pdfCount, ocr) <= memoryBudgetMb;
  if (config.OCR_WORKERS === undefined) while (ocrWorkers < cores && fits(ocrWorkers + 1, pdfReaderThreads)) ocrWorkers += 1;
  if (config.PDF_READER_THREADS === undefined) while (pdfReaderThreads < cores && fits(ocrWorkers, pdfReaderThreads + 1)) pdfReaderThreads += 1;

  const estimatedPeakMb = estimate(ocrWorkers, pdfReaderThreads, ocr);
  const problems: string[] = [];
  const warnings: string[] = [];
  if (estimatedPeakMb > memoryBudgetMb) {
    const sizes = `${ocrWorkers} OCR worker(s) and ${pdfReaderThreads} PDF reader thread(s) need about ${estimatedPeakMb} MB`;
    const explicitSizes = config.OCR_WORKERS !== undefined || config.PDF_READER_THREADS !== undefined;
    if (budgetConfigured && explicitSizes) {
      problems.push(`OCR_WORKERS, PDF_READER_THREADS: ${sizes}, over WORKER_MEMORY_BUDGET_MB=${memoryBudgetMb}; lower them or raise the budget`);
    } else if (budgetConfigured) {
      problems.push(`WORKER_MEMORY_BUDGET_MB: ${memoryBudgetMb} MB is less than a worker needs for one OCR worker and one PDF reader thread (about ${estimatedPeakMb} MB)`);
    } else {
      const best = estimate(ocrWorkers, pdfReaderThreads, OCR_QUALITY_TIERS[0]);
      warnings.push(`${sizes}, over the default memory budget of ${memoryBudgetMb} MB (WORKER_MEMORY_BUDGET_MB=${best} gives the best OCR quality)`);
    }
  }
  if (problems.length > 0) throw new DomainError('CONFIG_INVALID', `Invalid configuration:\n  ${problems.join('\n  ')}`, { problems });
  return { memoryBudgetMb, budgetConfigured, ocrWorkers, pdfReaderThreads, ocr, idleTimeoutMs: parseDuration(config.READER_IDLE_TIMEOUT), estimatedPeakMb, warnings };
}
