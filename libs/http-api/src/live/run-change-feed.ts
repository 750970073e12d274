import type { Logger } from '@conveyor/observability';
import type { RunService } from '@conveyor/workflow-runtime';
import { runFingerprint, toRunChange, type RunChange } from './run-change';

/**
 * Runs not re-read while their status stays: finished ones, and waiting ones (a decision or a timer sets a
 * waiting run running first; a branch finishing inside a run that stays waiting shows at its next status change).
 */
const SETTLED = new Set(['succeeded', 'failed', 'cancelled', 'waiting']);

export interface RunChangeFeedOptions {
  /** How often the newest runs are compared with what listeners last saw. */
  tickMs: number;
  /** How many of the newest runs are watched. */
  window: number;
}

/**
 * One shared watch over the newest runs for every live connection of this API process. Runs change in
 * whichever process executes their steps (any worker), and the database is where they all meet, so the feed
 * compares the newest runs there once per tick, only while someone listens, and pushes what changed. Browsers
 * never poll: they hold one server-sent-events connection each.
 */
export class RunChangeFeed {
  private readonly listeners = new Set<(change: RunChange) => void>();
  private readonly latest = new Map<string, { change: RunChange; fingerprint: string }>();
  private timer?: NodeJS.Timeout;
  private scanning?: Promise<void>;
  private scannedOnce = false;

  constructor(
    private readonly runs: RunService,
    private readonly logger: Logger,
    private readonly options: RunChangeFeedOptions = { tickMs: 400, window: 50 },
  ) {}

  /** Calls `listener` with every change from now on; returns how to stop. */
  subscribe(listener: (change: RunChange) => void): () => void {
    this.listeners.add(listener);
    this.timer ??= setInterval(() => void this.scan(), this.options.tickMs);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** The newest runs as last seen (scanning first when nothing was seen yet). */
  async snapshot(): Promise<RunChange[]> {
    // Without listeners nothing kept the picture current.
    if (!this.scannedOnce || !this.timer) await this.scan();
    return [...this.latest.values()].map((entry) => entry.change);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private scan(): Promise<void> {
    this.scanning ??= this.compare()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'live run feed: could not read the newest runs'))
      .finally(() => {
        this.scanning = undefined;
        this.scannedOnce = true;
      });
    return this.scanning;
  }

  private async compare(): Promise<void> {
    const page = await this.runs.list({ limit: this.options.window });
    const seen = new Set<string>();
    for (const summary of page.items) {
      seen.add(summary.id);
      const known = this.latest.get(summary.id);
      if (known && SETTLED.has(summary.status) && known.change.status === summary.status) continue;
      const change = toRunChange(await this.runs.get(summary.id));
      const fingerprint = runFingerprint(change);
      if (known?.fingerprint === fingerprint) continue;
      this.latest.set(summary.id, { change, fingerprint });
      for (const listener of this.listeners) listener(change);
    }
    for (const runId of this.latest.keys()) if (!seen.has(runId)) this.latest.delete(runId);
  }
}
