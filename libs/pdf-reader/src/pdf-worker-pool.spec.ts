import { PdfWorkerPool } from './pdf-worker-pool';

/** The smallest valid one-page PDF (offsets computed), enough for a page count. */
function onePagePdf(): Uint8Array {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 4\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const until = async (condition: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('PdfWorkerPool: memory given back', () => {
  it('ends a thread idle for idleTimeoutMs and starts a fresh one for the next task', async () => {
    const pool = new PdfWorkerPool({ size: 1, idleTimeoutMs: 200 });
    try {
      expect(await pool.run(onePagePdf(), { kind: 'pageCount' })).toEqual({ pages: 1 });
      expect(pool.stats()).toMatchObject({ workers: 1, retired: 0 });
      await until(() => pool.stats().workers === 0);
      expect(pool.stats()).toMatchObject({ workers: 0, retired: 1, replaced: 0 });
      expect(await pool.run(onePagePdf(), { kind: 'pageCount' })).toEqual({ pages: 1 });
      expect(pool.stats().workers).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('keeps threads for good with the default idle timeout', async () => {
    const pool = new PdfWorkerPool({ size: 1 });
    try {
      await pool.run(onePagePdf(), { kind: 'pageCount' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(pool.stats()).toMatchObject({ workers: 1, retired: 0 });
    } finally {
      await pool.close();
    }
  });

  it('is made smaller in place: idle threads above the new size end, the rest keep serving', async () => {
    const pool = new PdfWorkerPool({ size: 2 });
    try {
      await pool.warmUp();
      expect(pool.stats().workers).toBe(2);
      pool.configure({ size: 1 });
      expect(pool.stats()).toMatchObject({ size: 1, workers: 1, retired: 1 });
      const counts = await Promise.all([1, 2, 3].map(() => pool.run(onePagePdf(), { kind: 'pageCount' })));
      expect(counts).toEqual([{ pages: 1 }, { pages: 1 }, { pages: 1 }]);
      expect(pool.stats().workers).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('refuses a size that is not a positive integer, and a negative idle timeout', () => {
    expect(() => new PdfWorkerPool({ size: 0 })).toThrow(/positive integer, got 0/);
    expect(() => new PdfWorkerPool({ size: 1.5 })).toThrow(RangeError);
    expect(() => new PdfWorkerPool({ idleTimeoutMs: -1 })).toThrow(/0 or more milliseconds/);
  });
});
