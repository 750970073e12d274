import { DomainError } from './domain-error';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;

/**
 * Durations in workflow YAML and configuration are written as "500ms", "30s", "5m", "2h", "1d"
 * (or a whole number of milliseconds).
 */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw new DomainError('INVALID_DURATION', `"${value}" is not a duration`);
    return Math.round(value);
  }
  const match = DURATION.exec(value.trim());
  if (!match) {
    throw new DomainError('INVALID_DURATION', `"${value}" is not a duration; write it like 500ms, 30s, 5m, 2h or 1d`);
  }
  return Math.round(Number(match[1]) * UNIT_MS[match[2]]);
}

export function isDuration(value: string | number): boolean {
  try {
    parseDuration(value);
    return true;
  } catch {
    return false;
  }
}
