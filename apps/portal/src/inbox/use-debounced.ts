import { useEffect, useRef } from 'react';

/** A callback that runs once, `waitMs` after the last of a burst of calls (a stream's first snapshot is a burst). */
export function useDebounced(callback: () => void, waitMs: number): () => void {
  const latest = useRef(callback);
  latest.current = callback;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const debounced = useRef(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), waitMs);
  });
  return debounced.current;
}
