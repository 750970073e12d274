export { PdfWorkerPool, sharedPdfWorkerPool, configureSharedPdfWorkerPool } from './pdf-worker-pool';
export type { PdfWorkerPoolOptions, PdfWorkerPoolSettings, PdfWorkerPoolStats } from './pdf-worker-pool';
export type {
  PageBox, PdfAttachmentFile, PdfTask, PdfTaskResult, PdfTaskResults, RawImagePage, RawPageFacts, RawTextItem, RawTextPage,
  ReaderMemoryUsage, RenderedPage,
} from './pdf-tasks';
export { assertLooksLikeCompletePdf, pdfReadError } from './pdf-errors';
