import type { Redis } from 'ioredis';

/**
 * Tells every worker process that a run was stopped (cancelled, timed out), so steps of it running
 * anywhere are aborted now rather than when they finish. Best effort: a worker that misses the news
 * still finds the run stopped when it records the step, and discards the result.
 */
export class RunStopBroadcast {
  private readonly channel: string;
  private subscriber?: Redis;

  constructor(private readonly publisher: Redis, prefix: string) {
    this.channel = `${prefix}:runs-stopped`;
  }

  async publish(runId: string): Promise<void> {
    await this.publisher.publish(this.channel, runId);
  }

  async subscribe(onStopped: (runId: string) => void): Promise<void> {
    this.subscriber = this.publisher.duplicate();
    this.subscriber.on('message', (channel: string, runId: string) => {
      if (channel === this.channel) onStopped(runId);
    });
    this.subscriber.on('error', () => undefined);
    await this.subscriber.subscribe(this.channel);
  }

  close(): void {
    this.subscriber?.disconnect();
  }
}
