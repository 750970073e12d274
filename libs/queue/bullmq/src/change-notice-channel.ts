import type { Redis } from 'ioredis';
import { CHANGE_NOTICE_CHANNEL, changeNoticeSchema, type ChangeNotice } from '@conveyor/queue-contracts';

export interface ChangeNoticeListener {
  onNotice(notice: ChangeNotice): void;
  /**
   * The subscription was down for a while (Redis restarted, the connection broke) and is back: notices
   * published meanwhile are lost, so whatever the listener shows must be read again.
   */
  onGap(): void;
}

export interface ChangeNoticeChannelOptions {
  /** Notices raised within this window go out as one message (many steps finishing at once: one publish). */
  batchMs: number;
  onError(error: unknown, context: string): void;
}

/**
 * Which runs and documents changed, told to every process over Redis pub/sub. Publishing is fire and forget
 * and batched; the database stays the truth, so a lost notice only delays what a screen shows until the
 * next change or reconnect (see onGap). One subscriber connection per process serves all its listeners,
 * and only while it has any.
 */
export class ChangeNoticeChannel {
  private readonly channel: string;
  private readonly pendingRuns = new Set<string>();
  private readonly pendingDocuments = new Set<string>();
  private timer?: NodeJS.Timeout;
  private readonly listeners = new Set<ChangeNoticeListener>();
  private subscriber?: Redis;
  private subscribed?: Promise<void>;

  constructor(
    private readonly publisher: Redis,
    prefix: string,
    private readonly options: ChangeNoticeChannelOptions,
  ) {
    this.channel = `${prefix}:${CHANGE_NOTICE_CHANNEL}`;
  }

  publish(change: { runs?: Iterable<string>; documents?: Iterable<string> }): void {
    for (const id of change.runs ?? []) this.pendingRuns.add(id);
    for (const id of change.documents ?? []) this.pendingDocuments.add(id);
    if (this.pendingRuns.size + this.pendingDocuments.size > 0) this.timer ??= setTimeout(() => void this.flush(), this.options.batchMs);
  }

  /** Sends what is pending now. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pendingRuns.size + this.pendingDocuments.size === 0) return;
    const notice: ChangeNotice = { runs: [...this.pendingRuns], documents: [...this.pendingDocuments] };
    this.pendingRuns.clear();
    this.pendingDocuments.clear();
    await this.publisher.publish(this.channel, JSON.stringify(notice)).catch((error: unknown) => this.options.onError(error, 'publishing a change notice'));
  }

  /** Resolves once Redis confirmed the subscription: from then on no notice is missed (short of a gap). Returns how to stop. */
  async subscribe(listener: ChangeNoticeListener): Promise<() => void> {
    this.listeners.add(listener);
    try {
      await (this.subscribed ??= this.openSubscriber());
    } catch (error) {
      this.listeners.delete(listener);
      throw error;
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.closeSubscriber();
    };
  }

  async close(): Promise<void> {
    await this.flush();
    this.listeners.clear();
    this.closeSubscriber();
  }

  private async openSubscriber(): Promise<void> {
    // Named, so CLIENT LIST shows what the connection is for.
    const subscriber = this.publisher.duplicate({ connectionName: this.channel.replace(/[^\w:.-]/g, '_') });
    this.subscriber = subscriber;
    let readyBefore = false;
    subscriber.on('error', (error: unknown) => this.options.onError(error, 'change notice subscription'));
    // ioredis subscribes again by itself after a reconnect; whatever was published in between is gone.
    subscriber.on('ready', () => {
      if (readyBefore) for (const listener of [...this.listeners]) listener.onGap();
      readyBefore = true;
    });
    subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const parsed = parseNotice(message);
      if (!parsed) {
        this.options.onError(new Error('malformed change notice'), 'change notice subscription');
        return;
      }
      for (const listener of [...this.listeners]) listener.onNotice(parsed);
    });
    try {
      await subscriber.subscribe(this.channel);
    } catch (error) {
      this.closeSubscriber();
      throw error;
    }
  }

  private closeSubscriber(): void {
    this.subscriber?.disconnect();
    this.subscriber = undefined;
    this.subscribed = undefined;
  }
}

function parseNotice(message: string): ChangeNotice | undefined {
  try {
    const parsed = changeNoticeSchema.safeParse(JSON.parse(message));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
