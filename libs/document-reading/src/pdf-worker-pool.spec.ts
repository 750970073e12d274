import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { DomainError } from '@conveyor/kernel';
import { renderPdfPage } from './pdf-page-renderer';
import { readPdfAttachments } from './pdf-attachments';
import { readPdfImageAreas } from './pdf-image-areas';
import type { PdfTask } from '@conveyor/pdf-reader';
import { PdfWorkerPool } from '@conveyor/pdf-reader';
import { buildPdf, INVOICE_LINES } from './test-pdfs.fixture';

const MISBEHAVING = join(__dirname, '../../pdf-reader/src/misbehaving-pdf-worker.fixture.js');
const FACTURX = join(__dirname, '../../../../shared/corpus/invoices/einvoice/mustang/files');

function misbehave(how: 'crash' | 'throw' | 'hang' | 'bloat'): PdfTask {
  return { kind: 'misbehave', how } as unknown as PdfTask;
}

async function failure(reading: Promise<unknown>): Promise<DomainError> {
  return reading.then(
    () => {
      throw new Error('the task succeeded');
    },
    (error: DomainError) => error,
  );
}

/** Share of dark pixels: printed text makes some, a blank page none. */
async function inkShare(png: Uint8Array): Promise<number> {
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  let dark = 0;
  for (let index = 0; index < data.length; index += 4) if (data[index] < 128) dark += 1;
  return dark / (data.length / 4);
}

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = Buffer.from(png);
  expect(view.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

jest.setTimeout(30_000);

describe('PdfWorkerPool', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await buildPdf([{ kind: 'text', lines: INVOICE_LINES }, { kind: 'text', lines: INVOICE_LINES.slice(0, 3) }]);
  });

  it('reuses its threads across documents and never starts more than its size', async () => {
    const pool = new PdfWorkerPool({ size: 2 });
    try {
      const answers = await Promise.all(Array.from({ length: 6 }, () => pool.run(pdf, { kind: 'pageCount' })));
      expect(answers).toEqual(Array.from({ length: 6 }, () => ({ pages: 2 })));
      await pool.run(pdf, { kind: 'pageCount' });
      expect(pool.stats()).toMatchObject({ size: 2, workers: 2, busy: 0, queued: 0, replaced: 0 });
    } finally {
      await pool.close();
    }
  });

  it('warms every thread up front when asked, and then reads on those threads', async () => {
    const pool = new PdfWorkerPool({ size: 2 });
    try {
      await pool.warmUp();
      expect(pool.stats()).toMatchObject({ workers: 2, busy: 0 });
      expect(await Promise.all([pool.run(pdf, { kind: 'pageCount' }), pool.run(pdf, { kind: 'pageCount' })])).toEqual([{ pages: 2 }, { pages: 2 }]);
      expect(pool.stats()).toMatchObject({ workers: 2, replaced: 0 });
    } finally {
      await pool.close();
    }
  });

  it.each([
    ['crashes', 'crash', 'DOCUMENT_READER_CRASHED'],
    ['throws an uncaught error', 'throw', 'DOCUMENT_READER_CRASHED'],
    ['runs out of its memory cap', 'bloat', 'DOCUMENT_TOO_COMPLEX'],
  ] as const)('replaces a thread that %s; the task fails with a code and the next one succeeds', async (_, how, code) => {
    const pool = new PdfWorkerPool({ size: 1, workerScript: MISBEHAVING, maxHeapMb: 48 });
    try {
      expect(await pool.run(pdf, { kind: 'pageCount' })).toEqual({ pages: 2 });
      const error = await failure(pool.run(pdf, misbehave(how)));
      expect(error.code).toBe(code);
      expect(await pool.run(pdf, { kind: 'pageCount' })).toEqual({ pages: 2 });
      expect(pool.stats()).toMatchObject({ workers: 1, replaced: 1 });
    } finally {
      await pool.close();
    }
  });

  it('ends a thread that overruns the deadline, fails only that task, and serves the queue with a fresh thread', async () => {
    const pool = new PdfWorkerPool({ size: 1, workerScript: MISBEHAVING, taskTimeoutMs: 10_000 });
    try {
      const hung = failure(pool.run(pdf, misbehave('hang'), { timeoutMs: 300 }));
      const queued = pool.run(pdf, { kind: 'pageCount' });
      const error = await hung;
      expect(error.code).toBe('DOCUMENT_TOO_COMPLEX');
      expect(error.details).toEqual({ reason: 'timeout' });
      expect(await queued).toEqual({ pages: 2 });
      expect(pool.stats().replaced).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('renders a page to a PNG with the page aspect ratio, at the asked resolution or under the pixel cap', async () => {
    const pool = new PdfWorkerPool({ size: 1 });
    try {
      const page = await renderPdfPage(pdf, 1, { pool, dpi: 144 });
      expect(pngSize(page.png)).toEqual({ width: page.width, height: page.height });
      expect(page.width).toBe(Math.floor((595.28 * 144) / 72));
      expect(page.width / page.height).toBeCloseTo(595.28 / 841.89, 2);
      expect(await inkShare(page.png)).toBeGreaterThan(0.005);
      const capped = await renderPdfPage(pdf, 2, { pool, dpi: 300, maxPixels: 1_000_000 });
      expect(capped.width * capped.height).toBeLessThanOrEqual(1_000_000);
      expect(capped.dpi).toBeLessThan(300);
      expect(capped.width / capped.height).toBeCloseTo(595.28 / 841.89, 2);
      const missing = await failure(renderPdfPage(pdf, 3, { pool }));
      expect(missing.code).toBe('DOCUMENT_PAGE_NOT_FOUND');
    } finally {
      await pool.close();
    }
  });

  it('finds where images are painted and how much of each page they cover', async () => {
    const pool = new PdfWorkerPool({ size: 1 });
    try {
      const withImages = await buildPdf([{ kind: 'text', lines: INVOICE_LINES, logo: true }, { kind: 'scan' }, { kind: 'invisible-text', lines: INVOICE_LINES, withScan: false }]);
      const [logo, scan, invisible] = await readPdfImageAreas(withImages, { pool });
      expect(logo.images).toHaveLength(1);
      expect(logo.images[0].width).toBeCloseTo(100 / 595.28, 2);
      expect(logo.images[0].height).toBeCloseTo(50 / 841.89, 2);
      expect(logo.imageShare).toBeLessThan(0.02);
      expect(scan.imageShare).toBeGreaterThan(0.98);
      expect(invisible).toMatchObject({ images: [], imageShare: 0, invisibleTextShare: 1 });
      expect(logo.invisibleTextShare).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('reads the XML embedded in a Factur-X PDF and the page texts', async () => {
    const pool = new PdfWorkerPool({ size: 1 });
    try {
      const contents = await readPdfAttachments(readFileSync(join(FACTURX, 'MustangBeispiel20221026.pdf')), { withText: true, pool });
      expect(contents.pages).toBe(1);
      const xml = contents.attachments.find((attachment) => attachment.filename.endsWith('.xml'));
      expect(Buffer.from(xml?.content ?? []).toString('utf8')).toContain('CrossIndustryInvoice');
      expect(contents.pageTexts[0]).toContain('RE1001');
    } finally {
      await pool.close();
    }
  });

  it('fails the waiting tasks, retryably, when the reader cannot start at all, instead of restarting it in a loop', async () => {
    const pool = new PdfWorkerPool({ size: 2, workerScript: join(__dirname, 'no-such-reader.fixture.js') });
    try {
      const errors = await Promise.all([failure(pool.run(pdf, { kind: 'pageCount' })), failure(pool.run(pdf, { kind: 'pageCount' }))]);
      expect(errors.map((error) => [error.code, error.retryable])).toEqual([
        ['DOCUMENT_READER_CRASHED', true],
        ['DOCUMENT_READER_CRASHED', true],
      ]);
      expect(pool.stats()).toMatchObject({ workers: 0, queued: 0 });
    } finally {
      await pool.close();
    }
  });

  it('fails queued and new tasks once closed', async () => {
    const pool = new PdfWorkerPool({ size: 1 });
    const running = failure(pool.run(pdf, { kind: 'textLayout' }));
    const queued = failure(pool.run(pdf, { kind: 'pageCount' }));
    await pool.close();
    expect((await running).code).toBe('DOCUMENT_READER_CLOSED');
    expect((await queued).code).toBe('DOCUMENT_READER_CLOSED');
    expect((await failure(pool.run(pdf, { kind: 'pageCount' }))).code).toBe('DOCUMENT_READER_CLOSED');
  });
});
