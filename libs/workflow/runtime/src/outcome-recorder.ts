import type { Logger } from '@conveyor/observability';
import { BufferedRunTransaction, type RunStore, type RunTransaction } from '@conveyor/persistence';
import type { Dispatcher } from './dispatcher';
import { emptyAfterCommit, mergeAfterCommit, type AfterCommit } from './run-advancer';

interface Pending<Item> {
  item: Item;
  runId: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Records finished steps in batches: the outcomes that arrive while a batch is being written are written
 * together in the next one, in one transaction with set-based statements (see BufferedRunTransaction),
 * and their follow-up jobs enqueued together. Under load this turns a dozen round trips per step into a
 * dozen per batch; alone, a step is written at once. If a batch fails, its steps are written one by one,
 * so one bad outcome never holds back the others.
 */
export class OutcomeRecorder<Item> {
  private readonly pending: Pending<Item>[] = [];
  private writing = false;

  constructor(
    private readonly runs: RunStore,
    private readonly dispatcher: Dispatcher,
    private readonly logger: Logger,
    private readonly record: (tx: RunTransaction, item: Item) => Promise<AfterCommit>,
    private readonly maxBatch = 100,
  ) {}

  submit(runId: string, item: Item): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ item, runId, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.pending.length > 0) await this.writeBatch(this.pending.splice(0, this.maxBatch));
    } finally {
      this.writing = false;
    }
  }

  private async writeBatch(batch: Pending<Item>[]): Promise<void> {
    let after: AfterCommit;
    try {
      after = await this.runs.transaction(async (tx) => {
        const unit = await BufferedRunTransaction.open(tx.sql, batch.map((entry) => entry.runId), tx.changedRunIds);
        const merged = emptyAfterCommit();
        for (const entry of batch) mergeAfterCommit(merged, await this.record(unit, entry.item));
        await unit.flush();
        return merged;
      });
    } catch (error) {
      if (batch.length > 1) this.logger.warn({ err: error, size: batch.length }, 'batch of step outcomes failed; writing them one by one');
      for (const entry of batch) {
        try {
          await this.dispatcher.afterCommit(await this.runs.transaction((tx) => this.record(tx, entry.item)));
          entry.resolve();
        } catch (single) {
          entry.reject(single);
        }
      }
      return;
    }
    // The next batch's transaction need not wait for this batch's jobs to reach Redis: its steps are
    // settled only once they have (their jobs then complete), and nothing in the next batch depends on them.
    void this.dispatcher.afterCommit(after).then(
      () => batch.forEach((entry) => entry.resolve()),
      (error: unknown) => batch.forEach((entry) => entry.reject(error)),
    );
  }
}
