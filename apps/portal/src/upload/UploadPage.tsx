import { useCallback, useMemo, useState } from 'react';
import { ApiError } from '../api/client';
import type { LiveDocumentEvent } from '../api/types';
import { uploadFiles } from '../api/upload';
import { useEventStream } from '../api/use-event-stream';
import { formatBytes } from '../common/format';
import { StatusBadge } from '../common/StatusBadge';
import { DropZone } from './DropZone';
import { RunProgress } from './RunProgress';
import { describeOutcome, documentIdsToWatch, newUploadItems, type UploadItem } from './upload-queue';

/** Files go up one request each, so each has its own progress bar; a few at a time. */
const PARALLEL_UPLOADS = 3;

export function UploadPage() {
  const [items, setItems] = useState<UploadItem[]>([]);
  const [live, setLive] = useState<Record<string, LiveDocumentEvent>>({});

  const update = useCallback((key: string, change: Partial<UploadItem>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const addFiles = useCallback(
    (files: File[]) => {
      const added = newUploadItems(files);
      setItems((current) => [...added, ...current]);
      let next = 0;
      const worker = async () => {
        while (next < added.length) {
          const item = added[next++];
          update(item.key, { state: 'uploading' });
          try {
            const [intake] = await uploadFiles([item.file], (progress) => update(item.key, { progress })).promise;
            update(item.key, { state: 'uploaded', progress: 1, intake });
          } catch (error) {
            update(item.key, { state: 'failed', error: error instanceof ApiError ? error.message : (error as Error).message });
          }
        }
      };
      for (let index = 0; index < Math.min(PARALLEL_UPLOADS, added.length); index++) void worker();
    },
    [update],
  );

  const watched = useMemo(() => documentIdsToWatch(items), [items]);
  const streamUrl = watched.length > 0 ? `/api/live/documents?ids=${watched.join(',')}` : null;
  const streamState = useEventStream(streamUrl, 'document', (data) => {
    const event = data as LiveDocumentEvent;
    setLive((current) => {
      const known = current[event.document.id];
      // A document event without a run must not hide a run already shown.
      return { ...current, [event.document.id]: { document: event.document, run: event.run ?? known?.run } };
    });
  });

  return (
    <section aria-labelledby="upload-heading">
      <h1 id="upload-heading">Upload documents</h1>
      <DropZone onFiles={addFiles} />
      {streamUrl && (
        <p className="muted" aria-live="polite">
          Live status: {streamState === 'open' ? 'connected' : streamState}
        </p>
      )}
      <ul className="upload-list" aria-label="Uploads">
        {items.map((item) => {
          const documentId = item.intake?.id;
          const state = documentId ? live[documentId] : undefined;
          return (
            <li key={item.key} className="upload-item" data-testid="upload-item">
              <div className="upload-head">
                <span className="file-name">{item.file.name}</span>
                <span className="muted">{formatBytes(item.file.size)}</span>
                {item.intake && <StatusBadge status={item.intake.status} />}
              </div>
              <progress value={item.progress} max={1} aria-label={`Upload of ${item.file.name}`} />
              <p className={item.state === 'failed' || item.intake?.status === 'rejected' ? 'error-text' : ''}>{describeOutcome(item)}</p>
              {documentId && item.intake?.status !== 'rejected' && <RunProgress run={state?.run} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
