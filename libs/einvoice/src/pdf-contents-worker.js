'use strict';
// Runs in a worker thread (plain CommonJS, so it works the same under Node and Jest): opens a PDF with pdf-parse
// (pdf.js) and posts back its page count, embedded files and text layer, or the error pdf.js raised.
// pdf-parse has no public attachment API; pdf.js' getAttachments() is called on the document pdf-parse loaded.
const { parentPort, workerData } = require('node:worker_threads');
const { PDFParse } = require('pdf-parse');

async function read({ bytes, withText }) {
  const parser = new PDFParse({ data: bytes, verbosity: 0 });
  try {
    const info = await parser.getInfo();
    const document = parser.doc;
    if (!document || typeof document.getAttachments !== 'function') {
      return { error: { name: 'PdfLibraryUnsupported', message: 'the installed pdf-parse no longer exposes the pdf.js document' } };
    }
    const found = (await document.getAttachments()) || {};
    const attachments = Object.values(found)
      .filter((attachment) => attachment && attachment.content)
      .map((attachment) => ({ filename: attachment.filename || attachment.rawFilename || '', content: attachment.content }));
    const pageTexts = withText ? (await parser.getText({ pageJoiner: '' })).pages.map((page) => page.text) : [];
    return { pages: info.total, attachments, pageTexts };
  } catch (error) {
    return { error: { name: (error && error.name) || 'Error', message: (error && error.message) || String(error) } };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

read(workerData).then((answer) => parentPort.postMessage(answer));
