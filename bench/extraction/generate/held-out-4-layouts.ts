import { join } from 'node:path';
import { groundTruthOf, type GeneratedTruth } from './ground-truth';
import type { HeldOut4Invoice, HeldOut4LayoutName } from './held-out-4-model';
import type { InvoiceDocument } from './invoice-model';
import { drawLineTable, fullWidthTable, type TableStyle } from './line-table';
import { A4, PageCanvas, roomOnPage } from './page-canvas';
import { bankRows, printedDate, termsLine, title, totalRows, vatLine, type PrintedRow } from './printed-text';

/** Four layout families none of the earlier corpora has; see held-out-4-model.ts. */
type Layout = (invoice: HeldOut4Invoice, model: InvoiceDocument) => PageCanvas;

const MARGIN = 40;
const CONTENT = A4.width - 2 * MARGIN;
const DEJAVU = join(require.resolve('dejavu-fonts-ttf/package.json'), '..', 'ttf');

/** The shared printing helpers take the common model; the layout name is all that differs. */
export function asModel4(invoice: HeldOut4Invoice): InvoiceDocument {
  return { ...invoice, layout: 'letterhead' };
}

export function heldOut4Truth(invoice: HeldOut4Invoice): GeneratedTruth {
  return { ...groundTruthOf(asModel4(invoice)), _layout: invoice.layout };
}

/** Header rows in reading order; the own number only when it is presented as a labelled row. */
export function headerRows(invoice: HeldOut4Invoice, model: InvoiceDocument): PrintedRow[] {
  const rows: PrintedRow[] = [];
  if (invoice.numberStyle === 'row') rows.push({ label: invoice.numberLabel, value: invoice.invoiceNumber, strong: true });
  rows.push({ label: model.labelChoice('issueDate'), value: printedDate(model, invoice.issueDate) });
  if (invoice.dueDate) rows.push({ label: model.labelChoice('dueDate'), value: printedDate(model, invoice.dueDate) });
  if (invoice.customerNumber) rows.push({ label: model.labelChoice('customerNumber'), value: invoice.customerNumber });
  if (invoice.purchaseOrder) rows.push({ label: model.labelChoice('purchaseOrder'), value: invoice.purchaseOrder });
  if (invoice.currencyLine) rows.push({ label: model.labelChoice('currency'), value: invoice.currency });
  return rows;
}

/** The document's title, with the number when it is presented in the title. */
export function heading(invoice: HeldOut4Invoice, model: InvoiceDocument): string {
  return invoice.numberStyle === 'title' ? `${title(model)} ${invoice.invoiceNumber}` : title(model);
}

function pairs(canvas: PageCanvas, rows: PrintedRow[], x: number, y: number, labelWidth: number, valueWidth: number, size = 8.5): number {
  for (const row of rows) {
    canvas.text(`${row.label}:`, x, y, { size, bold: row.strong, width: labelWidth });
    const bottom = canvas.text(row.value, x + labelWidth, y, { size, bold: row.strong, width: valueWidth, align: 'right' });
    y = Math.max(bottom, y + size + 4);
  }
  return y;
}

/** The number in a ruled box (label small above), or as a sentence, when so presented; returns the new y. */
function numberPresentation(canvas: PageCanvas, invoice: HeldOut4Invoice, x: number, y: number, width: number): number {
  if (invoice.numberStyle === 'box') {
    canvas.box(x, y, width, 34, { stroke: '#444444', lineWidth: 1 });
    canvas.text(invoice.numberLabel, x + 6, y + 4, { size: 7, color: '#555555', width: width - 12 });
    canvas.text(invoice.invoiceNumber, x + 6, y + 15, { size: 13, bold: true, width: width - 12 });
    return y + 42;
  }
  if (invoice.numberStyle === 'sentence') return canvas.text(invoice.numberSentence.replace('{n}', invoice.invoiceNumber), x, y, { size: 9, width }) + 6;
  return y;
}

/** The seller's name (on one line or broken over two), department, c/o, address, VAT id and register lines. */
function sellerLines(invoice: HeldOut4Invoice, model: InvoiceDocument, splitName: boolean): string[] {
  const name = splitName ? invoice.sellerParty.split : [invoice.seller.name];
  return [
    ...name,
    ...(invoice.department ? [invoice.department] : []),
    ...(invoice.careOf ? [invoice.careOf] : []),
    ...invoice.seller.addressLines,
    ...[vatLine(model, invoice.seller.vatIdPrinted)].filter((line): line is string => line !== null),
  ];
}

const buyerLines = (invoice: HeldOut4Invoice, model: InvoiceDocument): string[] => [invoice.buyer!.name, ...invoice.buyer!.addressLines, ...[vatLine(model, invoice.buyer!.vatIdPrinted)].filter((line): line is string => line !== null)];

function block(canvas: PageCanvas, heading: string | null, lines: string[], x: number, y: number, width: number, boldLines = 1, size = 9): number {
  if (heading) y = canvas.text(heading, x, y, { size: 7.5, color: '#555555', width }) + 1;
  lines.forEach((line, index) => {
    y = canvas.text(line, x, y, { size, bold: index < boldLines, width });
  });
  return y;
}

/** A brand set as a logo in an odd font, letter-spaced; pdfkit embeds the TrueType file. */
function drawLogo(canvas: PageCanvas, invoice: HeldOut4Invoice, x: number, y: number, size: number): number {
  if (!invoice.logo) return y;
  canvas.pdf.font(join(DEJAVU, invoice.logo.font)).fontSize(size).fillColor('#1f3a5f');
  canvas.pdf.text(invoice.logo.text, x, y, { lineBreak: false, characterSpacing: invoice.logo.spacing });
  return y + size * 1.25;
}

const style = (overrides: Partial<TableStyle>): TableStyle => fullWidthTable(MARGIN, { bottom: A4.height - 160, ...overrides });


/** Totals, terms and a footer; `sellerFooter` the seller's company line(s) in it. */
function closing(canvas: PageCanvas, invoice: HeldOut4Invoice, model: InvoiceDocument, y: number, sellerFooter: 'line' | 'columns' | 'none'): void {
  y = roomOnPage(canvas, y, 130);
  y = pairs(canvas, totalRows(model), 300, y + 6, 150, A4.width - MARGIN - 450);
  canvas.text(termsLine(model), MARGIN, y + 14, { size: 8.5, width: CONTENT });
  const bank = bankRows(model).map((row) => `${row.label}: ${row.value}`);
  const bottom = A4.height - 70;
  canvas.line(MARGIN, bottom - 6, A4.width - MARGIN, bottom - 6, 0.3, '#999999');
  if (sellerFooter === 'columns') {
    const width = CONTENT / 3;
    block(canvas, null, [invoice.seller.name, ...(invoice.careOf ? [invoice.careOf] : []), ...invoice.seller.addressLines], MARGIN, bottom, width - 8, 1, 6.5);
    block(canvas, null, [invoice.sellerParty.registerLine, ...[vatLine(model, invoice.seller.vatIdPrinted)].filter((line): line is string => line !== null), `${model.labelChoice('phone')} ${invoice.phone}`], MARGIN + width, bottom, width - 8, 0, 6.5);
    block(canvas, null, bank, MARGIN + 2 * width, bottom, width, 0, 6.5);
    return;
  }
  const parts = sellerFooter === 'line' ? [`${invoice.seller.name} · ${invoice.seller.addressLines.join(' · ')} · ${invoice.sellerParty.registerLine}`] : [invoice.sellerParty.registerLine];
  parts.push([`${model.labelChoice('phone')} ${invoice.phone}`, ...bank].join(' · '));
  parts.forEach((part, index) => canvas.text(part, MARGIN, bottom + index * 9, { size: 6.5, width: CONTENT, align: 'center' }));
}

/** A canvas whose font covers every string printed, the register and c/o lines included (Latvian, Lithuanian…). */
function canvasFor(invoice: HeldOut4Invoice, model: InvoiceDocument): PageCanvas {
  const extra = [invoice.sellerParty.registerLine, invoice.department ?? '', invoice.careOf ?? '', invoice.sellerParty.brand];
  return new PageCanvas({ ...model, seller: { ...model.seller, addressLines: [...model.seller.addressLines, ...extra] } });
}

/** A logo masthead; the legal name in small print under it or only in the footer; meta on the right. */
const logoMasthead: Layout = (invoice, model) => {
  const canvas = canvasFor(invoice, model);
  let y = drawLogo(canvas, invoice, MARGIN, 34, 24);
  const nameUnderLogo = invoice.variant.nameUnderLogo;
  if (nameUnderLogo) y = canvas.text([invoice.seller.name, ...invoice.seller.addressLines].join(' · '), MARGIN, y + 2, { size: 7.5, width: 300 });
  else y = canvas.text(invoice.seller.addressLines.join(' · '), MARGIN, y + 2, { size: 7.5, width: 300 });
  canvas.text(heading(invoice, model), 330, 36, { size: 15, bold: true, width: A4.width - MARGIN - 330, align: 'right' });
  const metaBottom = pairs(canvas, headerRows(invoice, model), 330, 64, 110, A4.width - MARGIN - 440);
  const buyerBottom = block(canvas, model.labelChoice('customer'), buyerLines(invoice, model), MARGIN, Math.max(y, 90) + 16, 260);
  y = numberPresentation(canvas, invoice, MARGIN, Math.max(metaBottom, buyerBottom) + 16, 240);
  y = drawLineTable(canvas, model, y + 10, style({ headerFill: '#e6ecf2' }));
  closing(canvas, invoice, model, y, nameUnderLogo ? 'line' : 'columns');
  return canvas;
};

/** A window envelope letter: return-address line and the buyer first, the seller's block below it on the right. */
const buyerWindowFirst: Layout = (invoice, model) => {
  const canvas = canvasFor(invoice, model);
  let y = drawLogo(canvas, invoice, 330, 30, 18);
  canvas.text(`${invoice.sellerParty.brand} · ${invoice.seller.addressLines.join(' · ')}`, MARGIN, 70, { size: 6, width: 260 });
  const buyerBottom = block(canvas, null, buyerLines(invoice, model), MARGIN, 82, 260, 1, 9.5);
  const sellerHeading = invoice.variant.sellerHeading ? model.labelChoice('seller') : null;
  const sellerBottom = block(canvas, sellerHeading, sellerLines(invoice, model, false), 330, Math.max(y, 70) + 40, A4.width - MARGIN - 330, 1, 8);
  y = canvas.text(heading(invoice, model), MARGIN, Math.max(buyerBottom, sellerBottom) + 18, { size: 14, bold: true, width: CONTENT });
  y = pairs(canvas, headerRows(invoice, model), MARGIN, y + 6, 130, 110);
  y = numberPresentation(canvas, invoice, MARGIN, y + 8, 260);
  y = drawLineTable(canvas, model, y + 10, style({ showTaxRate: true }));
  closing(canvas, invoice, model, y, 'none');
  return canvas;
};

/** Nothing but (maybe) a logo at the top: the seller's legal name, address and ids only in the footer's columns. */
const footerSeller: Layout = (invoice, model) => {
  const canvas = canvasFor(invoice, model);
  let y = drawLogo(canvas, invoice, A4.width - MARGIN - 200, 34, 20);
  y = canvas.text(heading(invoice, model), MARGIN, 36, { size: 18, bold: true, width: 300 });
  const metaBottom = pairs(canvas, headerRows(invoice, model), MARGIN, y + 10, 120, 120);
  const buyerBottom = block(canvas, model.labelChoice('customer'), buyerLines(invoice, model), 330, 80, A4.width - MARGIN - 330);
  y = numberPresentation(canvas, invoice, MARGIN, Math.max(metaBottom, buyerBottom) + 14, 260);
  y = drawLineTable(canvas, model, y + 10, style({ grid: true, showTaxRate: true }));
  closing(canvas, invoice, model, y, 'columns');
  return canvas;
};

/** The seller's name broken over two bold lines, with department and c/o lines; buyer on the right. */
const splitNameHeader: Layout = (invoice, model) => {
  const canvas = canvasFor(invoice, model);
  let y = drawLogo(canvas, invoice, MARGIN, 28, 16);
  const sellerBottom = block(canvas, null, sellerLines(invoice, model, true), MARGIN, Math.max(y, 36), 250, 2, 9.5);
  const buyerBottom = block(canvas, model.labelChoice('customer'), buyerLines(invoice, model), 330, 40, A4.width - MARGIN - 330);
  y = canvas.text(heading(invoice, model), MARGIN, Math.max(sellerBottom, buyerBottom) + 18, { size: 15, bold: true, width: CONTENT });
  y = pairs(canvas, headerRows(invoice, model), 300, y + 4, 130, A4.width - MARGIN - 430);
  y = numberPresentation(canvas, invoice, MARGIN, y + 8, 260);
  y = drawLineTable(canvas, model, y + 10, style({ headerFill: '#eeeeee' }));
  closing(canvas, invoice, model, y, invoice.variant.footerLine ? 'line' : 'none');
  return canvas;
};

const RENDERERS: Record<HeldOut4LayoutName, Layout> = { 'logo-masthead': logoMasthead, 'buyer-window-first': buyerWindowFirst, 'footer-seller': footerSeller, 'split-name-header': splitNameHeader };

export async function renderHeldOut4Pdf(invoice: HeldOut4Invoice): Promise<Buffer> {
  return RENDERERS[invoice.layout](invoice, asModel4(invoice)).finish();
}
