import { quantileSorted } from 'simple-statistics';

/** Median and 95th percentile of durations in milliseconds (linear interpolation between ranks, "type 7"). */
export interface DurationStats {
  count: number;
  medianMs: number | null;
  p95Ms: number | null;
  meanMs: number | null;
}

export function durationStats(durations: readonly number[]): DurationStats {
  if (durations.length === 0) return { count: 0, medianMs: null, p95Ms: null, meanMs: null };
  const sorted = [...durations].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    medianMs: Math.round(quantileSorted(sorted, 0.5)),
    p95Ms: Math.round(quantileSorted(sorted, 0.95)),
    meanMs: Math.round(total / sorted.length),
  };
}
