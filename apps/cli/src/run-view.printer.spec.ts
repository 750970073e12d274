import type { StepExecutionBody } from '@conveyor/api-contracts';
import { formatDuration, formatStepLine, table } from './run-view.printer';

const step = (overrides: Partial<StepExecutionBody>): StepExecutionBody => ({
  id: 'e1',
  stepId: 'fetch',
  itemIndex: null,
  attempt: 1,
  status: 'succeeded',
  queuedAt: '2026-01-05T09:00:00.000Z',
  startedAt: '2026-01-05T09:00:00.000Z',
  finishedAt: '2026-01-05T09:00:00.120Z',
  ...overrides,
});

describe('run view printing', () => {
  it('formats durations for people', () => {
    expect(formatDuration(120)).toBe('120ms');
    expect(formatDuration(1250)).toBe('1.3s');
    expect(formatDuration(185_000)).toBe('3m 05s');
    expect(formatDuration(7_800_000)).toBe('2h 10m');
  });

  it('marks steps by status with their duration', () => {
    expect(formatStepLine(step({}))).toBe('✓ fetch  succeeded  120ms');
    expect(formatStepLine(step({ status: 'failed', attempt: 3, error: { code: 'HTTP_500', message: 'boom' } }))).toBe(
      '✗ fetch  failed  attempt 3  120ms: HTTP_500: boom',
    );
    expect(formatStepLine(step({ status: 'running', itemIndex: 2, finishedAt: undefined }))).toBe('… fetch[2]  running');
    expect(formatStepLine(step({ status: 'skipped', skipReason: 'condition', startedAt: undefined }))).toBe('- fetch  skipped (condition)');
  });

  it('aligns table columns', () => {
    expect(table(['ID', 'STATUS'], [['a', 'succeeded'], ['bbbb', 'failed']])).toBe('ID    STATUS\na     succeeded\nbbbb  failed');
  });
});
