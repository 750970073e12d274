import { detectContent } from './content-detection';
import type { DocumentMediaType, DocumentRejection } from './document.model';
import { describeBytes, type DocumentLimits } from './document-limits';
import { inspectJpeg, inspectPng, inspectTiff, type ImageFacts } from './image-inspection';
import { inspectPdf } from './pdf-inspection';
import { inspectXml } from './xml-inspection';

/** Everything intake learns from the bytes alone; `rejection` set means the document is kept but refused. */
export interface InspectionResult {
  mediaType: DocumentMediaType | null;
  pages: number | null;
  widthPx: number | null;
  heightPx: number | null;
  rejection?: DocumentRejection;
}

const ACCEPTED = 'PDF, PNG, JPEG, TIFF or XML';
const IMAGE_INSPECTORS: Record<string, (bytes: Buffer) => ImageFacts> = {
  'image/png': inspectPng,
  'image/jpeg': inspectJpeg,
  'image/tiff': inspectTiff,
};

/**
 * Detects the type from the content and checks the file against the limits and its own structure:
 * empty, too large, of another type, cut short, damaged, encrypted, too many pages or pixels.
 * Never throws for bad input: every problem becomes a rejection with a code and a message.
 */
export async function inspectDocument(bytes: Buffer, limits: DocumentLimits): Promise<InspectionResult> {
  const result: InspectionResult = { mediaType: null, pages: null, widthPx: null, heightPx: null };
  const reject = (rejection: DocumentRejection): InspectionResult => ({ ...result, rejection });
  if (bytes.length === 0) return reject({ code: 'DOCUMENT_EMPTY', message: 'The file is empty (0 bytes)' });

  const content = await detectContent(bytes);
  if (content.mediaType === null) {
    const seen = content.detected ? `its content is ${content.detected}` : 'its content is of no known type';
    return reject({ code: 'DOCUMENT_TYPE_UNSUPPORTED', message: `The file is not a ${ACCEPTED} document: ${seen}` });
  }
  result.mediaType = content.mediaType;
  if (bytes.length > limits.maxBytes) {
    return reject({ code: 'DOCUMENT_TOO_LARGE', message: `The file has ${describeBytes(bytes.length)}; at most ${describeBytes(limits.maxBytes)} are accepted` });
  }

  if (content.mediaType === 'application/pdf') {
    const pdf = await inspectPdf(bytes);
    if ('rejection' in pdf) return reject(pdf.rejection);
    result.pages = pdf.pages;
    if (pdf.pages > limits.maxPages) {
      return reject({ code: 'DOCUMENT_TOO_MANY_PAGES', message: `The PDF has ${pdf.pages} pages; at most ${limits.maxPages} are accepted` });
    }
    return result;
  }
  if (content.mediaType === 'application/xml') {
    const problem = inspectXml(content.text);
    if (problem) return reject(problem);
    return { ...result, pages: 1 };
  }
  // Bank statement text (MT940, OFX 1.x): one "page"; its content is checked by the statement importer.
  if (content.mediaType === 'text/plain') return { ...result, pages: 1 };
  const image = IMAGE_INSPECTORS[content.mediaType](bytes);
  if ('rejection' in image) return reject(image.rejection);
  Object.assign(result, image, { pages: 1 });
  const pixels = image.widthPx * image.heightPx;
  if (image.widthPx === 0 || image.heightPx === 0) {
    return reject({ code: 'DOCUMENT_CORRUPT', message: `The image is ${image.widthPx} x ${image.heightPx} pixels: it has no pixels` });
  }
  if (pixels > limits.maxImagePixels) {
    return reject({
      code: 'DOCUMENT_TOO_MANY_PIXELS',
      message: `The image is ${image.widthPx} x ${image.heightPx} pixels (${pixels}); at most ${limits.maxImagePixels} pixels are accepted`,
    });
  }
  return result;
}
