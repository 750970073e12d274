import type { StepExecution } from '../api/types';

export interface TimelineBar {
  key: string;
  label: string;
  status: string;
  /** Fractions of the run's span, 0 to 1. */
  queuedAt: number;
  start: number;
  end: number;
  durationMs?: number;
}

/** Each step execution as a bar on the run's time axis: waiting in the queue, then running. */
export function timelineBars(steps: StepExecution[], now: number): { bars: TimelineBar[]; spanMs: number } {
  if (steps.length === 0) return { bars: [], spanMs: 0 };
  const time = (iso: string | undefined, fallback: number) => (iso ? new Date(iso).getTime() : fallback);
  const origin = Math.min(...steps.map((step) => time(step.queuedAt, now)));
  const finish = Math.max(...steps.map((step) => time(step.finishedAt, step.startedAt ? now : time(step.queuedAt, now))));
  const spanMs = Math.max(1, finish - origin);
  const bars = steps.map((step) => {
    const queued = time(step.queuedAt, now);
    const started = time(step.startedAt, queued);
    const ended = time(step.finishedAt, step.startedAt ? now : started);
    return {
      key: step.id,
      label: `${step.stepId}${step.itemIndex !== null ? `[${step.itemIndex}]` : ''}${step.attempt > 1 ? ` (attempt ${step.attempt})` : ''}`,
      status: step.status,
      queuedAt: (queued - origin) / spanMs,
      start: (started - origin) / spanMs,
      end: (ended - origin) / spanMs,
      durationMs: step.startedAt && step.finishedAt ? ended - started : undefined,
    };
  });
  return { bars, spanMs };
}
