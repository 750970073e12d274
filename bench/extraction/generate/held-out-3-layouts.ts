import { groundTruthOf, type GeneratedTruth } from './ground-truth';
import type { HeldOut3Invoice, HeldOut3LayoutName } from './held-out-3-model';
import type { InvoiceDocument } from './invoice-model';
import { drawLineTable, fullWidthTable, type TableStyle } from './line-table';
import { A4, PageCanvas, roomOnPage } from './page-canvas';
import { bankRows, printedDate, termsLine, totalRows, vatLine, type PrintedRow } from './printed-text';

/** Four layout families none of the earlier corpora has; see held-out-3-model.ts. */
type Layout = (invoice: HeldOut3Invoice, model: InvoiceDocument) => PageCanvas;

const MARGIN = 40;
const CONTENT = A4.width - 2 * MARGIN;

/** The shared printing helpers take the common model; the layout name is all that differs. */
export function asModel3(invoice: HeldOut3Invoice): InvoiceDocument {
  return { ...invoice, layout: 'letterhead' };
}

export function heldOut3Truth(invoice: HeldOut3Invoice): GeneratedTruth {
  return { ...groundTruthOf(asModel3(invoice)), _layout: invoice.layout };
}

/** Header fields in reading order: the own number (unless only in the title), dates, references, the cited invoice. */
export function headerRows(invoice: HeldOut3Invoice, model: InvoiceDocument): PrintedRow[] {
  const rows: PrintedRow[] = [];
  if (!invoice.numberInTitle) rows.push({ label: invoice.numberLabel, value: invoice.invoiceNumber, strong: true });
  if (invoice.cited) rows.splice(invoice.cited.before ? 0 : rows.length, 0, { label: invoice.cited.label, value: invoice.cited.number });
  rows.push({ label: model.labelChoice('issueDate'), value: printedDate(model, invoice.issueDate) });
  if (invoice.dueDate) rows.push({ label: model.labelChoice('dueDate'), value: printedDate(model, invoice.dueDate) });
  if (invoice.customerNumber) rows.push({ label: model.labelChoice('customerNumber'), value: invoice.customerNumber });
  if (invoice.otherReference) rows.push({ label: invoice.otherReference.label, value: invoice.otherReference.value });
  if (invoice.purchaseOrder) rows.push({ label: model.labelChoice('purchaseOrder'), value: invoice.purchaseOrder });
  if (invoice.currencyLine) rows.push({ label: model.labelChoice('currency'), value: invoice.currency });
  return rows;
}

function pairs(canvas: PageCanvas, rows: PrintedRow[], x: number, y: number, labelWidth: number, valueWidth: number, size = 9, colon = true): number {
  for (const row of rows) {
    canvas.text(colon ? `${row.label}:` : row.label, x, y, { size, bold: row.strong, width: labelWidth });
    const bottom = canvas.text(row.value, x + labelWidth, y, { size, bold: row.strong, width: valueWidth, align: 'right' });
    y = Math.max(bottom, y + size + 4);
  }
  return y;
}

function block(canvas: PageCanvas, heading: string | null, lines: string[], x: number, y: number, width: number, size = 9): number {
  if (heading) y = canvas.text(heading, x, y, { size: 7.5, color: '#555555', width }) + 1;
  lines.forEach((line, index) => {
    y = canvas.text(line, x, y, { size, bold: index === 0, width });
  });
  return y;
}

const sellerLines = (invoice: HeldOut3Invoice, model: InvoiceDocument): string[] => [invoice.seller.name, ...invoice.seller.addressLines, ...[vatLine(model, invoice.seller.vatIdPrinted)].filter((line): line is string => line !== null)];
const buyerLines = (invoice: HeldOut3Invoice, model: InvoiceDocument): string[] => [invoice.buyer!.name, ...invoice.buyer!.addressLines, ...[vatLine(model, invoice.buyer!.vatIdPrinted)].filter((line): line is string => line !== null)];

const style = (overrides: Partial<TableStyle>): TableStyle => fullWidthTable(MARGIN, overrides);

const roomFor = (canvas: PageCanvas, y: number, needed: number): number => roomOnPage(canvas, y, needed, 100);

function closing(canvas: PageCanvas, invoice: HeldOut3Invoice, model: InvoiceDocument, y: number, totalsX: number): void {
  y = roomFor(canvas, y, 130);
  y = pairs(canvas, totalRows(model), totalsX, y + 6, 150, A4.width - MARGIN - totalsX - 150);
  canvas.text(termsLine(model), MARGIN, y + 14, { size: 8.5, width: CONTENT });
  const bottom = A4.height - 58;
  canvas.line(MARGIN, bottom - 5, A4.width - MARGIN, bottom - 5, 0.3, '#999999');
  const bank = bankRows(model).map((row) => `${row.label}: ${row.value}`);
  const parts = [`${invoice.seller.name} · ${invoice.seller.addressLines.join(' · ')}`, [`${model.labelChoice('phone')} ${invoice.phone}`, ...bank].join(' · ')];
  parts.forEach((part, index) => canvas.text(part, MARGIN, bottom + index * 9, { size: 6.5, width: CONTENT, align: 'center' }));
}

/** The number only in a title of several words ("FAKTURA VAT nr FV/12/03/2026"), the header fields without it. */
const titleNumber: Layout = (invoice, model) => {
  const canvas = new PageCanvas(model);
  const sellerBottom = block(canvas, null, sellerLines(invoice, model), MARGIN, 40, 240, 8.5);
  canvas.text(invoice.heading, 290, 40, { size: 16, bold: true, width: A4.width - MARGIN - 290, align: 'right' });
  const metaBottom = pairs(canvas, headerRows(invoice, model), 330, 76, 120, A4.width - MARGIN - 450, 8.5);
  const buyerBottom = block(canvas, model.labelChoice('customer'), buyerLines(invoice, model), MARGIN, Math.max(sellerBottom, 100) + 16, 260);
  const y = drawLineTable(canvas, model, Math.max(metaBottom, buyerBottom) + 22, style({ headerFill: '#e8e8e8' }));
  closing(canvas, invoice, model, y, 300);
  return canvas;
};

/** Header fields as a ruled grid: labels in a small font above their values, one cell each. */
const headerGrid: Layout = (invoice, model) => {
  const canvas = new PageCanvas(model);
  canvas.text(invoice.seller.name, MARGIN, 34, { size: 14, bold: true, width: CONTENT, align: 'center' });
  canvas.text([...invoice.seller.addressLines, vatLine(model, invoice.seller.vatIdPrinted)].filter(Boolean).join(' · '), MARGIN, 52, { size: 7.5, width: CONTENT, align: 'center' });
  canvas.text(invoice.heading, MARGIN, 76, { size: 17, bold: true, width: CONTENT });
  const rows = headerRows(invoice, model);
  const perRow = 4;
  const cellWidth = CONTENT / perRow;
  let y = 104;
  for (let first = 0; first < rows.length; first += perRow) {
    rows.slice(first, first + perRow).forEach((row, index) => {
      const x = MARGIN + index * cellWidth;
      canvas.box(x, y, cellWidth, 30, { stroke: '#777777' });
      canvas.text(row.label, x + 4, y + 3, { size: 6.5, color: '#555555', width: cellWidth - 8 });
      canvas.text(row.value, x + 4, y + 14, { size: 9, bold: row.strong, width: cellWidth - 8 });
    });
    y += 30;
  }
  y = block(canvas, model.labelChoice('customer'), buyerLines(invoice, model), MARGIN, y + 16, 280);
  y = drawLineTable(canvas, model, y + 20, style({ showTaxRate: true, grid: true }));
  closing(canvas, invoice, model, y, 300);
  return canvas;
};

/** A credit note or corrective invoice: the corrected invoice cited among the header fields and in a sentence. */
const creditCited: Layout = (invoice, model) => {
  const canvas = new PageCanvas(model);
  const sellerBottom = block(canvas, null, sellerLines(invoice, model), 330, 40, A4.width - MARGIN - 330, 8.5);
  canvas.text(invoice.heading, MARGIN, 40, { size: 18, bold: true, width: 280 });
  const metaBottom = pairs(canvas, headerRows(invoice, model), MARGIN, 76, 130, 120, 8.5);
  const buyerBottom = block(canvas, model.labelChoice('customer'), buyerLines(invoice, model), 330, Math.max(sellerBottom, 110) + 14, A4.width - MARGIN - 330);
  let y = Math.max(metaBottom, buyerBottom) + 14;
  if (invoice.cited?.sentence) y = canvas.text(invoice.cited.sentence, MARGIN, y, { size: 9, width: CONTENT });
  y = drawLineTable(canvas, model, y + 14, style({ showTaxRate: true }));
  closing(canvas, invoice, model, y, 300);
  return canvas;
};

/** A shaded sidebar on the left holding the header fields (label above value); parties and lines on the right. */
const sidebar: Layout = (invoice, model) => {
  const canvas = new PageCanvas(model);
  const barWidth = 140;
  canvas.box(MARGIN - 10, 30, barWidth, A4.height - 120, { fill: '#f0f0f0' });
  canvas.text(invoice.heading, MARGIN, 40, { size: 13, bold: true, width: barWidth - 20 });
  let barY = 92;
  for (const row of headerRows(invoice, model)) {
    canvas.text(row.label, MARGIN, barY, { size: 7, color: '#555555', width: barWidth - 20 });
    barY = canvas.text(row.value, MARGIN, barY + 9, { size: 9, bold: row.strong, width: barWidth - 20 }) + 8;
  }
  const left = MARGIN + barWidth + 10;
  const width = A4.width - MARGIN - left;
  const sellerBottom = block(canvas, model.labelChoice('seller'), sellerLines(invoice, model), left, 40, width / 2 - 6, 8.5);
  const buyerBottom = block(canvas, model.labelChoice('customer'), buyerLines(invoice, model), left + width / 2, 40, width / 2, 8.5);
  const y = drawLineTable(canvas, model, Math.max(sellerBottom, buyerBottom, 150) + 20, style({ x: left, width, headerFill: '#dddddd' }));
  closing(canvas, invoice, model, y, left + width - 260);
  return canvas;
};

const RENDERERS: Record<HeldOut3LayoutName, Layout> = { 'number-in-heading': titleNumber, 'header-grid': headerGrid, 'credit-cited': creditCited, 'side-panel': sidebar };

export async function renderHeldOut3Pdf(invoice: HeldOut3Invoice): Promise<Buffer> {
  return RENDERERS[invoice.layout](invoice, asModel3(invoice)).finish();
}
