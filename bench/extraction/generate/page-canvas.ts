import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { InvoiceDocument } from './invoice-model';

/** The DejaVu TrueType fonts shipped by the dejavu-fonts-ttf devDependency (Polish and narrow no-break spaces). */
const DEJAVU = join(require.resolve('dejavu-fonts-ttf/package.json'), '..', 'ttf');
const TTF: Record<InvoiceDocument['font'], [string, string]> = {
  sans: ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'],
  serif: ['DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf'],
  mono: ['DejaVuSansMono.ttf', 'DejaVuSansMono-Bold.ttf'],
  condensed: ['DejaVuSansCondensed.ttf', 'DejaVuSansCondensed-Bold.ttf'],
};
const STANDARD: Record<InvoiceDocument['font'], [string, string]> = {
  sans: ['Helvetica', 'Helvetica-Bold'],
  serif: ['Times-Roman', 'Times-Bold'],
  mono: ['Courier', 'Courier-Bold'],
  condensed: ['Helvetica', 'Helvetica-Bold'],
};

export const A4 = { width: 595.28, height: 841.89 };
/** A receipt roll, 80 mm wide. */
export const RECEIPT_WIDTH = 226.77;

export interface TextOptions {
  size?: number;
  bold?: boolean;
  width?: number;
  align?: 'left' | 'right' | 'center';
  color?: string;
}

/** A thin drawing surface over pdfkit: absolute text placement, lines and boxes, in points from the top-left. */
export class PageCanvas {
  readonly pdf: PDFKit.PDFDocument;
  private readonly regular: string;
  private readonly bold: string;

  constructor(document: InvoiceDocument, size: [number, number] = [A4.width, A4.height]) {
    this.pdf = new PDFDocument({
      size,
      margin: 0,
      bufferPages: true,
      autoFirstPage: true,
      info: { Title: document.id, Producer: 'conveyor bench generator', Creator: 'conveyor bench generator', CreationDate: new Date(Date.UTC(2026, 0, 1)) },
    });
    const needsUnicode = document.locale.language === 'pl' || document.money.spaceChar === '\u202f' || /[^\u0000-\u00ff€’]/.test(`${document.seller.name}${document.buyer?.name ?? ''}${document.seller.addressLines.join('')}${document.buyer?.addressLines.join('') ?? ''}`);
    if (needsUnicode || document.font === 'condensed') {
      const [regular, bold] = TTF[document.font];
      this.pdf.registerFont('body', join(DEJAVU, regular));
      this.pdf.registerFont('body-bold', join(DEJAVU, bold));
      this.regular = 'body';
      this.bold = 'body-bold';
    } else {
      [this.regular, this.bold] = STANDARD[document.font];
    }
  }

  get width(): number {
    return this.pdf.page.width;
  }

  get height(): number {
    return this.pdf.page.height;
  }

  text(value: string, x: number, y: number, options: TextOptions = {}): number {
    this.pdf
      .font(options.bold ? this.bold : this.regular)
      .fontSize(options.size ?? 9)
      .fillColor(options.color ?? '#000000');
    this.pdf.text(value, x, y, { width: options.width, align: options.align ?? 'left', lineBreak: options.width !== undefined, lineGap: 1 });
    return Math.max(this.pdf.y, y + this.pdf.currentLineHeight(true));
  }

  textWidth(value: string, size = 9, bold = false): number {
    return this.pdf
      .font(bold ? this.bold : this.regular)
      .fontSize(size)
      .widthOfString(value);
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 0.5, color = '#000000'): void {
    this.pdf.moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).strokeColor(color).stroke();
  }

  box(x: number, y: number, width: number, height: number, options: { fill?: string; stroke?: string; lineWidth?: number } = {}): void {
    this.pdf.rect(x, y, width, height).lineWidth(options.lineWidth ?? 0.5);
    if (options.fill && options.stroke) this.pdf.fillAndStroke(options.fill, options.stroke);
    else if (options.fill) this.pdf.fill(options.fill);
    else this.pdf.strokeColor(options.stroke ?? '#000000').stroke();
  }

  addPage(): void {
    this.pdf.addPage();
  }

  pageCount(): number {
    return this.pdf.bufferedPageRange().count;
  }

  switchToPage(index: number): void {
    this.pdf.switchToPage(index);
  }

  /** Finishes the document and returns its bytes. */
  async finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    this.pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve, reject) => {
      this.pdf.on('end', () => resolve());
      this.pdf.on('error', reject);
    });
    this.pdf.flushPages();
    this.pdf.end();
    await done;
    return Buffer.concat(chunks);
  }
}

/** Where to go on: at `y` when `needed` points fit above the `reserved` points at the page foot, else atop a fresh page. */
export function roomOnPage(canvas: PageCanvas, y: number, needed: number, reserved = 110): number {
  if (y + needed < A4.height - reserved) return y;
  canvas.addPage();
  return 70;
}
