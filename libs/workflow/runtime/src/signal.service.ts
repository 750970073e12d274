import { DomainError, type Clock } from '@conveyor/kernel';
import type { RunStore } from '@conveyor/persistence';
import type { Dispatcher } from './dispatcher';
import { emptyAfterCommit, resumeWaitingStep } from './run-advancer';
import type { Actor } from './runtime-ports';


/**
 * Wakes a step that waits for a signal (a person's decision, an outside system's callback): the step is
 * queued again and runs with `resumePayload`. Idempotent: a signal for a step that no longer waits does
 * nothing and says so.
 */
export class SignalService {
  constructor(private readonly runs: RunStore, private readonly dispatcher: Dispatcher, private readonly clock: Clock) {}

  async signal(runId: string, signal: string, payload: unknown, actor: Actor): Promise<{ resumed: boolean }> {
    let resumed = false;
    const after = await this.runs.transaction(async (tx) => {
      const run = await tx.lockRun(runId);
      if (!run) throw new DomainError('RUN_NOT_FOUND', `There is no run "${runId}"`);
      if (['succeeded', 'failed', 'cancelled'].includes(run.status)) return emptyAfterCommit();
      const step = await tx.findWaitingStep(run.id, signal);
      if (!step) return emptyAfterCommit();
      resumed = true;
      return resumeWaitingStep(tx, run, step, payload, this.clock.now(), actor.id);
    });
    await this.dispatcher.afterCommit(after);
    return { resumed };
  }
}
