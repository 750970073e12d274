import { useEffect, useRef, useState } from 'react';

export type StreamState = 'connecting' | 'open' | 'closed';

/**
 * Listens to a server-sent-events URL while the component lives (null: not yet). The browser reconnects by
 * itself after a network break; the handler always sees the latest render's closure.
 */
export function useEventStream(url: string | null, eventName: string, onMessage: (data: unknown) => void): StreamState {
  const handler = useRef(onMessage);
  handler.current = onMessage;
  const [state, setState] = useState<StreamState>('connecting');
  useEffect(() => {
    if (!url) return;
    const source = new EventSource(url, { withCredentials: true });
    setState('connecting');
    source.onopen = () => setState('open');
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting');
    const listener = (event: MessageEvent<string>) => handler.current(JSON.parse(event.data));
    source.addEventListener(eventName, listener);
    return () => {
      source.removeEventListener(eventName, listener);
      source.close();
    };
  }, [url, eventName]);
  return state;
}
