import type Decimal from 'decimal.js';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import type { SeededRandom } from './random';
import { printedReceiptDate, type ReceiptDocument } from './receipt-model';
import { degradePage, rasterisePdf, type Degradation } from './scan-variants';

/** A till roll: 80 mm wide, as long as its content. */
const ROLL_WIDTH = 226.77;
const MARGIN = 10;
const SIZE = 7.5;
const LINE = 10;

const amount = (receipt: ReceiptDocument, value: Decimal): string => `${receipt.currencyMark ? `${receipt.currencyMark} ` : ''}${value.toFixed(2)}`;

/** The receipt as a one-page PDF on a roll-sized page (rasterised and degraded afterwards, like a scan). */
export async function renderReceiptPdf(receipt: ReceiptDocument): Promise<Buffer> {
  const rows: { text: string; right?: string; align?: 'center' | 'left'; bold?: boolean }[] = [];
  const centre = (text: string, bold = false) => rows.push({ text, align: 'center', bold });
  centre(receipt.company, true);
  centre(`(${receipt.companyNumber})`);
  for (const line of receipt.addressLines) centre(line);
  if (receipt.gstId) centre(`GST ID : ${receipt.gstId}`);
  centre(receipt.gstId ? 'TAX INVOICE' : 'RECEIPT', true);
  rows.push({ text: '' });
  const date = printedReceiptDate(receipt);
  if (receipt.dateLabel) {
    rows.push({ text: `Doc No : ${receipt.documentNumber}` });
    rows.push({ text: `${receipt.dateLabel} ${date}`, right: receipt.time });
  } else {
    rows.push({ text: `${receipt.documentNumber}` });
  }
  rows.push({ text: '-'.repeat(40) });
  for (const line of receipt.lines) {
    rows.push({ text: line.name });
    rows.push({ text: `  ${line.quantity} x ${line.unitPrice.toFixed(2)}`, right: line.amount.toFixed(2) });
  }
  rows.push({ text: '-'.repeat(40) });
  rows.push({ text: 'SUB-TOTAL', right: amount(receipt, receipt.subtotal) });
  if (receipt.gst) rows.push({ text: 'GST 6% (incl.)', right: amount(receipt, receipt.gst) });
  if (!receipt.rounding.isZero() || receipt.style !== 'petrol') rows.push({ text: 'Rounding Adj', right: amount(receipt, receipt.rounding) });
  rows.push({ text: receipt.totalLabel, right: amount(receipt, receipt.total), bold: true });
  if (receipt.tendered && receipt.change) {
    rows.push({ text: 'CASH', right: amount(receipt, receipt.tendered) });
    rows.push({ text: 'CHANGE', right: amount(receipt, receipt.change) });
  } else {
    rows.push({ text: receipt.paidBy, right: amount(receipt, receipt.total) });
  }
  rows.push({ text: '' });
  rows.push({ text: `Item(s) : ${receipt.lines.length}   Qty(s) : ${receipt.lines.reduce((sum, line) => sum + line.quantity, 0)}` });
  if (!receipt.dateLabel) rows.push({ text: `${date} ${receipt.time}  T${receipt.documentNumber.slice(-3)}` });
  centre('THANK YOU. PLEASE COME AGAIN');
  centre('GOODS SOLD ARE NOT RETURNABLE');

  const height = 30 + rows.length * LINE;
  const pdf = new PDFDocument({ size: [ROLL_WIDTH, height], margin: 0, info: { Producer: 'conveyor bench generator', CreationDate: new Date(Date.UTC(2026, 0, 1)) } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('end', () => resolve());
    pdf.on('error', reject);
  });
  const width = ROLL_WIDTH - 2 * MARGIN;
  let y = 15;
  for (const row of rows) {
    pdf.font(row.bold ? `${receipt.font === 'Courier' ? 'Courier' : 'Helvetica'}-Bold` : receipt.font).fontSize(SIZE).fillColor('#000000');
    pdf.text(row.text, MARGIN, y, { width, align: row.align ?? 'left', lineBreak: false });
    if (row.right) pdf.text(row.right, MARGIN, y, { width, align: 'right', lineBreak: false });
    y += LINE;
  }
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}

/** How a receipt scan was made worse: thermal fading on top of the invoice scans' noise, blur, skew and JPEG. */
export interface ReceiptScan extends Degradation {
  /** 1: black print; lower: faded thermal print (ink lightened towards the paper). */
  ink: number;
  /** Grey of the paper (255 white). */
  paper: number;
  /** A dark band along the top, where the roll was torn off in front of a dark scanner lid. */
  tornEdge: boolean;
}

export function drawReceiptScan(random: SeededRandom): ReceiptScan {
  return {
    name: 'receipt-scan',
    dpi: random.pick([150, 200, 200, 300]),
    noise: random.int(3, 16),
    blur: random.pick([0, 0, 0.5, 0.8]),
    rotation: (random.int(-15, 15) / 10) || 0,
    jpegQuality: random.int(45, 85),
    output: 'jpeg',
    ink: random.int(45, 100) / 100,
    paper: random.int(215, 250),
    tornEdge: random.chance(0.3),
  };
}

/** Rasterises the receipt, fades it like thermal paper, then adds the scan's noise, blur, skew and JPEG. */
export async function scanReceipt(pdf: Buffer, scan: ReceiptScan, random: SeededRandom): Promise<Buffer> {
  const [page] = await rasterisePdf(pdf, scan.dpi, true);
  // Ink lightened and paper greyed: v' = paper − (255 − v) × ink × paper / 255.
  const factor = (scan.ink * scan.paper) / 255;
  let faded = await sharp(page).greyscale().linear(factor, scan.paper - 255 * factor).png().toBuffer();
  if (scan.tornEdge) {
    const { width = 0 } = await sharp(faded).metadata();
    const band = Math.max(4, Math.round(scan.dpi / 12));
    const edge = await sharp({ create: { width, height: band, channels: 3, background: '#141414' } }).png().toBuffer();
    faded = await sharp(faded).composite([{ input: edge, top: 0, left: 0 }]).greyscale().png().toBuffer();
  }
  return (await degradePage(faded, scan, random)).bytes;
}
