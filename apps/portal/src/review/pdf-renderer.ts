import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// The worker is bundled by Vite and served from our own origin: nothing is fetched from elsewhere.
GlobalWorkerOptions.workerSrc = workerUrl;

export interface OpenPdf {
  numPages: number;
  render(pageNumber: number, canvas: HTMLCanvasElement): Promise<void>;
  destroy(): Promise<void>;
}

/** pdf.js 5.4 over the bytes (a copy: pdf.js transfers the buffer it is given to its worker). */
export async function openPdf(bytes: ArrayBuffer): Promise<OpenPdf> {
  const loading = getDocument({ data: new Uint8Array(bytes.slice(0)), isEvalSupported: false, disableFontFace: false });
  const document = await loading.promise;
  return {
    numPages: document.numPages,
    async render(pageNumber, canvas) {
      const page = await document.getPage(pageNumber);
      const scale = Math.min(2, (window.devicePixelRatio || 1) * 1.5);
      const viewport = page.getViewport({ scale });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      await page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport }).promise;
    },
    destroy: () => loading.destroy(),
  };
}
