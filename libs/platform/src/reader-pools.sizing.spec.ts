import { loadConfig } from '@conveyor/config';
import { DomainError } from '@conveyor/kernel';
import { createPlatform } from './create-platform';
import { estimatePeakMb, OCR_QUALITY_TIERS, sizeReaderPools } from './reader-pools.sizing';

const TWO_CORES_24_GB = { cores: 2, memoryMb: 24_000 };

function caught(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected an error');
}

describe('sizeReaderPools: OCR workers and PDF reader threads from the configuration and the machine', () => {
  it('gives a default worker the leanest plan for the default budget of 480 MB, and says when it is over it', () => {
    const plan = sizeReaderPools(loadConfig({}), TWO_CORES_24_GB);
    expect(plan).toMatchObject({ memoryBudgetMb: 480, budgetConfigured: false, ocrWorkers: 1, pdfReaderThreads: 1, idleTimeoutMs: 60_000 });
    expect(plan.ocr).toEqual(OCR_QUALITY_TIERS.find((tier) => estimatePeakMb(1, 1, tier) <= 480) ?? OCR_QUALITY_TIERS[OCR_QUALITY_TIERS.length - 1]);
    expect(plan.estimatedPeakMb).toBe(estimatePeakMb(1, 1, plan.ocr));
    expect(plan.warnings).toEqual(plan.estimatedPeakMb > 480 ? [expect.stringMatching(/over the default memory budget of 480 MB/)] : []);
  });

  it('picks the best OCR quality that fits one OCR worker and one reader, not merely one that fits', () => {
    for (const budget of [700, 800, 900, 1000]) {
      const plan = sizeReaderPools(loadConfig({ WORKER_MEMORY_BUDGET_MB: String(budget), OCR_WORKERS: '1', PDF_READER_THREADS: '1' }), TWO_CORES_24_GB);
      expect(plan.estimatedPeakMb).toBeLessThanOrEqual(budget);
      for (const better of OCR_QUALITY_TIERS.slice(0, OCR_QUALITY_TIERS.indexOf(plan.ocr))) expect(estimatePeakMb(1, 1, better)).toBeGreaterThan(budget);
    }
    const costs = [...OCR_QUALITY_TIERS].map((tier) => estimatePeakMb(1, 1, tier));
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
  });

  it('gives a small machine half its memory, and says so when even the leanest plan is over it', () => {
    const plan = sizeReaderPools(loadConfig({}), { cores: 4, memoryMb: 600 });
    expect(plan).toMatchObject({ memoryBudgetMb: 300, ocrWorkers: 1, pdfReaderThreads: 1, ocr: OCR_QUALITY_TIERS[OCR_QUALITY_TIERS.length - 1] });
    expect(plan.warnings).toEqual([expect.stringMatching(/over the default memory budget of 300 MB/)]);
  });

  it('fills a larger budget with the best OCR quality and up to one OCR worker and one reader per core, OCR first', () => {
    const plan = sizeReaderPools(loadConfig({ WORKER_MEMORY_BUDGET_MB: '8192' }), { cores: 8, memoryMb: 64_000 });
    expect(plan.ocr).toEqual(OCR_QUALITY_TIERS[0]);
    expect(plan.ocrWorkers).toBe(8);
    expect(plan.pdfReaderThreads).toBeGreaterThanOrEqual(1);
    expect(plan.estimatedPeakMb).toBeLessThanOrEqual(8192);
    expect(estimatePeakMb(plan.ocrWorkers, plan.pdfReaderThreads + 1, plan.ocr) > 8192 || plan.pdfReaderThreads === 8).toBe(true);

    const tight = sizeReaderPools(loadConfig({ WORKER_MEMORY_BUDGET_MB: '2000' }), { cores: 8, memoryMb: 64_000 });
    expect(tight.ocrWorkers).toBeGreaterThan(1);
    expect(tight.ocrWorkers).toBeLessThan(8);
    expect(tight.estimatedPeakMb).toBeLessThanOrEqual(2000);
  });

  it('keeps sizes set explicitly, and only warns when they exceed the default budget', () => {
    const plan = sizeReaderPools(loadConfig({ OCR_WORKERS: '3', PDF_READER_THREADS: '2', READER_IDLE_TIMEOUT: '0s' }), TWO_CORES_24_GB);
    expect(plan).toMatchObject({ ocrWorkers: 3, pdfReaderThreads: 2, idleTimeoutMs: 0 });
    expect(plan.warnings).toEqual([expect.stringMatching(/3 OCR worker\(s\) and 2 PDF reader thread\(s\) need about \d+ MB, over the default memory budget of 480 MB/)]);
  });

  it('refuses at start sizes that cannot fit a budget that is set too', () => {
    const error = caught(() => sizeReaderPools(loadConfig({ OCR_WORKERS: '4', WORKER_MEMORY_BUDGET_MB: '1200' }), TWO_CORES_24_GB));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toMatch(/OCR_WORKERS, PDF_READER_THREADS: 4 OCR worker\(s\) and 1 PDF reader thread\(s\) need about \d+ MB, over WORKER_MEMORY_BUDGET_MB=1200/);
  });

  it('refuses at start a budget too small for one OCR worker and one reader thread', () => {
    const error = caught(() => sizeReaderPools(loadConfig({ WORKER_MEMORY_BUDGET_MB: '500' }), TWO_CORES_24_GB));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.details['problems']).toEqual([expect.stringMatching(/^WORKER_MEMORY_BUDGET_MB: 500 MB is less than a worker needs/)]);
  });

  it('lists every malformed pool variable at once when the configuration is read', () => {
    const error = caught(() => loadConfig({ OCR_WORKERS: '0', PDF_READER_THREADS: 'two', WORKER_MEMORY_BUDGET_MB: '100', READER_IDLE_TIMEOUT: 'soon' }));
    expect(error.code).toBe('CONFIG_INVALID');
    const variables = (error.details['problems'] as string[]).map((problem) => problem.split(':')[0]).sort();
    expect(variables).toEqual(['OCR_WORKERS', 'PDF_READER_THREADS', 'READER_IDLE_TIMEOUT', 'WORKER_MEMORY_BUDGET_MB']);
  });

  it('counts only the OCR_LANGUAGES a worker loads, so fewer languages buy back OCR quality within the budget', () => {
    const all = sizeReaderPools(loadConfig({}), TWO_CORES_24_GB);
    const two = sizeReaderPools(loadConfig({ OCR_LANGUAGES: 'eng, deu' }), TWO_CORES_24_GB);
    expect(two.estimatedPeakMb).toBeLessThan(all.estimatedPeakMb);
    expect(two.estimatedPeakMb).toBe(estimatePeakMb(two.ocrWorkers, two.pdfReaderThreads, two.ocr, 2));
    expect(estimatePeakMb(1, 1, two.ocr, 2)).toBeLessThan(estimatePeakMb(1, 1, two.ocr, 7));
    expect(OCR_QUALITY_TIERS.indexOf(two.ocr)).toBeLessThanOrEqual(OCR_QUALITY_TIERS.indexOf(all.ocr));
  });

  it('refuses OCR_LANGUAGES that are not installed, empty or repeated', () => {
    for (const value of ['eng,klingon', ',', 'eng,eng', 'ENG']) {
      const error = caught(() => loadConfig({ OCR_LANGUAGES: value }));
      expect(error.code).toBe('CONFIG_INVALID');
      expect(error.message).toContain('OCR_LANGUAGES');
    }
    expect(loadConfig({ OCR_LANGUAGES: 'pol' }).OCR_LANGUAGES).toEqual(['pol']);
  });

  it('stops the platform from starting, before it opens anything, when the pools cannot fit the budget', async () => {
    const config = loadConfig({ WORKER_MEMORY_BUDGET_MB: '300', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', REDIS_URL: 'redis://127.0.0.1:1', LOG_LEVEL: 'silent' });
    await expect(createPlatform(config, { components: ['worker'] })).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringContaining('WORKER_MEMORY_BUDGET_MB') });
  });
});
