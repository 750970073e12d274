import type { Logger } from '@conveyor/observability';
import type { Platform } from '@conveyor/platform';
import type { ChangeNotice } from '@conveyor/queue-contracts';
import type { RunService } from '@conveyor/workflow-runtime';
import { runFingerprint, toRunChange, type RunChange } from './run-change';

/** One live stream, as the feed sees it. */
export interface LiveListener {
  /** Whether the stream shows this run: the feed reads a changed run only when some stream does. */
  wantsRun(runId: string): boolean;
  onRun(change: RunChange): void;
  onDocuments(documentIds: string[]): void;
  /** Notices may have been lost: show the current state again. */
  onGap(): void;
}

/** Runs read together in one go (two statements) when many changed at once. */
const READ_BATCH = 200;
/** Runs whose last state is remembered (to answer snapshots and skip changes nobody can see). */
const REMEMBERED_RUNS = 2000;

/**
 * The live streams of one API process, fed by change notices: whichever process changes a run or a document
 * (worker, scheduler, API) publishes its id on Redis after the commit; the feed then reads each noticed run
 * once from the database, for all the streams that show it, and hands them its state. Nothing is read while
 * nothing changes, and nothing at all while no stream is open (the Redis subscription closes with the last one).
 *
 * Runs are read one batch at a time, so a run's later state is never overtaken by an earlier read of it.
 */
export class LiveChangeFeed {
  private readonly listeners = new Set<LiveListener>();
  /** Each run's state as last read after a notice; trusted only while subscribed without a gap. */
  private readonly latest = new Map<string, { change: RunChange; fingerprint: string }>();
  private readonly pending = new Set<string>();
  private readonly reading = new Set<string>();
  private subscription?: Promise<() => void>;
  private draining = false;
  /** Moves on when notices may have been missed (a gap, a stop): reads from before may not be remembered. */
  private generation = 0;

  constructor(
    private readonly runs: RunService,
    private readonly changes: Platform['changes'],
    private readonly logger: Logger,
  ) {}

  /** Resolves once notices flow: a state read after that cannot miss a later change. Returns how to stop. */
  async subscribe(listener: LiveListener): Promise<() => void> {
    this.listeners.add(listener);
    try {
      await (this.subscription ??= this.changes.subscribe({ onNotice: (notice) => this.onNotice(notice), onGap: () => this.onGap() }));
    } catch (error) {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
      throw error;
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** The current state of these runs (missing ones left out): remembered when nothing about them is pending, else read now. */
  async current(runIds: string[]): Promise<RunChange[]> {
    const trusted = (runId: string) => this.latest.has(runId) && !this.pending.has(runId) && !this.reading.has(runId);
    const read = new Map((await this.read(runIds.filter((runId) => !trusted(runId)))).map((change) => [change.runId, change]));
    return runIds.map((runId) => read.get(runId) ?? this.latest.get(runId)?.change).filter((change): change is RunChange => change !== undefined);
  }

  stop(): void {
    const subscription = this.subscription;
    this.subscription = undefined;
    this.generation++;
    this.latest.clear();
    this.pending.clear();
    void subscription?.then((unsubscribe) => unsubscribe()).catch(() => undefined);
  }

  private onNotice(notice: ChangeNotice): void {
    const listeners = [...this.listeners];
    for (const runId of notice.runs) {
      if (listeners.some((listener) => listener.wantsRun(runId))) this.pending.add(runId);
      // Not read now, so what is remembered of it is stale.
      else this.latest.delete(runId);
    }
    if (notice.documents.length > 0) for (const listener of listeners) listener.onDocuments(notice.documents);
    void this.drain();
  }

  private onGap(): void {
    this.generation++;
    this.latest.clear();
    for (const listener of [...this.listeners]) listener.onGap();
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      // Notices arriving while a batch is read wait for the next one: under load, many changes of a run
      // collapse into one read.
      while (this.pending.size > 0) {
        const batch = [...this.pending].slice(0, READ_BATCH);
        for (const runId of batch) {
          this.pending.delete(runId);
          this.reading.add(runId);
        }
        const generation = this.generation;
        const changes = await this.read(batch);
        this.reading.clear();
        for (const change of changes) this.deliver(change, generation === this.generation);
      }
    } finally {
      this.reading.clear();
      this.draining = false;
    }
  }

  private deliver(change: RunChange, remember: boolean): void {
    const fingerprint = runFingerprint(change);
    const known = this.latest.get(change.runId);
    this.latest.delete(change.runId);
    if (remember) this.latest.set(change.runId, { change, fingerprint });
    if (this.latest.size > REMEMBERED_RUNS) this.latest.delete(this.latest.keys().next().value as string);
    // The same picture again (outputs written, an event logged) is not news for anyone watching.
    if (known?.fingerprint === fingerprint) return;
    for (const listener of [...this.listeners]) if (listener.wantsRun(change.runId)) listener.onRun(change);
  }

  /** The runs' current state; a failed read is logged and shows up with the run's next change. */
  private async read(runIds: string[]): Promise<RunChange[]> {
    if (runIds.length === 0) return [];
    try {
      return (await this.runs.getStates(runIds)).map(toRunChange);
    } catch (error) {
      this.logger.warn({ err: error, runs: runIds.length }, 'live feed: could not read runs');
      return [];
    }
  }
}
