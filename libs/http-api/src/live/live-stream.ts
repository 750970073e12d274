import type { Logger } from '@conveyor/observability';
import type { ApiRequest, ApiResponse } from '../http-types';
import { openEventStream, type EventStream } from './event-stream';
import type { LiveChangeFeed } from './live-change-feed';
import type { RunChange } from './run-change';

/** What one stream shows, and how it answers each kind of news by writing events. */
export interface LiveWatch {
  wantsRun(runId: string): boolean;
  /** The current state of everything watched (on connect, and again after a gap in the notices). */
  snapshot(stream: EventStream): Promise<void>;
  onRun(change: RunChange, stream: EventStream): Promise<void> | void;
  onDocuments(documentIds: string[], stream: EventStream): Promise<void> | void;
}

/**
 * Opens a server-sent-events stream for `watch`: first it subscribes to the feed, then it sends the current
 * state, then every change. Subscribing first means a change committed while the state is being read is not
 * lost; and since every write of the stream runs in order, one at a time, reading its state when it runs, a
 * change that arrives before the snapshot is only ever followed by a state at least as new.
 *
 * A browser that loses the connection reconnects by itself (EventSource, `retry: 3000`) and gets the current
 * state first again, so whatever changed meanwhile is shown; no event ids or replay are needed.
 */
export async function openLiveStream(request: ApiRequest, response: ApiResponse, feed: LiveChangeFeed, logger: Logger, watch: LiveWatch): Promise<void> {
  // Opened only once the subscription stands, so a failure to subscribe is still an error answer, not a dead stream.
  const target: { stream?: EventStream } = {};
  let opened!: () => void;
  let chain = new Promise<void>((resolve) => (opened = resolve));
  const enqueue = (write: (stream: EventStream) => Promise<void> | void) => {
    chain = chain
      .then(() => (target.stream && !target.stream.closed ? write(target.stream) : undefined))
      .catch((error: unknown) => logger.warn({ err: error }, 'live stream: could not send the current state'));
  };
  const unsubscribe = await feed.subscribe({
    wantsRun: (runId) => watch.wantsRun(runId),
    onRun: (change) => enqueue((open) => watch.onRun(change, open)),
    onDocuments: (documentIds) => enqueue((open) => watch.onDocuments(documentIds, open)),
    onGap: () => enqueue((open) => watch.snapshot(open)),
  });
  const stream = (target.stream = openEventStream(request, response));
  stream.onClose(unsubscribe);
  enqueue((open) => watch.snapshot(open));
  opened();
}
