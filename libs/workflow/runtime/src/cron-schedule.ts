import { Cron } from 'croner';

/** The first firing of `cron` (read in `timezone`) strictly after `after`, or null when there is none. */
export function nextFireTime(cron: string, timezone: string, after: Date): Date | null {
  return new Cron(cron, { timezone, paused: true }).nextRun(after);
}

/**
 * Firings due between `from` (inclusive) and `now` (inclusive) for a trigger whose next firing was `from`,
 * at most `cap` of them (the latest ones are kept), and the next firing after `now`.
 */
export function dueFirings(cron: string, timezone: string, from: Date, now: Date, cap: number): { due: Date[]; next: Date | null } {
  const due: Date[] = [];
  let cursor: Date | null = from;
  while (cursor && cursor.getTime() <= now.getTime()) {
    due.push(cursor);
    if (due.length > cap) due.shift();
    cursor = nextFireTime(cron, timezone, cursor);
  }
  return { due, next: cursor };
}
