import { readDocument, type DocumentLayout } from '@conveyor/document-reading';
import type { OcrEngine } from '@conveyor/ocr';
import type { LayoutMediaType } from './extract-document';

/** Reads PDFs and images into layouts, with an OCR engine started only when a page first needs it. */
export interface PageReader {
  read(bytes: Uint8Array, mediaType: LayoutMediaType): Promise<DocumentLayout>;
  /** Ends the OCR workers, if any were started. */
  close(): Promise<void>;
}

export interface PageReaderOptions {
  /** false: no OCR (pages that need it come back empty, with an OCR_UNAVAILABLE issue). Default: @conveyor/ocr's tesseract engine. */
  readonly ocr?: false | (() => OcrEngine | Promise<OcrEngine>);
}

/**
 * The reader the CLI and the workers use: document-reading's text layer and OCR. The OCR engine (a pool of
 * tesseract workers, language data from installed packages) costs memory and start-up time, so it is loaded
 * and created on the first page that needs it, not before.
 */
export function createPageReader(options: PageReaderOptions = {}): PageReader {
  let engine: Promise<OcrEngine> | undefined;
  const factory = options.ocr === false ? undefined : (options.ocr ?? (async () => (await import('@conveyor/ocr')).createOcrEngine()));
  const started = () => (engine ??= Promise.resolve(factory!()));
  const lazyOcr: OcrEngine | undefined = factory && {
    recognize: async (image, recognizeOptions) => (await started()).recognize(image, recognizeOptions),
    close: async () => (await engine)?.close(),
  };
  return {
    read: (bytes, mediaType) => readDocument(bytes, mediaType, { ocr: lazyOcr }),
    async close() {
      const running = engine;
      engine = undefined;
      await (await running)?.close();
    },
  };
}
