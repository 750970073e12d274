import { isDomainError } from '@conveyor/kernel';
import sharp from 'sharp';
import { annotatedBoxIn, faturaCrop, HEADING_BLOCK, UPPER_PAGE } from './ocr-corpus.fixture';
import { countImagePages } from './image-preparation';
import type { OcrPage } from './ocr-engine';
import { createOcrEngine, type TesseractOcrEngine } from './tesseract-ocr-engine';

jest.setTimeout(120_000);

const texts = (page: OcrPage) => page.words.map((word) => word.text);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('tesseract OCR engine', () => {
  let engine: TesseractOcrEngine;
  let heading: Buffer;

  beforeAll(async () => {
    engine = createOcrEngine({ languages: ['eng', 'deu'], defaultLanguages: ['eng'], workers: 2 });
    heading = await faturaCrop(HEADING_BLOCK);
  });
  afterAll(() => engine.close());

  it('reads the words of an invoice heading with their boxes where the annotation puts them', async () => {
    const page = await engine.recognize(heading, { detectOrientation: false });
    expect(texts(page)).toEqual(expect.arrayContaining(['INVOICE', '17-Sep-2006', '14-Aug-2009', 'Number']));
    // reading order: the title comes before the dates, the issue date before the due date
    expect(texts(page).indexOf('INVOICE')).toBeLessThan(texts(page).indexOf('17-Sep-2006'));
    expect(texts(page).indexOf('17-Sep-2006')).toBeLessThan(texts(page).indexOf('14-Aug-2009'));
    const title = page.words.find((word) => word.text === 'INVOICE')!;
    const expected = annotatedBoxIn(HEADING_BLOCK, [[328, 802.16], [402.02, 820.16]]);
    expect(title.bbox.x).toBeCloseTo(expected.x, 1);
    expect(title.bbox.y).toBeCloseTo(expected.y, 1);
    expect(title.bbox.width).toBeCloseTo(expected.width, 1);
    expect(title.confidence).toBeGreaterThan(0.8);
    const date = page.words.find((word) => word.text === '17-Sep-2006')!;
    const dateField = annotatedBoxIn(HEADING_BLOCK, [[328, 776.41], [429.39, 788.41]]);
    // the value is the right part of the "Date: 17-Sep-2006" field
    expect(date.bbox.x).toBeGreaterThan(dateField.x);
    expect(date.bbox.x + date.bbox.width).toBeCloseTo(dateField.x + dateField.width, 1);
    expect(date.bbox.y).toBeCloseTo(dateField.y, 1);
    expect(page.rotation).toBe(0);
    expect(page.confidence).toBeGreaterThan(0.8);
    // 72 dpi: upscaled before recognition
    expect(page.width).toBeGreaterThan(HEADING_BLOCK.width * 2);
  });

  it.each([90, 180])('turns a page rotated by %s degrees upright and reads the same words', async (degrees) => {
    const upright = await faturaCrop(UPPER_PAGE);
    const rotated = await sharp(upright).rotate(degrees).png().toBuffer();
    const page = await engine.recognize(rotated);
    expect(page.orientation).toBe((360 - degrees) % 360);
    expect(texts(page)).toEqual(expect.arrayContaining(['INVOICE', '17-Sep-2006', 'Timothy', 'Mission', 'Dalton']));
    const title = page.words.find((word) => word.text === 'INVOICE')!;
    const expected = annotatedBoxIn(UPPER_PAGE, [[328, 802.16], [402.02, 820.16]]);
    expect(title.bbox.x).toBeCloseTo(expected.x, 1);
    expect(title.bbox.y).toBeCloseTo(expected.y, 1);
  });

  it('turns pages upright without the orientation worker too (orientation: probe, for small memory budgets)', async () => {
    const lean = createOcrEngine({ languages: ['eng'], workers: 1, orientation: 'probe' });
    try {
      const upright = await faturaCrop(UPPER_PAGE);
      for (const degrees of [0, 90, 180]) {
        const page = await lean.recognize(degrees === 0 ? upright : await sharp(upright).rotate(degrees).png().toBuffer());
        expect(page.orientation).toBe((360 - degrees) % 360);
        expect(texts(page)).toEqual(expect.arrayContaining(['INVOICE', '17-Sep-2006', 'Timothy']));
      }
      // No OSD worker was ever started.
      expect(lean.stats().orientation.workers).toBe(0);
    } finally {
      await lean.close();
    }
  });

  it('straightens a slightly skewed scan', async () => {
    const skewed = await sharp(heading).rotate(3, { background: '#ffffff' }).png().toBuffer();
    const page = await engine.recognize(skewed, { detectOrientation: false });
    expect(page.skew).toBeGreaterThan(2.4);
    expect(page.skew).toBeLessThan(3.6);
    expect(texts(page)).toEqual(expect.arrayContaining(['INVOICE', '17-Sep-2006', '14-Aug-2009']));
  });

  it('finds no words on a blank page', async () => {
    const blank = await sharp({ create: { width: 1200, height: 1600, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const page = await engine.recognize(blank);
    expect(page.words).toEqual([]);
    expect(page.confidence).toBe(0);
  });

  it('refuses corrupt, truncated, empty and foreign bytes with a code, and keeps working', async () => {
    const jpeg = await faturaCrop(HEADING_BLOCK, 'jpeg');
    expect(await codeOf(engine.recognize(jpeg.subarray(0, Math.floor(jpeg.length / 2))))).toBe('OCR_IMAGE_UNREADABLE');
    expect(await codeOf(engine.recognize(heading.subarray(0, Math.floor(heading.length / 2))))).toBe('OCR_IMAGE_UNREADABLE');
    const corrupt = Buffer.from(heading);
    corrupt.fill(0x5a, 64, 4096);
    expect(await codeOf(engine.recognize(corrupt))).toBe('OCR_IMAGE_UNREADABLE');
    expect(await codeOf(engine.recognize(new Uint8Array()))).toBe('OCR_IMAGE_UNREADABLE');
    expect(await codeOf(engine.recognize(Buffer.from('%PDF-1.7 not an image')))).toBe('OCR_IMAGE_UNREADABLE');
    const gif = await sharp(heading).gif().toBuffer();
    expect(await codeOf(engine.recognize(gif))).toBe('OCR_IMAGE_UNREADABLE');
    expect(await codeOf(engine.recognize(heading, { languages: ['jpn'] }))).toBe('OCR_LANGUAGE_UNAVAILABLE');
    expect(texts(await engine.recognize(jpeg, { detectOrientation: false }))).toContain('INVOICE');
  });

  it('reads one page of a multi-page TIFF at a time', async () => {
    const blank = await sharp({ create: { width: HEADING_BLOCK.width, height: HEADING_BLOCK.height, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const tiff = await sharp([blank, heading], { join: { animated: true } }).tiff().toBuffer();
    expect(await countImagePages(tiff)).toBe(2);
    expect((await engine.recognize(tiff, { page: 0, detectOrientation: false })).words).toEqual([]);
    expect(texts(await engine.recognize(tiff, { page: 1, detectOrientation: false }))).toContain('INVOICE');
    expect(await codeOf(engine.recognize(tiff, { page: 2 }))).toBe('OCR_PAGE_OUT_OF_RANGE');
  });

  it('runs concurrent calls on the shared pool, in other languages too', async () => {
    const pages = await Promise.all([
      engine.recognize(heading, { detectOrientation: false }),
      engine.recognize(heading, { detectOrientation: false, languages: ['deu'] }),
      engine.recognize(heading, { detectOrientation: false }),
      engine.recognize(heading, { detectOrientation: false, languages: ['eng', 'deu'] }),
      engine.recognize(heading, { detectOrientation: false }),
    ]);
    for (const page of pages) expect(texts(page)).toContain('14-Aug-2009');
    expect(engine.stats().recognition).toEqual(expect.objectContaining({ workers: 2, threads: 2, busy: 0, queued: 0 }));
  });
});

describe('tesseract OCR engine limits and shutdown', () => {
  it('refuses images over the pixel limit', async () => {
    const engine = createOcrEngine({ languages: ['eng'], maxInputPixels: 10_000 });
    try {
      expect(await codeOf(engine.recognize(await faturaCrop(HEADING_BLOCK)))).toBe('OCR_IMAGE_TOO_LARGE');
      expect(engine.stats().recognition.threads).toBe(0);
    } finally {
      await engine.close();
    }
  });

  it('ends a worker that overruns its timeout and replaces it', async () => {
    const engine = createOcrEngine({ languages: ['eng'], workers: 1, timeoutMs: 5 });
    try {
      expect(await codeOf(engine.recognize(await faturaCrop(UPPER_PAGE), { detectOrientation: false }))).toBe('OCR_TIMEOUT');
      expect(engine.stats().recognition).toEqual(expect.objectContaining({ workers: 0, threads: 0 }));
    } finally {
      await engine.close();
    }
  });

  it('stops every worker thread on close and refuses work afterwards', async () => {
    const engine = createOcrEngine({ languages: ['eng'], workers: 2 });
    const heading = await faturaCrop(HEADING_BLOCK);
    await Promise.all([engine.recognize(heading), engine.recognize(heading)]);
    expect(engine.stats().recognition.threads).toBe(2);
    expect(engine.stats().orientation.threads).toBe(1);
    await engine.close();
    expect(engine.stats().recognition).toEqual(expect.objectContaining({ workers: 0, threads: 0 }));
    expect(engine.stats().orientation.threads).toBe(0);
    expect(await codeOf(engine.recognize(heading))).toBe('OCR_ENGINE_CLOSED');
  });
});
