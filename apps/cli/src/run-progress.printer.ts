import type { RunDetailBody } from '@conveyor/api-contracts';
import { formatStepLine } from './run-view.printer';

/** Prints a line each time one of a run's step executions reaches a new status. */
export class RunProgressPrinter {
  private readonly seen = new Map<string, string>();

  constructor(private readonly write: (line: string) => void) {}

  update(run: RunDetailBody): void {
    for (const step of run.steps) {
      // queued is noise: every step passes through it
      if (step.status === 'queued') continue;
      const key = `${step.id}:${step.attempt}`;
      if (this.seen.get(key) === step.status) continue;
      this.seen.set(key, step.status);
      this.write(formatStepLine(step));
    }
  }
}
