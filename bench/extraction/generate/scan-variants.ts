import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import type { SeededRandom } from './random';

const run = promisify(execFile);

/** How a scan was made worse than the born-digital page; recorded with the ground truth. */
export interface Degradation {
  name: string;
  dpi: number;
  noise: number;
  blur: number;
  rotation: number;
  jpegQuality: number | null;
  output: 'png' | 'jpeg' | 'pdf';
}

export const DEGRADATIONS: readonly Degradation[] = [
  { name: 'noise-png-200', dpi: 200, noise: 22, blur: 0, rotation: 0, jpegQuality: null, output: 'png' },
  { name: 'blur-jpeg-150', dpi: 150, noise: 6, blur: 0.9, rotation: 0, jpegQuality: 50, output: 'jpeg' },
  { name: 'skew-png-200', dpi: 200, noise: 8, blur: 0, rotation: 1.6, jpegQuality: null, output: 'png' },
  { name: 'rot90-jpeg-200', dpi: 200, noise: 4, blur: 0, rotation: 90, jpegQuality: 70, output: 'jpeg' },
  { name: 'lowres-png-100', dpi: 100, noise: 0, blur: 0, rotation: 0, jpegQuality: null, output: 'png' },
  { name: 'scan-pdf-200', dpi: 200, noise: 14, blur: 0.5, rotation: -0.8, jpegQuality: 55, output: 'pdf' },
  { name: 'scan-pdf-150', dpi: 150, noise: 10, blur: 0.8, rotation: 0.5, jpegQuality: 40, output: 'pdf' },
];

/** Rasterises every page with poppler's pdftoppm (grey, at the given resolution). */
export async function rasterisePdf(pdf: Buffer, dpi: number, firstPageOnly: boolean): Promise<Buffer[]> {
  const folder = await mkdtemp(join(tmpdir(), 'conveyor-raster-'));
  try {
    const input = join(folder, 'in.pdf');
    await writeFile(input, pdf);
    const args = ['-r', String(dpi), '-gray', '-png', ...(firstPageOnly ? ['-f', '1', '-l', '1'] : []), input, join(folder, 'page')];
    await run('pdftoppm', args);
    const pages = (await readdir(folder)).filter((name) => name.startsWith('page') && name.endsWith('.png')).sort();
    return Promise.all(pages.map((name) => readFile(join(folder, name))));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Adds seeded sensor noise and dust specks to a grey page, then blur, rotation and compression. */
export async function degradePage(png: Buffer, degradation: Degradation, random: SeededRandom): Promise<{ bytes: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  if (degradation.noise > 0) {
    let state = random.int(1, 2 ** 31 - 1);
    const next = (): number => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 4294967296;
    };
    for (let index = 0; index < data.length; index += 1) {
      const gaussian = (next() + next() + next() - 1.5) * 2;
      let value = data[index] + gaussian * degradation.noise;
      if (next() < 0.0008) value = 40;
      data[index] = Math.max(0, Math.min(255, Math.round(value)));
    }
  }
  let image = sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } });
  if (degradation.blur > 0) image = image.blur(Math.max(0.3, degradation.blur));
  if (degradation.rotation !== 0) image = image.rotate(degradation.rotation, { background: '#ffffff' });
  const quality = degradation.jpegQuality;
  const bytes = degradation.output === 'png' ? await image.png().toBuffer() : await image.jpeg({ quality: quality ?? 75 }).toBuffer();
  const meta = await sharp(bytes).metadata();
  return { bytes, width: meta.width ?? info.width, height: meta.height ?? info.height };
}

/** A scanned-only PDF: each page one image at its scan resolution, no text layer. */
export async function imagesToPdf(pages: { bytes: Buffer; width: number; height: number }[], dpi: number): Promise<Buffer> {
  const pdf = new PDFDocument({ autoFirstPage: false, margin: 0, info: { Producer: 'conveyor bench scanner', CreationDate: new Date(Date.UTC(2026, 0, 1)) } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('end', () => resolve());
    pdf.on('error', reject);
  });
  for (const page of pages) {
    const width = (page.width * 72) / dpi;
    const height = (page.height * 72) / dpi;
    pdf.addPage({ size: [width, height], margin: 0 });
    pdf.image(page.bytes, 0, 0, { width, height });
  }
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}
