import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DomainError } from '@conveyor/kernel';
import type { LayoutPage, LayoutWord } from './document-layout';
import { readAssessedTextPages, readPdfTextLayout } from './pdf-text-layout.reader';
import { PdfWorkerPool } from '@conveyor/pdf-reader';
import { buildPdf, INVOICE_LINES, nonsenseLines } from './test-pdfs.fixture';

const CORPUS = join(__dirname, '../../../../shared/corpus/invoices');
const pool = new PdfWorkerPool({ size: 2 });
jest.setTimeout(30_000);
afterAll(() => pool.close());

function insidePage(word: LayoutWord): boolean {
  const { x, y, width, height } = word.bbox;
  return x >= 0 && y >= 0 && width > 0 && height > 0 && x + width <= 1 && y + height <= 1;
}

function wordOn(page: LayoutPage, text: string): LayoutWord {
  const found = page.words.find((word) => word.text === text);
  if (!found) throw new Error(`"${text}" is not a word of page ${page.number}: ${page.words.map((word) => word.text).join(' ')}`);
  return found;
}

async function codeOf(reading: Promise<unknown>): Promise<string> {
  return reading.then(
    () => 'no error',
    (error: DomainError) => error.code,
  );
}

describe('readPdfTextLayout on real invoices', () => {
  const cases = [
    { file: 'invoice2data/files/AmazonWebServices.pdf', truth: 'invoice2data/files/AmazonWebServices.core.json', label: 'Number:' },
    { file: 'invoice2data/files/coolblue1.pdf', truth: 'invoice2data/files/coolblue1.core.json', label: 'Factuurnummer:' },
    { file: 'einvoice/fnfe-facturx/files/Facture_F20220024-LE_FOURNISSEUR-POUR-LE_CLIENT_EN_16931.pdf', truth: 'einvoice/fnfe-facturx/files/Facture_F20220024-LE_FOURNISSEUR-POUR-LE_CLIENT_EN_16931.expected.json', label: null },
  ];

  it.each(cases)('$file: the ground-truth invoice number is a word inside the page, in its top part, after its label', async ({ file, truth, label }) => {
    const invoiceNumber: string = JSON.parse(readFileSync(join(CORPUS, truth), 'utf8')).invoice_number;
    const layout = await readPdfTextLayout(readFileSync(join(CORPUS, file)), { pool });
    expect(layout.kind).toBe('pdf-text');
    const [page] = layout.pages;
    expect(page.source).toBe('text');
    expect(page.textLayerScore).toBeGreaterThan(0.9);
    expect(page.needsOcr).toBe(false);
    const word = wordOn(page, invoiceNumber);
    expect(insidePage(word)).toBe(true);
    expect(word.bbox.y).toBeLessThan(0.3);
    if (label) {
      const before = page.words[page.words.indexOf(word) - 1];
      expect(before.text).toBe(label);
      expect(before.bbox.x + before.bbox.width).toBeLessThanOrEqual(word.bbox.x + 0.001);
    }
    expect(layout.text).toContain(invoiceNumber);
    expect(page.words.every(insidePage)).toBe(true);
  });

  it('reads every page of a multi-page invoice with its size in points', async () => {
    const layout = await readPdfTextLayout(readFileSync(join(CORPUS, 'einvoice/ferd-zugferd233/files/EXTENDED_Warenrechnung.pdf')), { pool });
    expect(layout.pages.map((page) => page.number)).toEqual([1, 2, 3, 4]);
    for (const page of layout.pages) {
      expect(page.width).toBeCloseTo(595.3, 0);
      expect(page.height).toBeCloseTo(841.9, 0);
      expect(page.words.length).toBeGreaterThan(10);
    }
    expect(layout.text.split('\f')).toHaveLength(4);
  });
});

describe('readPdfTextLayout on generated PDFs', () => {
  it('reads a pdfkit page word for word, in line order, with boxes where the lines were written', async () => {
    const layout = await readPdfTextLayout(await buildPdf([{ kind: 'text', lines: INVOICE_LINES }]), { pool });
    const [page] = layout.pages;
    expect(layout.text).toBe(INVOICE_LINES.join('\n'));
    expect(page.textLayerScore).toBe(1);
    const label = wordOn(page, 'INV-2024-0042');
    // Line 2 was written at y = 76 pt from the top of an 841.89 pt page, 50 pt from the left.
    expect(label.bbox.y).toBeGreaterThan(70 / 841.89);
    expect(label.bbox.y).toBeLessThan(90 / 841.89);
    expect(wordOn(page, 'Invoice').bbox.x).toBeCloseTo(50 / 595.28, 2);
  });

  it('turns the words of a page rotated by 90 degrees with it (the top-left text goes to the right edge)', async () => {
    const layout = await readPdfTextLayout(await buildPdf([{ kind: 'text', lines: INVOICE_LINES }], { rotate: 90 }), { pool });
    const [page] = layout.pages;
    expect(page.rotation).toBe(90);
    expect(page.width).toBeCloseTo(841.89, 1);
    expect(page.height).toBeCloseTo(595.28, 1);
    const first = wordOn(page, 'ACME');
    expect(first.bbox.x).toBeGreaterThan(0.85);
    expect(first.bbox.height).toBeGreaterThan(first.bbox.width);
  });

  it('looks for painted images only when the file stores one big enough to read, unless told to', async () => {
    const withLogo = await buildPdf([{ kind: 'text', lines: INVOICE_LINES, logo: true }]);
    const [auto] = await readAssessedTextPages(withLogo, { pool });
    expect(auto.assessment).toMatchObject({ imagesAnalysed: false, imageShare: 0, needsOcr: false });
    const [forced] = await readAssessedTextPages(withLogo, { pool, imageAnalysis: true });
    expect(forced.assessment.imagesAnalysed).toBe(true);
    expect(forced.images).toHaveLength(1);
    expect(forced.images[0].x).toBeCloseTo(450 / 595.28, 2);
    expect(forced.images[0].y).toBeCloseTo(30 / 841.89, 2);
    expect(forced.assessment.imageShare).toBeGreaterThan(0.005);
  });

  it('scores a text layer of nonsense low and says the page needs OCR', async () => {
    const pages = await readAssessedTextPages(await buildPdf([{ kind: 'text', lines: nonsenseLines(30) }, { kind: 'text', lines: INVOICE_LINES }]), { pool });
    expect(pages[0].assessment.score).toBeLessThan(0.5);
    expect(pages[0].assessment.needsOcr).toBe(true);
    expect(pages[0].assessment.reasons).toContain('text layer unusable');
    expect(pages[1].assessment.needsOcr).toBe(false);
  });

  it('scores (cid:NN) glyph references as unusable', async () => {
    const cids = Array.from({ length: 20 }, (_, line) => Array.from({ length: 12 }, (__, index) => `(cid:${line * 12 + index + 3})`).join(''));
    const [page] = await readAssessedTextPages(await buildPdf([{ kind: 'text', lines: cids }]), { pool });
    expect(page.assessment.score).toBeLessThan(0.1);
    expect(page.assessment.reasons).toContain('unusable glyphs');
  });

  it('finds an image-only page and a scan whose only text is a footer; keeps a scan with a real OCR layer', async () => {
    const pdf = await buildPdf([
      { kind: 'scan' },
      { kind: 'scan', footer: 'Scanned by the mail room on 2024-03-15, page 1 of 1, operator ACME' },
      { kind: 'invisible-text', lines: INVOICE_LINES.concat(INVOICE_LINES, INVOICE_LINES, INVOICE_LINES), withScan: true },
      { kind: 'invisible-text', lines: nonsenseLines(44, 7), withScan: true },
    ]);
    const [imageOnly, footerOnly, goodLayer, nonsenseLayer] = await readAssessedTextPages(pdf, { pool });
    expect(imageOnly.assessment).toMatchObject({ score: 0, needsOcr: true });
    expect(imageOnly.assessment.imageShare).toBeGreaterThan(0.95);
    expect(footerOnly.assessment.score).toBeGreaterThan(0.5);
    expect(footerOnly.assessment.needsOcr).toBe(true);
    expect(footerOnly.assessment.reasons).toContain('large image without text');
    expect(goodLayer.assessment.needsOcr).toBe(false);
    expect(nonsenseLayer.assessment.needsOcr).toBe(true);
    expect(nonsenseLayer.assessment.reasons).toContain('invisible text layer');
  });
});

describe('readPdfTextLayout on bad input', () => {
  it('refuses empty, foreign, truncated, damaged and password-protected files with intake codes', async () => {
    const good = await buildPdf([{ kind: 'text', lines: INVOICE_LINES }]);
    const damaged = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 'x'), Buffer.from('\n%%EOF\n')]);
    expect(await codeOf(readPdfTextLayout(new Uint8Array(0), { pool }))).toBe('DOCUMENT_EMPTY');
    expect(await codeOf(readPdfTextLayout(Buffer.from('<html>not a pdf</html>'), { pool }))).toBe('DOCUMENT_CORRUPT');
    expect(await codeOf(readPdfTextLayout(good.subarray(0, Math.floor(good.length / 2)), { pool }))).toBe('DOCUMENT_TRUNCATED');
    expect(await codeOf(readPdfTextLayout(damaged, { pool }))).toBe('DOCUMENT_CORRUPT');
    expect(await codeOf(readPdfTextLayout(await buildPdf([{ kind: 'text', lines: INVOICE_LINES }], { userPassword: 'secret' }), { pool }))).toBe('DOCUMENT_ENCRYPTED');
  });

  it('refuses a PDF with more pages than allowed before reading them', async () => {
    const pdf = await buildPdf([{ kind: 'blank' }, { kind: 'blank' }, { kind: 'blank' }]);
    expect(await codeOf(readPdfTextLayout(pdf, { pool, maxPages: 2 }))).toBe('DOCUMENT_TOO_MANY_PAGES');
    expect((await readPdfTextLayout(pdf, { pool, maxPages: 3 })).pages).toHaveLength(3);
  });
});
