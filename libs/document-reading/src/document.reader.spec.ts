import { createCanvas } from '@napi-rs/canvas';
import { DomainError } from '@conveyor/kernel';
import type { OcrEngine, OcrOptions, OcrPage } from '@conveyor/ocr';
import { readDocument } from './document.reader';
import { PdfWorkerPool } from '@conveyor/pdf-reader';
import { buildPdf, INVOICE_LINES, nonsenseLines } from './test-pdfs.fixture';

/**
 * Stands in for the OCR engine (another lib) to check the orchestration only: it "recognises" one word in the
 * middle of whatever PNG it is given, and records what it was given.
 */
class FakeOcrEngine implements OcrEngine {
  readonly calls: { width: number; height: number; options?: OcrOptions }[] = [];
  constructor(private readonly behaviour: { rotation?: number; fail?: DomainError } = {}) {}

  async recognize(image: Uint8Array, options?: OcrOptions): Promise<OcrPage> {
    const header = Buffer.from(image);
    const size = { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
    this.calls.push({ ...size, options });
    if (this.behaviour.fail) throw this.behaviour.fail;
    const words = [{ text: `seen${this.calls.length}`, bbox: { x: 0.4, y: 0.5, width: 0.2, height: 0.02 }, confidence: 0.87 }];
    return { ...size, rotation: this.behaviour.rotation ?? 0, words, confidence: 0.87 };
  }

  async close(): Promise<void> {}
}

function png(width: number, height: number): Buffer {
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').fillRect(10, 10, 20, 20);
  return canvas.toBuffer('image/png');
}

async function codeOf(reading: Promise<unknown>): Promise<string> {
  return reading.then(
    () => 'no error',
    (error: DomainError) => error.code,
  );
}

// Rendering at 300 dpi takes a second or two on a busy two-core machine.
jest.setTimeout(30_000);

describe('readDocument', () => {
  const pool = new PdfWorkerPool({ size: 2 });
  afterAll(() => pool.close());
  let mixed: Buffer;
  beforeAll(async () => {
    mixed = await buildPdf([{ kind: 'text', lines: INVOICE_LINES }, { kind: 'scan' }, { kind: 'text', lines: nonsenseLines(30) }]);
  });

  it('reads good pages from the text layer and sends only the others, rendered at 300 dpi, to OCR', async () => {
    const ocr = new FakeOcrEngine();
    const layout = await readDocument(mixed, 'application/pdf', { ocr, pool, languages: ['eng', 'deu'] });
    expect(layout.kind).toBe('pdf-scanned');
    expect(ocr.calls).toHaveLength(2);
    for (const call of ocr.calls) {
      expect(call.width).toBe(Math.floor((595.28 * 300) / 72));
      expect(call.options).toMatchObject({ dpi: 300, languages: ['eng', 'deu'] });
    }
    const [text, scan, nonsense] = layout.pages;
    expect(text).toMatchObject({ source: 'text', needsOcr: false, textLayerScore: 1 });
    expect(scan).toMatchObject({ source: 'ocr', needsOcr: true, textLayerScore: 1 });
    expect(nonsense.source).toBe('ocr');
    expect(nonsense.textLayerScore).toBeLessThan(0.5);
    expect([...scan.words, ...nonsense.words].map((word) => word.confidence)).toEqual([0.87, 0.87]);
    const parts = layout.text.split('\f');
    expect(parts[0]).toBe(INVOICE_LINES.join('\n'));
    expect(parts.slice(1).sort()).toEqual(['seen1', 'seen2']);
    expect(layout.issues).toBeUndefined();
  });

  it('without an OCR engine returns the pages that need it empty, each with an issue', async () => {
    const layout = await readDocument(mixed, 'application/pdf', { pool });
    expect(layout.kind).toBe('pdf-scanned');
    expect(layout.pages.map((page) => page.words.length > 0)).toEqual([true, false, false]);
    expect(layout.issues?.map((issue) => [issue.code, issue.page])).toEqual([
      ['OCR_UNAVAILABLE', 2],
      ['OCR_UNAVAILABLE', 3],
    ]);
  });

  it('adds the words OCR finds in a large image to a page whose usable text does not cover it', async () => {
    const pdf = await buildPdf([{ kind: 'scan', footer: 'Scanned by the mail room on 2024-03-15, page 1 of 1, operator ACME' }]);
    const layout = await readDocument(pdf, 'application/pdf', { ocr: new FakeOcrEngine(), pool });
    const [page] = layout.pages;
    expect(page.source).toBe('text');
    expect(page.words.map((word) => word.text)).toEqual(['seen1', ...'Scanned by the mail room on 2024-03-15, page 1 of 1, operator ACME'.split(' ')]);
  });

  it('leaves a born-digital PDF to its text layer', async () => {
    const ocr = new FakeOcrEngine();
    const layout = await readDocument(await buildPdf([{ kind: 'text', lines: INVOICE_LINES }]), 'application/pdf', { ocr, pool });
    expect(layout.kind).toBe('pdf-text');
    expect(ocr.calls).toHaveLength(0);
  });

  it('takes the page size and rotation OCR reports when it turned a page', async () => {
    const layout = await readDocument(await buildPdf([{ kind: 'scan' }]), 'application/pdf', { ocr: new FakeOcrEngine({ rotation: 90 }), pool, dpi: 100 });
    expect(layout.pages[0]).toMatchObject({ rotation: 90, source: 'ocr' });
    expect(layout.pages[0].width).toBeCloseTo(841.89, 1);
  });

  it('records a page OCR refuses as an issue, but lets an infrastructure failure through', async () => {
    const pdf = await buildPdf([{ kind: 'scan' }]);
    const refused = await readDocument(pdf, 'application/pdf', { ocr: new FakeOcrEngine({ fail: new DomainError('OCR_IMAGE_UNREADABLE', 'no') }), pool, dpi: 72 });
    expect(refused.issues?.map((issue) => issue.code)).toEqual(['OCR_FAILED']);
    const down = new FakeOcrEngine({ fail: new DomainError('OCR_ENGINE_DOWN', 'closed', {}, true) });
    expect(await codeOf(readDocument(pdf, 'application/pdf', { ocr: down, pool, dpi: 72 }))).toBe('OCR_ENGINE_DOWN');
  });

  it('sends images straight to OCR, and without OCR returns their one page empty with its pixel size', async () => {
    const image = png(400, 300);
    const ocr = new FakeOcrEngine();
    const read = await readDocument(image, 'image/png', { ocr });
    expect(read).toMatchObject({ kind: 'image', text: 'seen1', pages: [{ number: 1, width: 400, height: 300, source: 'ocr' }] });
    const unread = await readDocument(image, 'image/png');
    expect(unread.pages[0]).toMatchObject({ width: 400, height: 300, words: [] });
    expect(unread.issues?.[0].code).toBe('OCR_UNAVAILABLE');
  });

  it('refuses other types and damaged images with codes', async () => {
    expect(await codeOf(readDocument(Buffer.from('<Invoice/>'), 'application/xml'))).toBe('DOCUMENT_TYPE_UNSUPPORTED');
    const image = png(200, 100);
    expect(await codeOf(readDocument(image.subarray(0, image.length - 20), 'image/png', { ocr: new FakeOcrEngine() }))).toBe('DOCUMENT_TRUNCATED');
    expect(await codeOf(readDocument(Buffer.from('%PDF-1.4\nnothing'), 'application/pdf', { pool }))).toBe('DOCUMENT_TRUNCATED');
  });
});
