import { createCanvas } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';

/** PDFs written by pdfkit for tests: real files with known content, built when the test runs. */

export type PageSpec =
  | { kind: 'text'; lines: string[]; logo?: boolean }
  | { kind: 'invisible-text'; lines: string[]; withScan: boolean }
  | { kind: 'scan'; footer?: string }
  | { kind: 'blank' };

const A4: [number, number] = [595.28, 841.89];

export function buildPdf(pages: PageSpec[], options: { rotate?: number; userPassword?: string } = {}): Promise<Buffer> {
  const document = new PDFDocument({ size: A4, autoFirstPage: false, ...(options.userPassword ? { userPassword: options.userPassword, pdfVersion: '1.7' } : {}) });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => document.on('end', () => resolve(Buffer.concat(chunks))));
  for (const spec of pages) {
    document.addPage({ size: A4, margin: 50 });
    if (options.rotate) (document.page.dictionary.data as Record<string, unknown>).Rotate = options.rotate;
    if (spec.kind === 'text') {
      if (spec.logo) document.image(scanLikePng(120, 60), 450, 30, { width: 100, height: 50 });
      writeLines(document, spec.lines);
    }
    if (spec.kind === 'scan') {
      document.image(scanLikePng(), 0, 0, { width: A4[0], height: A4[1] });
      if (spec.footer) document.fontSize(8).text(spec.footer, 50, A4[1] - 40, { lineBreak: false });
    }
    if (spec.kind === 'invisible-text') {
      if (spec.withScan) document.image(scanLikePng(), 0, 0, { width: A4[0], height: A4[1] });
      document.save();
      document.addContent('3 Tr');
      writeLines(document, spec.lines);
      document.restore();
    }
  }
  document.end();
  return done;
}

function writeLines(document: PDFKit.PDFDocument, lines: string[]): void {
  document.font('Helvetica').fontSize(11);
  lines.forEach((line, index) => document.text(line, 50, 60 + index * 16, { lineBreak: false }));
}

/** A grey page with dark specks: pixels, not text, like a scan (A4 at about 100 dpi by default). */
function scanLikePng(width = 850, height = 1202): Buffer {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#f4f4f0';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#222';
  const random = seededRandom(7);
  for (let y = 30; y + 10 < height; y += 13) {
    for (let x = 30; x < width - 30; x += 6 + Math.floor(random() * 6)) context.fillRect(x, y, 4, 7);
  }
  return canvas.toBuffer('image/png');
}

/** Letters, digits and symbols in random order: a text layer no language has. */
export function nonsenseLines(count: number, seed = 42): string[] {
  const alphabet = 'bcdfghjklmnpqrstvwxzBCDFGHJKLMNPQRSTVWXZ~^|#%&*+=<>{}[]/\\;:@0123456789';
  const random = seededRandom(seed);
  return Array.from({ length: count }, () =>
    Array.from({ length: 8 }, () => Array.from({ length: 3 + Math.floor(random() * 7) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')).join(' '),
  );
}

export const INVOICE_LINES = [
  'ACME Office Supplies GmbH, Hauptstrasse 12, 10115 Berlin',
  'Invoice number: INV-2024-0042',
  'Invoice date: 14 March 2024',
  'Bill to: Northwind Traders Ltd, 4 Harbour Road, Dublin',
  'Description Quantity Unit price Amount',
  'Printer paper, white, 500 sheets 10 4.50 45.00',
  'Ballpoint pens, blue, box of fifty 2 12.00 24.00',
  'Subtotal 69.00',
  'VAT 19% 13.11',
  'Total due EUR 82.11',
  'Payment within fourteen days to IBAN DE89 3704 0044 0532 0130 00',
];

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}
