import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import type { ExtractedField } from '../api/types';
import { ErrorNotice } from '../common/ErrorNotice';

export interface Highlight {
  name: string;
  field: ExtractedField;
}

interface Loaded {
  kind: 'pdf' | 'image' | 'other';
  bytes?: ArrayBuffer;
  objectUrl?: string;
  mediaType: string;
}

/** The stored document (PDF page on a canvas, or the image) with the hovered field's box drawn over it. */
export function DocumentViewer({ documentId, highlight, page, onPageCount }: { documentId: string; highlight?: Highlight; page: number; onPageCount?: (pages: number) => void }) {
  const [loaded, setLoaded] = useState<Loaded>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    let objectUrl: string | undefined;
    const controller = new AbortController();
    fetch(`/api/documents/${documentId}/content`, { credentials: 'same-origin', signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new ApiError(response.status, `HTTP_${response.status}`, `The document could not be loaded (${response.status})`);
        const mediaType = response.headers.get('Content-Type') ?? '';
        const bytes = await response.arrayBuffer();
        if (mediaType.startsWith('application/pdf')) setLoaded({ kind: 'pdf', bytes, mediaType });
        else if (mediaType.startsWith('image/') && !mediaType.startsWith('image/tiff')) {
          objectUrl = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
          setLoaded({ kind: 'image', objectUrl, mediaType });
        } else setLoaded({ kind: 'other', mediaType });
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(caught);
      });
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [documentId]);

  const box = highlight?.field.bbox && (highlight.field.page ?? 1) === page ? highlight.field.bbox : undefined;
  return (
    <figure className="document-viewer" aria-label="Document">
      <ErrorNotice error={error} />
      {!loaded && !error && <p aria-busy="true">Loading the document…</p>}
      <div className="page-frame">
        {loaded?.kind === 'pdf' && loaded.bytes && <PdfPage bytes={loaded.bytes} page={page} onPageCount={onPageCount} />}
        {loaded?.kind === 'image' && <img src={loaded.objectUrl} alt="The uploaded document" />}
        {loaded?.kind === 'other' && <p>No preview for {loaded.mediaType}; the fields come from its structured data.</p>}
        {box && (
          <div
            className="field-box"
            data-testid="field-box"
            aria-hidden="true"
            style={{ left: `${box.x * 100}%`, top: `${box.y * 100}%`, width: `${box.width * 100}%`, height: `${box.height * 100}%` }}
          />
        )}
      </div>
      {highlight && !box && <figcaption className="muted">{highlight.field.source === 'xml' ? `${highlight.name} comes from the embedded XML: no place on the page` : `${highlight.name}: no box recorded`}</figcaption>}
    </figure>
  );
}

function PdfPage({ bytes, page, onPageCount }: { bytes: ArrayBuffer; page: number; onPageCount?: (pages: number) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let cancelled = false;
    let cleanup: (() => void) | undefined;
    void (async () => {
      try {
        const { openPdf } = await import('./pdf-renderer');
        const document = await openPdf(bytes);
        cleanup = () => void document.destroy();
        if (cancelled) return cleanup();
        onPageCount?.(document.numPages);
        if (canvas.current) await document.render(Math.min(page, document.numPages), canvas.current);
      } catch (caught) {
        if (!cancelled) setError(caught);
      }
    })();
    return () => {
      cancelled = true;
      cleanup?.();
    };
  }, [bytes, page, onPageCount]);
  return (
    <>
      <ErrorNotice error={error} />
      <canvas ref={canvas} data-testid="pdf-canvas" aria-label={`Page ${page}`} role="img" />
    </>
  );
}
