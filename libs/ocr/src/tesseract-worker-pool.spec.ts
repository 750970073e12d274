import type { Worker } from 'tesseract.js';
import { TesseractWorkerPool, type TesseractWorkerFactory } from './tesseract-worker-pool';

/**
 * A stand-in for tesseract.js' worker (not our code): the pool only creates, hands out and terminates it.
 * Records what was created and ended.
 */
function countingFactory(): TesseractWorkerFactory & { created: number; ended: number } {
  const factory = {
    created: 0,
    ended: 0,
    async create() {
      factory.created += 1;
      return { terminate: async () => void (factory.ended += 1) } as unknown as Worker;
    },
    async switchTo() {
      return undefined;
    },
  };
  return factory;
}

const job = (pool: TesseractWorkerPool) => pool.run('eng', { timeoutMs: 5_000 }, async () => 'read');

describe('TesseractWorkerPool: memory given back', () => {
  it('ends a worker idle for idleTimeoutMs; the next job gets a fresh one', async () => {
    const factory = countingFactory();
    const pool = new TesseractWorkerPool(1, factory, { idleTimeoutMs: 50 });
    await job(pool);
    expect(pool.stats()).toMatchObject({ workers: 1, retired: 0 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(pool.stats()).toMatchObject({ workers: 0, retired: 1 });
    expect(factory.ended).toBe(1);
    await job(pool);
    expect(factory.created).toBe(2);
    await pool.close();
  });

  it('replaces a worker after maxJobsPerWorker jobs, and reuses it until then', async () => {
    const factory = countingFactory();
    const pool = new TesseractWorkerPool(1, factory, { maxJobsPerWorker: 3 });
    for (let index = 0; index < 7; index += 1) await job(pool);
    // Jobs 1-3 on the first worker, 4-6 on the second, 7 on a third.
    expect([factory.created, factory.ended, pool.stats().retired]).toEqual([3, 2, 2]);
    await pool.close();
    expect(factory.ended).toBe(3);
  });

  it('keeps its workers without those options', async () => {
    const factory = countingFactory();
    const pool = new TesseractWorkerPool(1, factory);
    for (let index = 0; index < 5; index += 1) await job(pool);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect([factory.created, factory.ended]).toEqual([1, 0]);
    await pool.close();
  });
});
