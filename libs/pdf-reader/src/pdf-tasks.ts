/** A box in fractions of the upright page, origin top-left (the shape of @conveyor/documents' BoundingBox). */
export interface PageBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a PDF reader thread (pdf-worker.js) can be asked to do with one document. */
export type PdfTask =
  | { kind: 'memoryUsage' }
  | { kind: 'pageCount' }
  | { kind: 'textLayout'; firstPage?: number; lastPage?: number; withImages?: boolean; maxPages?: number }
  | { kind: 'imageAreas'; firstPage?: number; lastPage?: number }
  | { kind: 'attachments'; withText: boolean }
  | { kind: 'renderPage'; page: number; dpi: number; maxPixels: number };

/** A text run as pdf.js reports it, its transform mapped into the upright page (points, origin top-left). */
export interface RawTextItem {
  str: string;
  /** [a, b, c, d, e, f]: (e, f) is the baseline start; (a, b) runs along the text; hypot(c, d) is the font size. */
  transform: number[];
  /** Advance width along the baseline, in points. */
  width: number;
  height: number;
  /** Font ascent and descent as fractions of the font size (descent negative). */
  ascent: number;
  descent: number;
  vertical: boolean;
}

export interface RawPageFacts {
  number: number;
  /** Upright page size in points (view box and rotation applied). */
  width: number;
  height: number;
  rotation: number;
}

export interface RawImagePage extends RawPageFacts {
  /** Every image painted on the page, as a box in page fractions. */
  images: PageBox[];
  /** Share of text-showing operations drawn invisibly (render mode 3, typical of OCR layers over scans). */
  invisibleTextShare: number;
}

export interface RawTextPage extends RawImagePage {
  items: RawTextItem[];
}

export interface PdfAttachmentFile {
  filename: string;
  content: Uint8Array;
}

export interface RenderedPage {
  png: Uint8Array;
  /** Pixels. */
  width: number;
  height: number;
  /** The resolution actually used (lower than asked when the pixel cap applied). */
  dpi: number;
  /** Upright page size in points. */
  pageWidth: number;
  pageHeight: number;
  rotation: number;
}

export interface ReaderMemoryUsage {
  heapUsedBytes: number;
  heapTotalBytes: number;
  externalBytes: number;
  /** Resident memory of the whole process (threads share it). */
  processRssBytes: number;
}

export interface PdfTaskResults {
  memoryUsage: ReaderMemoryUsage;
  pageCount: { pages: number };
  textLayout: { pageCount: number; pages: RawTextPage[] };
  imageAreas: { pageCount: number; pages: RawImagePage[] };
  attachments: { pages: number; attachments: PdfAttachmentFile[]; pageTexts: string[] };
  renderPage: RenderedPage;
}

export type PdfTaskResult<T extends PdfTask> = PdfTaskResults[T['kind']];
