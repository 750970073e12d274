import type { ConveyorConfig } from '@conveyor/config';
import { createPageReader, type PageReader } from '@conveyor/invoice-extraction';
import type { Logger } from '@conveyor/observability';
import { configureSharedPdfWorkerPool } from '@conveyor/pdf-reader';
import { currentMachine, sizeReaderPools, type MachineFacts, type ReaderPoolPlan } from '../reader-pools.sizing';

/**
 * Sizes the process's PDF reader threads and OCR workers from the configuration and the machine (a plan that
 * cannot fit a configured memory budget stops the start with CONFIG_INVALID), applies the size to the shared
 * PDF reader pool every reader of the process uses (intake's page counts included), and makes the page reader
 * whose OCR engine starts on the first page that needs it.
 */
export function wireReaders(
  config: ConveyorConfig,
  logger: Logger,
  options: { runsSteps: boolean; machine?: MachineFacts },
): { pageReader: PageReader; plan: ReaderPoolPlan } {
  const machine = options.machine ?? currentMachine();
  const plan = sizeReaderPools(config, machine);
  configureSharedPdfWorkerPool({ size: plan.pdfReaderThreads, idleTimeoutMs: plan.idleTimeoutMs });
  const pageReader = createPageReader({
    ocr: async () => (await import('@conveyor/ocr')).createOcrEngine({
      workers: plan.ocrWorkers,
      idleTimeoutMs: plan.idleTimeoutMs,
      maxRecognitionPixels: plan.ocr.maxPagePixels,
      orientation: plan.ocr.orientation,
      ...(config.OCR_LANGUAGES ? { languages: config.OCR_LANGUAGES } : {}),
    }),
  });
  const sizes = { ocrWorkers: plan.ocrWorkers, pdfReaderThreads: plan.pdfReaderThreads, ocr: plan.ocr, memoryBudgetMb: plan.memoryBudgetMb, estimatedPeakMb: plan.estimatedPeakMb, machine };
  // Only a process that runs steps starts OCR; the API and the scheduler merely count uploads' pages.
  for (const warning of plan.warnings) logger[options.runsSteps ? 'warn' : 'debug'](sizes, `reader pools: ${warning}`);
  logger.debug(sizes, 'reader pools sized');
  return { pageReader, plan };
}
