import type { TaskRepository } from './approval-ports';
import type { TaskChange } from './task-change';
import type { TaskChangeApplier } from './task-change-applier';
import { dueTransition } from './task-timer.transitions';

export interface DueWorkReport {
  reminded: number;
  escalated: number;
  expired: number;
  /** Outcomes offered (again) to waiting steps. */
  signalled: number;
  failures: { taskId: string; error: string }[];
}

const BATCH = 100;
const MAX_BATCHES = 20;

/**
 * One pass of the scheduler's approvals duty. Each task is handled in its own transaction under its row
 * lock, skipping tasks another scheduler holds, so several schedulers can run this at once; a task that
 * fails is reported and does not stop the others.
 */
export async function runDueWork(tasks: TaskRepository, applier: TaskChangeApplier, now: Date): Promise<DueWorkReport> {
  const report: DueWorkReport = { reminded: 0, escalated: 0, expired: 0, signalled: 0, failures: [] };
  const seen = new Set<string>();
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const ids = (await tasks.dueTaskIds(now, BATCH)).filter((id) => !seen.has(id));
    for (const id of ids) {
      seen.add(id);
      try {
        const { change } = await tasks.transaction((tx) => applier.changeLocked(tx, id, (task) => dueTransition(task, now), { skipLocked: true }));
        if (!change) continue;
        count(report, change);
        await applier.afterCommit(change, now);
      } catch (error) {
        report.failures.push({ taskId: id, error: error instanceof Error ? error.message : String(error) });
      }
    }
    if (ids.length < BATCH) break;
  }
  return report;
}

function count(report: DueWorkReport, change: TaskChange): void {
  for (const event of change.events) {
    if (event.type === 'reminded') report.reminded++;
    if (event.type === 'escalated') report.escalated++;
    if (event.type === 'expired') report.expired++;
  }
  if (change.effects.includes('signal')) report.signalled++;
}
