import { configureSharedPdfWorkerPool, sharedPdfWorkerPool } from '@conveyor/pdf-reader';
import { buildPdf } from '../../document-reading/src/test-pdfs.fixture';
import { inspectDocument } from './document-inspector';
import { DEFAULT_DOCUMENT_LIMITS } from './document-limits';
import { samplePdf } from './sample-documents.fixture';

/**
 * Intake counts a PDF's pages on the process's shared PDF reader pool (the threads that also read text layers
 * and render pages), not on a thread of its own per upload; a damaged or protected file still gets its code.
 */
describe('PDF inspection on the shared reader pool', () => {
  const pool = sharedPdfWorkerPool();

  beforeAll(() => configureSharedPdfWorkerPool({ size: 1, idleTimeoutMs: 0 }));
  afterAll(() => pool.close());

  it('counts the pages of several uploads on the one shared thread, which stays up for the next reader', async () => {
    const before = pool.stats();
    const results = await Promise.all([samplePdf(1), samplePdf(3), samplePdf(7)].map((bytes) => inspectDocument(bytes, DEFAULT_DOCUMENT_LIMITS)));
    expect(results.map((result) => [result.mediaType, result.pages, result.rejection])).toEqual([
      ['application/pdf', 1, undefined],
      ['application/pdf', 3, undefined],
      ['application/pdf', 7, undefined],
    ]);
    const after = pool.stats();
    // One thread of the configured size did all three; none was started per upload or thrown away.
    expect(after).toMatchObject({ size: 1, workers: 1, busy: 0, queued: 0, replaced: before.replaced, retired: before.retired });
    expect(sharedPdfWorkerPool()).toBe(pool);
  });

  it('rejects a password-protected PDF as DOCUMENT_ENCRYPTED', async () => {
    const locked = await buildPdf([{ kind: 'text', lines: ['Invoice 2026-001', 'Total 120.00 EUR'] }], { userPassword: 'secret' });
    const result = await inspectDocument(locked, DEFAULT_DOCUMENT_LIMITS);
    expect(result.rejection).toEqual({ code: 'DOCUMENT_ENCRYPTED', message: 'The PDF is protected by a password and cannot be read' });
  });

  it('rejects a PDF whose body is garbage as DOCUMENT_CORRUPT, and a cut-off one as DOCUMENT_TRUNCATED, and the pool carries on', async () => {
    const garbage = Buffer.from('%PDF-1.7\nthis is not a pdf body at all\n%%EOF\n', 'latin1');
    const corrupt = await inspectDocument(garbage, DEFAULT_DOCUMENT_LIMITS);
    expect(corrupt.rejection).toMatchObject({ code: 'DOCUMENT_CORRUPT', message: expect.stringMatching(/^The PDF cannot be read/) });

    const whole = samplePdf(2);
    const truncated = await inspectDocument(whole.subarray(0, whole.length - 40), DEFAULT_DOCUMENT_LIMITS);
    expect(truncated.rejection?.code).toBe('DOCUMENT_TRUNCATED');

    expect((await inspectDocument(samplePdf(2), DEFAULT_DOCUMENT_LIMITS)).pages).toBe(2);
    expect(pool.stats().workers).toBe(1);
  });
});
