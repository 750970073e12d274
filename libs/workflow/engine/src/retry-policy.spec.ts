import type { BackoffSpec } from '@conveyor/workflow-dsl';
import { computeBackoff, decideFailure } from './retry-policy';
import { step } from './run-scenario.fixture';

/** A small deterministic generator (mulberry32) so jitter is reproducible. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const error = { code: 'HTTP_503', message: 'busy' };

describe('decideFailure', () => {
  const flaky = step('call', {
    retry: { attempts: 3, backoff: { type: 'exponential', delay: 1000, maxDelay: 60_000, jitter: 0 }, nonRetryableCodes: ['BAD_STEP_INPUT'] },
  });

  it('retries while attempts remain, with the next attempt number and its backoff', () => {
    expect(decideFailure(flaky, 1, error, () => 0.5)).toEqual({ kind: 'retry', delayMs: 1000, nextAttempt: 2 });
    expect(decideFailure(flaky, 2, error, () => 0.5)).toEqual({ kind: 'retry', delayMs: 2000, nextAttempt: 3 });
  });

  it('gives up after the last attempt', () => {
    expect(decideFailure(flaky, 3, error, () => 0.5)).toEqual({ kind: 'final' });
    expect(decideFailure(step('once'), 1, error, () => 0.5)).toEqual({ kind: 'final' });
  });

  it('never retries a non-retryable code or an error marked non-retryable', () => {
    expect(decideFailure(flaky, 1, { code: 'BAD_STEP_INPUT', message: 'no' }, () => 0.5)).toEqual({ kind: 'final' });
    expect(decideFailure(flaky, 1, { ...error, retryable: false }, () => 0.5)).toEqual({ kind: 'final' });
    expect(decideFailure(flaky, 1, { ...error, retryable: true }, () => 0.5)).toEqual(expect.objectContaining({ kind: 'retry' }));
  });
});

describe('computeBackoff', () => {
  const exponential: BackoffSpec = { type: 'exponential', delay: 500, maxDelay: 10_000, jitter: 0 };

  it('keeps a fixed delay fixed', () => {
    const fixed: BackoffSpec = { type: 'fixed', delay: 750, maxDelay: 10_000, jitter: 0 };
    expect([1, 2, 5].map((attempt) => computeBackoff(fixed, attempt, () => 0.9))).toEqual([750, 750, 750]);
  });

  it('doubles an exponential delay per attempt up to maxDelay', () => {
    expect([1, 2, 3, 4, 5, 6, 60].map((attempt) => computeBackoff(exponential, attempt, () => 0))).toEqual([
      500, 1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });

  it('randomises the jittered share of the delay and stays within [d*(1-j), d]', () => {
    const jittered: BackoffSpec = { ...exponential, jitter: 0.4 };
    const random = seededRandom(42);
    const delays = Array.from({ length: 500 }, () => computeBackoff(jittered, 3, random));
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(1200);
      expect(delay).toBeLessThanOrEqual(2000);
    }
    expect(new Set(delays).size).toBeGreaterThan(100);
    expect(Math.min(...delays)).toBeLessThan(1300);
    expect(Math.max(...delays)).toBeGreaterThan(1900);
  });

  it('is reproducible for the same seed and follows the formula at the edges', () => {
    const full: BackoffSpec = { type: 'fixed', delay: 1000, maxDelay: 5000, jitter: 1 };
    const first = Array.from({ length: 5 }, ((random) => () => computeBackoff(full, 1, random))(seededRandom(7)));
    const second = Array.from({ length: 5 }, ((random) => () => computeBackoff(full, 1, random))(seededRandom(7)));
    expect(first).toEqual(second);
    expect(computeBackoff(full, 1, () => 0)).toBe(0);
    expect(computeBackoff(full, 1, () => 0.25)).toBe(250);
    expect(computeBackoff({ ...full, jitter: 0.5 }, 1, () => 0.5)).toBe(750);
  });
});
