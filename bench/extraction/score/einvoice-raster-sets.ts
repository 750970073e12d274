import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SeededRandom } from '../generate/random';
import { degradePage, imagesToPdf, rasterisePdf, type Degradation } from '../generate/scan-variants';
import { REPOSITORY_ROOT } from '../generate/generate-corpus';
import type { TruthDocument } from './truth-document';

const CLEAN_200_DPI: Degradation = { name: 'raster-200', dpi: 200, noise: 0, blur: 0, rotation: 0, jpegQuality: 85, output: 'pdf' };

/**
 * The corpus README's OCR path on exact ground truth: each e-invoice PDF rasterised at 200 dpi into an
 * image-only PDF (no text layer, no XML), scored against the same truth as what the page prints.
 */
export async function rasterisedEInvoices(documents: TruthDocument[]): Promise<TruthDocument[]> {
  const folder = join(REPOSITORY_ROOT, 'tmp', 'extraction-corpus', 'einvoice-raster-200');
  const rasterised: TruthDocument[] = [];
  for (const document of documents) {
    const target = join(folder, document.set.replace(/\//g, '_'), `${document.id}.pdf`);
    if (!existsSync(target)) {
      mkdirSync(join(target, '..'), { recursive: true });
      const pages = await rasterisePdf(readFileSync(document.file), CLEAN_200_DPI.dpi, false);
      const random = new SeededRandom(1);
      const images = [];
      for (const page of pages) images.push(await degradePage(page, CLEAN_200_DPI, random));
      writeFileSync(target, await imagesToPdf(images, CLEAN_200_DPI.dpi));
    }
    rasterised.push({ ...document, set: `${document.set} (scan 200 dpi)`, file: target, intendedPath: 'ocr' });
  }
  return rasterised;
}
