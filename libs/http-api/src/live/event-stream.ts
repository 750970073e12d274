import type { ApiRequest, ApiResponse } from '../http-types';

/** Keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

export interface EventStream {
  /** True once the browser went away (or the server closed the stream). */
  readonly closed: boolean;
  send(event: string, data: unknown): void;
  /** Called once when the browser goes away (or the server closes the stream). */
  onClose(cleanup: () => void): void;
}

/** Turns the response into a text/event-stream (server-sent events) that lives until the client leaves. */
export function openEventStream(request: ApiRequest, response: ApiResponse): EventStream {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  response.write('retry: 3000\n\n');
  const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
  const cleanups: (() => void)[] = [() => clearInterval(heartbeat)];
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    for (const cleanup of cleanups) cleanup();
  };
  request.on('close', close);
  response.on('close', close);
  // The browser may have left while the stream was being prepared.
  if (response.destroyed) close();
  return {
    get closed() {
      return closed;
    },
    send(event, data) {
      if (!closed) response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    onClose(cleanup) {
      if (closed) cleanup();
      else cleanups.push(cleanup);
    },
  };
}
