import type { InvoiceDocument, LayoutName, Party } from './invoice-model';
import { A4, PageCanvas, RECEIPT_WIDTH, roomOnPage } from './page-canvas';
import { drawLineTable, fullWidthTable, type TableStyle } from './line-table';
import { bankRows, fill, lineCells, metaRows, termsLine, title, totalRows, vatLine, type PrintedRow } from './printed-text';

type Layout = (document: InvoiceDocument) => PageCanvas;

const MARGIN = 42;
const CONTENT = A4.width - 2 * MARGIN;

function rowsSideBySide(canvas: PageCanvas, rows: PrintedRow[], x: number, y: number, options: { labelWidth: number; valueWidth: number; size?: number; valueAlign?: 'left' | 'right'; colon?: boolean }): number {
  const size = options.size ?? 9;
  for (const row of rows) {
    canvas.text(options.colon ? `${row.label}:` : row.label, x, y, { size, bold: row.strong, width: options.labelWidth });
    const bottom = canvas.text(row.value, x + options.labelWidth, y, { size, bold: row.strong, width: options.valueWidth, align: options.valueAlign ?? 'left' });
    y = Math.max(bottom, y + size + 4);
  }
  return y;
}

function party(canvas: PageCanvas, heading: string | null, who: Party, x: number, y: number, size: number, document: InvoiceDocument): number {
  if (heading) y = canvas.text(heading, x, y, { size: size - 1, color: '#555555' }) + 1;
  y = canvas.text(who.name, x, y, { size, bold: true, width: 240 });
  for (const line of who.addressLines) y = canvas.text(line, x, y, { size, width: 240 });
  const vat = vatLine(document, who.vatIdPrinted);
  if (vat) y = canvas.text(vat, x, y, { size, width: 260 });
  return y;
}

function footer(canvas: PageCanvas, document: InvoiceDocument, y: number): void {
  const size = 7;
  canvas.line(MARGIN, y - 4, A4.width - MARGIN, y - 4, 0.3, '#888888');
  const left = [document.seller.name, ...document.seller.addressLines];
  left.forEach((line, index) => canvas.text(line, MARGIN, y + index * 9, { size }));
  const vat = vatLine(document, document.seller.vatIdPrinted);
  if (vat) canvas.text(vat, MARGIN + 190, y, { size });
  canvas.text(`${document.labelChoice('phone')} ${document.phone}`, MARGIN + 190, y + 9, { size });
  const bank = bankRows(document);
  if (bank.length > 0) {
    canvas.text(document.labelChoice('bank'), MARGIN + 360, y, { size, bold: true });
    bank.forEach((row, index) => canvas.text(`${row.label}: ${row.value}`, MARGIN + 360, y + 9 * (index + 1), { size }));
  }
}

function pageNumbers(canvas: PageCanvas, document: InvoiceDocument): void {
  const count = canvas.pageCount();
  if (count < 2) return;
  for (let index = 0; index < count; index += 1) {
    canvas.switchToPage(index);
    canvas.text(fill(document.labelChoice('page'), { n: index + 1, m: count }), MARGIN, A4.height - 24, { size: 7, width: CONTENT, align: 'right' });
  }
}

const table = (overrides: Partial<TableStyle>): TableStyle => fullWidthTable(MARGIN, overrides);


const letterhead: Layout = (document) => {
  const canvas = new PageCanvas(document);
  canvas.text(document.seller.name, MARGIN, 40, { size: 16, bold: true });
  canvas.text(document.seller.addressLines.join(' · '), MARGIN, 62, { size: 8, color: '#444444' });
  rowsSideBySide(canvas, metaRows(document), 330, 40, { labelWidth: 110, valueWidth: 113, valueAlign: 'right' });
  party(canvas, null, document.buyer!, MARGIN, 140, 10, document);
  canvas.text(title(document), MARGIN, 230, { size: 18, bold: true });
  let y = drawLineTable(canvas, document, 262, table({ showTaxRate: true, headerFill: '#eeeeee' }));
  y = roomOnPage(canvas, y, 110);
  y = rowsSideBySide(canvas, totalRows(document), 330, y + 6, { labelWidth: 130, valueWidth: 93, valueAlign: 'right' });
  canvas.text(termsLine(document), MARGIN, y + 14, { size: 8.5 });
  canvas.text(document.labelChoice('thanks'), MARGIN, y + 28, { size: 8.5 });
  footer(canvas, document, A4.height - 80);
  pageNumbers(canvas, document);
  return canvas;
};

const labelValueTable: Layout = (document) => {
  const canvas = new PageCanvas(document);
  canvas.text(title(document), MARGIN, 40, { size: 20, bold: true });
  const rows: PrintedRow[] = [{ label: document.labelChoice('seller'), value: [document.seller.name, ...document.seller.addressLines].join('\n') }];
  if (document.seller.vatIdPrinted) rows.push({ label: document.labelChoice('vatId'), value: document.seller.vatIdPrinted });
  rows.push({ label: document.labelChoice('customer'), value: [document.buyer!.name, ...document.buyer!.addressLines].join('\n') });
  rows.push(...metaRows(document), ...bankRows(document));
  let y = 76;
  for (const row of rows) {
    const height = 6 + 10.5 * row.value.split('\n').length;
    canvas.box(MARGIN, y, 170, height, { fill: '#f2f2f2', stroke: '#999999' });
    canvas.box(MARGIN + 170, y, CONTENT - 170, height, { stroke: '#999999' });
    canvas.text(row.label, MARGIN + 4, y + 4, { size: 8.5, bold: true });
    canvas.text(row.value, MARGIN + 174, y + 4, { size: 8.5, width: CONTENT - 178 });
    y += height;
  }
  y = drawLineTable(canvas, document, y + 18, table({ grid: true, showTaxRate: true }));
  y = roomOnPage(canvas, y, 110);
  for (const row of totalRows(document)) {
    canvas.box(MARGIN + 250, y, 160, 16, { fill: '#f2f2f2', stroke: '#999999' });
    canvas.box(MARGIN + 410, y, CONTENT - 410, 16, { stroke: '#999999' });
    canvas.text(row.label, MARGIN + 254, y + 4, { size: 8.5, bold: row.strong });
    canvas.text(row.value, MARGIN + 410, y + 4, { size: 8.5, bold: row.strong, width: CONTENT - 414, align: 'right' });
    y += 16;
  }
  canvas.text(termsLine(document), MARGIN, y + 16, { size: 8.5 });
  pageNumbers(canvas, document);
  return canvas;
};

const twoColumnHeader: Layout = (document) => {
  const canvas = new PageCanvas(document);
  const left = party(canvas, document.labelChoice('seller'), document.seller, MARGIN, 40, 9.5, document);
  const right = party(canvas, document.labelChoice('customer'), document.buyer!, 320, 40, 9.5, document);
  let y = Math.max(left, right) + 24;
  canvas.text(title(document), MARGIN, y, { size: 16, bold: true, width: CONTENT, align: 'center' });
  y += 30;
  const meta = metaRows(document);
  const columnWidth = CONTENT / Math.min(meta.length, 4);
  meta.forEach((row, index) => {
    const column = index % 4;
    const line = Math.floor(index / 4);
    canvas.text(`${row.label}: ${row.value}`, MARGIN + column * columnWidth, y + line * 14, { size: 8.5, bold: row.strong, width: columnWidth - 6 });
  });
  y += Math.ceil(meta.length / 4) * 14 + 12;
  y = drawLineTable(canvas, document, y, table({}));
  canvas.line(MARGIN, y, A4.width - MARGIN, y);
  y = roomOnPage(canvas, y, 110);
  y = rowsSideBySide(canvas, totalRows(document), 300, y + 8, { labelWidth: 150, valueWidth: 103, valueAlign: 'right', colon: true });
  const bank = bankRows(document);
  if (bank.length > 0) rowsSideBySide(canvas, bank, MARGIN, y + 20, { labelWidth: 60, valueWidth: 250, size: 8.5 });
  canvas.text(termsLine(document), MARGIN, y + 56, { size: 8.5 });
  pageNumbers(canvas, document);
  return canvas;
};

const totalsBox: Layout = (document) => {
  const canvas = new PageCanvas(document);
  canvas.text(document.seller.name.toUpperCase(), MARGIN, 36, { size: 13, bold: true, width: CONTENT, align: 'right' });
  canvas.text(document.seller.addressLines.join(', '), MARGIN, 54, { size: 8, width: CONTENT, align: 'right' });
  const vat = vatLine(document, document.seller.vatIdPrinted);
  if (vat) canvas.text(vat, MARGIN, 65, { size: 8, width: CONTENT, align: 'right' });
  party(canvas, document.labelChoice('customer'), document.buyer!, MARGIN, 110, 9.5, document);
  canvas.text(title(document), MARGIN, 200, { size: 15, bold: true });
  let y = rowsSideBySide(canvas, metaRows(document), MARGIN, 224, { labelWidth: 130, valueWidth: 200, colon: true });
  y = drawLineTable(canvas, document, y + 16, table({ showTaxRate: true, headerFill: '#dde6f0' }));
  y = roomOnPage(canvas, y, 130);
  const rows = totalRows(document);
  const boxHeight = rows.length * 15 + 14;
  canvas.box(300, y + 6, A4.width - MARGIN - 300, boxHeight, { stroke: '#000000', lineWidth: 1.2 });
  rowsSideBySide(canvas, rows, 308, y + 13, { labelWidth: 140, valueWidth: A4.width - MARGIN - 456, valueAlign: 'right' });
  const bank = bankRows(document);
  if (bank.length > 0) {
    const below = canvas.text(document.labelChoice('bank'), MARGIN, y + 10, { size: 8.5, bold: true });
    rowsSideBySide(canvas, bank, MARGIN, below + 2, { labelWidth: 40, valueWidth: 200, size: 8.5 });
  }
  canvas.text(termsLine(document), MARGIN, y + boxHeight + 24, { size: 8.5 });
  pageNumbers(canvas, document);
  return canvas;
};

const labelsAbove: Layout = (document) => {
  const canvas = new PageCanvas(document);
  canvas.text(title(document), MARGIN, 40, { size: 22, bold: true, color: '#1d3557' });
  party(canvas, null, document.seller, 330, 40, 9, document);
  const fields = metaRows(document);
  const columnWidth = CONTENT / 4;
  fields.forEach((row, index) => {
    const x = MARGIN + (index % 4) * columnWidth;
    const y = 120 + Math.floor(index / 4) * 34;
    canvas.text(row.label, x, y, { size: 7.5, color: '#666666', width: columnWidth - 8 });
    canvas.text(row.value, x, y + 11, { size: 10, bold: row.strong, width: columnWidth - 8 });
  });
  let y = 120 + Math.ceil(fields.length / 4) * 34 + 10;
  canvas.text(document.labelChoice('customer'), MARGIN, y, { size: 7.5, color: '#666666' });
  y = party(canvas, null, document.buyer!, MARGIN, y + 11, 9.5, document) + 16;
  y = drawLineTable(canvas, document, y, table({}));
  y = roomOnPage(canvas, y, 120);
  const totals = totalRows(document);
  const width = CONTENT / totals.length;
  totals.forEach((row, index) => {
    const x = MARGIN + index * width;
    canvas.text(row.label, x, y + 10, { size: 7.5, color: '#666666', width: width - 8, align: 'right' });
    canvas.text(row.value, x, y + 30, { size: row.strong ? 11 : 9.5, bold: row.strong, width: width - 8, align: 'right' });
  });
  const bank = bankRows(document);
  bank.forEach((row, index) => {
    canvas.text(row.label, MARGIN + index * 250, y + 70, { size: 7.5, color: '#666666' });
    canvas.text(row.value, MARGIN + index * 250, y + 81, { size: 9 });
  });
  canvas.text(termsLine(document), MARGIN, y + 110, { size: 8.5 });
  pageNumbers(canvas, document);
  return canvas;
};

const boxedGrid: Layout = (document) => {
  const canvas = new PageCanvas(document);
  const cell = (label: string, value: string, x: number, y: number, width: number, height: number): void => {
    canvas.box(x, y, width, height);
    canvas.text(label, x + 3, y + 3, { size: 6.5, color: '#444444', width: width - 6 });
    canvas.text(value, x + 3, y + 13, { size: 8.5, width: width - 6 });
  };
  canvas.text(title(document), MARGIN, 30, { size: 14, bold: true, width: CONTENT, align: 'center' });
  const sellerText = [document.seller.name, ...document.seller.addressLines, vatLine(document, document.seller.vatIdPrinted) ?? ''].filter(Boolean).join('\n');
  const buyerText = [document.buyer!.name, ...document.buyer!.addressLines, vatLine(document, document.buyer!.vatIdPrinted) ?? ''].filter(Boolean).join('\n');
  cell(document.labelChoice('seller'), sellerText, MARGIN, 56, CONTENT / 2, 66);
  cell(document.labelChoice('customer'), buyerText, MARGIN + CONTENT / 2, 56, CONTENT / 2, 66);
  const meta = metaRows(document);
  const perRow = 3;
  const width = CONTENT / perRow;
  meta.forEach((row, index) => cell(row.label, row.value, MARGIN + (index % perRow) * width, 122 + Math.floor(index / perRow) * 28, width, 28));
  let y = 122 + Math.ceil(meta.length / perRow) * 28 + 14;
  y = drawLineTable(canvas, document, y, table({ grid: true, showTaxRate: true, size: 8 }));
  y = roomOnPage(canvas, y, 120);
  const totals = totalRows(document);
  const totalWidth = CONTENT / Math.min(totals.length, 4);
  totals.forEach((row, index) => cell(row.label, row.value, MARGIN + (index % 4) * totalWidth, y + Math.floor(index / 4) * 28, totalWidth, 28));
  y += Math.ceil(totals.length / 4) * 28 + 10;
  bankRows(document).forEach((row, index) => cell(row.label, row.value, MARGIN + index * (CONTENT / 2), y, CONTENT / 2, 28));
  canvas.text(termsLine(document), MARGIN, y + 40, { size: 8 });
  pageNumbers(canvas, document);
  return canvas;
};

const receipt: Layout = (document) => {
  const height = 250 + document.lines.length * 22 + (document.ibanPrinted ? 20 : 0);
  const canvas = new PageCanvas(document, [RECEIPT_WIDTH, height]);
  const width = RECEIPT_WIDTH - 20;
  let y = canvas.text(document.seller.name, 10, 14, { size: 10, bold: true, width, align: 'center' });
  for (const line of document.seller.addressLines) y = canvas.text(line, 10, y, { size: 7.5, width, align: 'center' });
  const vat = vatLine(document, document.seller.vatIdPrinted);
  if (vat) y = canvas.text(vat, 10, y, { size: 7.5, width, align: 'center' });
  y += 6;
  y = canvas.text(title(document), 10, y, { size: 8.5, bold: true, width, align: 'center' }) + 4;
  y = rowsSideBySide(canvas, metaRows(document), 10, y, { labelWidth: 90, valueWidth: width - 90, size: 7.5, valueAlign: 'right' });
  canvas.line(10, y + 2, 10 + width, y + 2, 0.4);
  y += 6;
  for (const line of document.lines) {
    const [description, quantity, unitPrice, amount] = lineCells(document, line);
    y = canvas.text(description, 10, y, { size: 7.5, width });
    canvas.text(`${quantity} x ${unitPrice}`, 18, y, { size: 7.5 });
    y = canvas.text(amount, 10, y, { size: 7.5, width, align: 'right' }) + 1;
  }
  canvas.line(10, y + 2, 10 + width, y + 2, 0.4);
  y = rowsSideBySide(canvas, totalRows(document), 10, y + 6, { labelWidth: 110, valueWidth: width - 110, size: 8, valueAlign: 'right' });
  if (document.ibanPrinted) y = canvas.text(`IBAN ${document.ibanPrinted}`, 10, y + 4, { size: 6.5, width, align: 'center' });
  canvas.text(document.labelChoice('thanks'), 10, y + 10, { size: 7.5, width, align: 'center' });
  return canvas;
};

const multiPage: Layout = (document) => {
  const canvas = new PageCanvas(document);
  canvas.text(document.seller.name, MARGIN, 36, { size: 14, bold: true });
  canvas.text(document.seller.addressLines.join(' | '), MARGIN, 54, { size: 8 });
  party(canvas, document.labelChoice('customer'), document.buyer!, MARGIN, 96, 9.5, document);
  rowsSideBySide(canvas, metaRows(document), 330, 96, { labelWidth: 110, valueWidth: 113, valueAlign: 'right', colon: true });
  canvas.text(title(document), MARGIN, 200, { size: 16, bold: true });
  let y = drawLineTable(canvas, document, 226, table({ showTaxRate: true, carryForward: true, headerFill: '#eeeeee', bottom: A4.height - 70 }));
  y = roomOnPage(canvas, y, 150);
  y = rowsSideBySide(canvas, totalRows(document), 330, y + 6, { labelWidth: 130, valueWidth: 93, valueAlign: 'right' });
  canvas.text(termsLine(document), MARGIN, y + 14, { size: 8.5 });
  footer(canvas, document, A4.height - 80);
  pageNumbers(canvas, document);
  return canvas;
};

export const LAYOUT_RENDERERS: Record<LayoutName, Layout> = {
  letterhead,
  'label-value-table': labelValueTable,
  'two-column-header': twoColumnHeader,
  'totals-box': totalsBox,
  'labels-above': labelsAbove,
  'boxed-grid': boxedGrid,
  receipt,
  'multi-page': multiPage,
};

/** Renders one invoice to PDF bytes in its layout. */
export async function renderInvoicePdf(document: InvoiceDocument): Promise<Buffer> {
  return LAYOUT_RENDERERS[document.layout](document).finish();
}
