import { describe, expect, it } from 'vitest';
import type { StepExecution } from '../api/types';
import { timelineBars } from './timeline';

const step = (id: string, queuedAt: string, startedAt?: string, finishedAt?: string, status: StepExecution['status'] = 'succeeded'): StepExecution => ({
  id, stepId: id, itemIndex: null, attempt: 1, status, queuedAt, startedAt, finishedAt,
});

describe('run timeline', () => {
  it('places each step on the run span: queued, then running', () => {
    const { bars, spanMs } = timelineBars(
      [step('a', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.000Z', '2026-01-01T00:00:03.000Z'), step('b', '2026-01-01T00:00:03.000Z', '2026-01-01T00:00:03.000Z', '2026-01-01T00:00:04.000Z')],
      Date.parse('2026-01-01T00:01:00Z'),
    );
    expect(spanMs).toBe(4000);
    expect(bars[0]).toMatchObject({ queuedAt: 0, start: 0.25, end: 0.75, durationMs: 2000 });
    expect(bars[1]).toMatchObject({ start: 0.75, end: 1, durationMs: 1000 });
  });

  it('lets a running step grow to now', () => {
    const now = Date.parse('2026-01-01T00:00:10Z');
    const { bars } = timelineBars([step('a', '2026-01-01T00:00:00Z', '2026-01-01T00:00:05Z', undefined, 'running')], now);
    expect(bars[0]).toMatchObject({ start: 0.5, end: 1, durationMs: undefined });
  });
});
