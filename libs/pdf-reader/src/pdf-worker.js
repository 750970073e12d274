'use strict';
// One long-lived PDF reader thread of the pool (pdf-worker-pool.ts): it loads pdf.js once, then answers task
// after task. Plain CommonJS because a worker thread does not inherit the TypeScript loader of its parent (Jest's
// or swc's), and because here Node's own loader runs, so pdf.js can import() its fake-worker code.
// pdf.js comes bundled in pdf-parse 2.4.5 (pinned): `parser.doc` (the loaded PDFDocumentProxy) and
// `globalThis.pdfjs` (the namespace PDFParse.setWorker() publishes: OPS, Util) are private API.
const { parentPort } = require('node:worker_threads');
const { getHeapStatistics } = require('node:v8');
const { PDFParse } = require('pdf-parse');

/** pdf.js' "errors only": damaged files are reported by the caller, not printed. */
const ERRORS_ONLY = 0;
PDFParse.setWorker();
const { OPS, Util, AnnotationMode } = globalThis.pdfjs;

const IMAGE_PAINTS = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintSolidColorImageMask]);
const INVISIBLE_TEXT_MODES = new Set([3, 7]);
const TEXT_SHOWS = new Set([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);

/**
 * `forRendering: false` tells pdf.js it may use font faces, which Node has not: it then skips turning every shown
 * glyph into a path (needed only to paint text on a canvas), which makes the operator list a third cheaper.
 */
async function withDocument(bytes, use, { forRendering = false } = {}) {
  const parser = new PDFParse({ data: bytes, verbosity: ERRORS_ONLY, isEvalSupported: false, disableFontFace: forRendering });
  try {
    const document = await parser.load();
    return await use(document, parser);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

function pagesToRead(document, task) {
  const first = Math.max(1, task.firstPage || 1);
  const last = Math.min(document.numPages, task.lastPage || document.numPages);
  const numbers = [];
  for (let number = first; number <= last; number += 1) numbers.push(number);
  return numbers;
}

/** Text runs with their transform already mapped into the upright page (rotation and view box applied, y down). */
async function textItems(page, viewport) {
  const content = await page.getTextContent();
  const items = [];
  for (const item of content.items) {
    if (typeof item.str !== 'string' || item.str.trim() === '') continue;
    const style = content.styles[item.fontName] || {};
    items.push({
      str: item.str,
      transform: Util.transform(viewport.transform, item.transform),
      width: item.width,
      height: item.height,
      ascent: typeof style.ascent === 'number' ? style.ascent : 0.8,
      descent: typeof style.descent === 'number' ? style.descent : -0.2,
      vertical: Boolean(style.vertical),
    });
  }
  return items;
}

/**
 * Images painted on the page (each on the unit square of the current transformation matrix), as boxes in page
 * fractions, and how many text-showing operations were invisible (render mode 3: OCR layers of scans).
 */
async function paintedImages(page, viewport) {
  const list = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
  const stack = [];
  let matrix = [1, 0, 0, 1, 0, 0];
  let renderMode = 0;
  const modeStack = [];
  let shown = 0;
  let invisible = 0;
  const images = [];
  for (let index = 0; index < list.fnArray.length; index += 1) {
    const op = list.fnArray[index];
    const args = list.argsArray[index];
    if (op === OPS.save) {
      stack.push(matrix);
      modeStack.push(renderMode);
    } else if (op === OPS.restore) {
      matrix = stack.pop() || matrix;
      renderMode = modeStack.length ? modeStack.pop() : renderMode;
    } else if (op === OPS.transform) {
      matrix = Util.transform(matrix, args);
    } else if (op === OPS.paintFormXObjectBegin) {
      stack.push(matrix);
      modeStack.push(renderMode);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) matrix = Util.transform(matrix, Array.from(args[0]));
    } else if (op === OPS.paintFormXObjectEnd) {
      matrix = stack.pop() || matrix;
      renderMode = modeStack.length ? modeStack.pop() : renderMode;
    } else if (op === OPS.setTextRenderingMode) {
      renderMode = args[0];
    } else if (TEXT_SHOWS.has(op)) {
      shown += 1;
      if (INVISIBLE_TEXT_MODES.has(renderMode)) invisible += 1;
    } else if (IMAGE_PAINTS.has(op)) {
      const box = unitSquareOnPage(Util.transform(viewport.transform, matrix), viewport);
      if (box) images.push(box);
    }
  }
  return { images, invisibleTextShare: shown === 0 ? 0 : invisible / shown };
}

function unitSquareOnPage(m, viewport) {
  const xs = [m[4], m[0] + m[4], m[2] + m[4], m[0] + m[2] + m[4]];
  const ys = [m[5], m[1] + m[5], m[3] + m[5], m[1] + m[3] + m[5]];
  const x0 = Math.max(0, Math.min(...xs) / viewport.width);
  const y0 = Math.max(0, Math.min(...ys) / viewport.height);
  const x1 = Math.min(1, Math.max(...xs) / viewport.width);
  const y1 = Math.min(1, Math.max(...ys) / viewport.height);
  if (x1 <= x0 || y1 <= y0) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

function pageFacts(page, viewport) {
  return { number: page.pageNumber, width: viewport.width, height: viewport.height, rotation: viewport.rotation };
}

const handlers = {
  /** This thread's own heap (V8 isolate) and the process' resident set (shared by every thread). */
  async memoryUsage() {
    const heap = getHeapStatistics();
    const usage = process.memoryUsage();
    return { heapUsedBytes: heap.used_heap_size, heapTotalBytes: heap.total_heap_size, externalBytes: usage.external, processRssBytes: usage.rss };
  },

  async pageCount(bytes) {
    return withDocument(bytes, async (document) => ({ pages: document.numPages }));
  },

  async textLayout(bytes, task) {
    return withDocument(bytes, async (document) => {
      if (task.maxPages && document.numPages > task.maxPages) {
        throw Object.assign(new Error(`The PDF has ${document.numPages} pages; at most ${task.maxPages} are read`), { name: 'TooManyPages' });
      }
      const pages = [];
      for (const number of pagesToRead(document, task)) {
        const page = await document.getPage(number);
        const viewport = page.getViewport({ scale: 1 });
        const items = await textItems(page, viewport);
        const painted = task.withImages === false ? { images: [], invisibleTextShare: 0 } : await paintedImages(page, viewport);
        pages.push({ ...pageFacts(page, viewport), items, ...painted });
        page.cleanup();
      }
      return { pageCount: document.numPages, pages };
    });
  },

  async imageAreas(bytes, task) {
    return withDocument(bytes, async (document) => {
      const pages = [];
      for (const number of pagesToRead(document, task)) {
        const page = await document.getPage(number);
        const viewport = page.getViewport({ scale: 1 });
        pages.push({ ...pageFacts(page, viewport), ...(await paintedImages(page, viewport)) });
        page.cleanup();
      }
      return { pageCount: document.numPages, pages };
    });
  },

  async attachments(bytes, task) {
    return withDocument(bytes, async (document, parser) => {
      if (typeof document.getAttachments !== 'function') {
        throw Object.assign(new Error('the installed pdf-parse no longer exposes the pdf.js document'), { name: 'PdfLibraryUnsupported' });
      }
      const found = (await document.getAttachments()) || {};
      const attachments = Object.values(found)
        .filter((attachment) => attachment && attachment.content)
        .map((attachment) => ({ filename: attachment.filename || attachment.rawFilename || '', content: attachment.content }));
      const pageTexts = task.withText ? (await parser.getText({ pageJoiner: '' })).pages.map((page) => page.text) : [];
      return { pages: document.numPages, attachments, pageTexts };
    });
  },

  async renderPage(bytes, task) {
    return withDocument(bytes, async (document) => {
      if (!Number.isInteger(task.page) || task.page < 1 || task.page > document.numPages) {
        throw Object.assign(new Error(`page ${task.page} does not exist (the PDF has ${document.numPages})`), { name: 'PageOutOfRange' });
      }
      const page = await document.getPage(task.page);
      const natural = page.getViewport({ scale: 1 });
      const wanted = task.dpi / 72;
      const capped = Math.sqrt(task.maxPixels / (natural.width * natural.height));
      const scale = Math.min(wanted, capped);
      const viewport = page.getViewport({ scale });
      const surface = document.canvasFactory.create(Math.max(1, Math.floor(viewport.width)), Math.max(1, Math.floor(viewport.height)));
      try {
        await page.render({ canvasContext: surface.context, canvas: surface.canvas, viewport, annotationMode: AnnotationMode.ENABLE }).promise;
        const png = new Uint8Array(surface.canvas.toBuffer('image/png'));
        return { png, width: surface.canvas.width, height: surface.canvas.height, dpi: scale * 72, pageWidth: natural.width, pageHeight: natural.height, rotation: natural.rotation };
      } finally {
        document.canvasFactory.destroy(surface);
        page.cleanup();
      }
    }, { forRendering: true });
  },
};

/** Large byte arrays go back by transfer, not copy. */
function transferables(result) {
  const buffers = [];
  if (result && result.png) buffers.push(result.png.buffer);
  if (result && Array.isArray(result.attachments)) for (const attachment of result.attachments) buffers.push(attachment.content.buffer);
  return [...new Set(buffers)].filter((buffer) => buffer instanceof ArrayBuffer);
}

parentPort.on('message', async ({ id, task, bytes }) => {
  const handler = Object.prototype.hasOwnProperty.call(handlers, task.kind) ? handlers[task.kind] : undefined;
  try {
    if (!handler) throw Object.assign(new Error(`unknown task kind ${task.kind}`), { name: 'UnknownTask' });
    const result = await handler(new Uint8Array(bytes), task);
    parentPort.postMessage({ id, ok: true, result }, transferables(result));
  } catch (error) {
    const name = error && typeof error.name === 'string' ? error.name : 'Error';
    parentPort.postMessage({ id, ok: false, error: { name, message: error instanceof Error ? error.message : String(error) } });
  }
});
/** The smallest valid PDF: opening it makes pdf.js load its (fake) worker code now, not on the first real document. */
function minimalPdf() {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>'];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = body.length;
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 4\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

withDocument(minimalPdf(), async (document) => document.numPages)
  .catch(() => undefined)
  .then(() => parentPort.postMessage({ ready: true }));
