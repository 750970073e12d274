import Decimal from 'decimal.js';
import { formatDate } from './formatting';
import { groundTruthOf, type GeneratedTruth } from './ground-truth';
import type { HeldOut2Invoice, HeldOut2LayoutName } from './held-out-2-model';
import type { InvoiceDocument } from './invoice-model';
import { drawLineTable, fullWidthTable, type TableStyle } from './line-table';
import { A4, PageCanvas, roomOnPage } from './page-canvas';
import { bankRows, fill, lineCells, lineHeader, metaRows, money, rateText, termsLine, title, totalRows, vatLine, type PrintedRow } from './printed-text';

/** Six layout families neither earlier corpus has; see held-out-2-model.ts. */
type Layout = (invoice: HeldOut2Invoice, model: InvoiceDocument) => PageCanvas;

const MARGIN = 40;
const CONTENT = A4.width - 2 * MARGIN;

/** The shared printing helpers take the common model; the layout name is all that differs. */
export function asModel2(invoice: HeldOut2Invoice): InvoiceDocument {
  return { ...invoice, layout: 'letterhead' };
}

/** Ground truth: the common one, with the net marked as not printed where the page only implies it. */
export function heldOut2Truth(invoice: HeldOut2Invoice): GeneratedTruth {
  const truth = { ...groundTruthOf(asModel2(invoice)), _layout: invoice.layout };
  if (invoice.charges && !invoice.charges.netPrinted) truth._not_printed = [...truth._not_printed, 'total_net'];
  // The box at the top asks for the amount to pay: an amount due is printed even when it equals the gross.
  if (invoice.layout === 'totals-first') truth.amount_due = payable(invoice).toFixed(2);
  return truth;
}

function pairs(canvas: PageCanvas, rows: PrintedRow[], x: number, y: number, labelWidth: number, valueWidth: number, size = 9, colon = false): number {
  for (const row of rows) {
    canvas.text(colon ? `${row.label}:` : row.label, x, y, { size, bold: row.strong, width: labelWidth });
    const bottom = canvas.text(row.value, x + labelWidth, y, { size, bold: row.strong, width: valueWidth, align: 'right' });
    y = Math.max(bottom, y + size + 4);
  }
  return y;
}

const style = (overrides: Partial<TableStyle>): TableStyle => fullWidthTable(MARGIN, overrides);

const roomFor = (canvas: PageCanvas, y: number, needed: number): number => roomOnPage(canvas, y, needed, 100);

function partyBlock(canvas: PageCanvas, heading: string | null, lines: string[], x: number, y: number, width: number, size = 9.5): number {
  if (heading) y = canvas.text(heading, x, y, { size: 7.5, color: '#555555', width }) + 1;
  lines.forEach((line, index) => {
    y = canvas.text(line, x, y, { size, bold: index === 0, width });
  });
  return y;
}

function sellerLines(invoice: HeldOut2Invoice, model: InvoiceDocument): string[] {
  const vat = vatLine(model, invoice.seller.vatIdPrinted);
  return [invoice.seller.name, ...invoice.seller.addressLines, ...(vat ? [vat] : [])];
}

function buyerLines(invoice: HeldOut2Invoice, model: InvoiceDocument): string[] {
  const vat = vatLine(model, invoice.buyer!.vatIdPrinted);
  return [invoice.buyer!.name, ...invoice.buyer!.addressLines, ...(vat ? [vat] : [])];
}

function footer(canvas: PageCanvas, invoice: HeldOut2Invoice, model: InvoiceDocument, y: number): void {
  canvas.line(MARGIN, y - 5, A4.width - MARGIN, y - 5, 0.3, '#999999');
  const bank = bankRows(model).map((row) => `${row.label}: ${row.value}`);
  const parts = [`${invoice.seller.name} · ${invoice.seller.addressLines.join(' · ')}`, `${model.labelChoice('phone')} ${invoice.phone}${bank.length > 0 ? ` · ${bank.join(' · ')}` : ''}`];
  parts.forEach((part, index) => canvas.text(part, MARGIN, y + index * 9, { size: 6.5, width: CONTENT, align: 'center' }));
}

/** What the customer is asked to pay: the amount due when one is printed, else the gross. */
const payable = (invoice: HeldOut2Invoice): Decimal => invoice.amountDue ?? invoice.gross;

/** The amount to pay in a shaded box at the top right, before any detail; the full breakdown still at the end. */
const totalsFirst: Layout = (invoice, model) => {
  const canvas = new PageCanvas(model);
  partyBlock(canvas, null, sellerLines(invoice, model), MARGIN, 40, 250, 8.5);
  const heading = invoice.numberInTitle ? `${title(model)} ${invoice.invoiceNumber}` : title(model);
  canvas.text(heading, 320, 36, { size: 17, bold: true, width: A4.width - MARGIN - 320, align: 'right' });
  canvas.box(360, 64, A4.width - MARGIN - 360, 58, { fill: '#ececec', stroke: '#999999' });
  canvas.text(invoice.extra.payBox, 368, 70, { size: 8, color: '#444444' });
  canvas.text(money(model, payable(invoice)), 368, 82, { size: 16, bold: true, width: A4.width - MARGIN - 376, align: 'right' });
  if (invoice.dueDate) canvas.text(`${model.labelChoice('dueDate')}: ${formatDate(invoice.dueDate, invoice.dateStyle, invoice.locale)}`, 368, 106, { size: 8, width: A4.width - MARGIN - 376, align: 'right' });
  const rows = metaRows(model).filter((row) => !(invoice.numberInTitle && row.value === invoice.invoiceNumber));
  const metaBottom = pairs(canvas, rows, 330, 140, 120, A4.width - MARGIN - 450, 8.5, true);
  const buyerBottom = partyBlock(canvas, model.labelChoice('customer'), buyerLines(invoice, model), MARGIN, 140, 250);
  let y = drawLineTable(canvas, model, Math.max(metaBottom, buyerBottom) + 24, style({ headerFill: '#ececec' }));
  y = roomFor(canvas, y, 120);
  y = pairs(canvas, totalRows(model), 320, y + 6, 140, A4.width - MARGIN - 460);
  canvas.text(termsLine(model), MARGIN, y + 14, { size: 8.5, width: CONTENT });
  footer(canvas, invoice, model, A4.height - 60);
  return canvas;
};

/** A ruled table whose last rows are the totals: labels spanning the left columns, values in the amount column. */
function tableWithTotals(canvas: PageCanvas, invoice: HeldOut2Invoice, model: InvoiceDocument, top: number, totals: PrintedRow[]): number {
  const fractions = [0.46, 0.1, 0.16, 0.1, 0.18];
  const widths = fractions.map((fraction) => fraction * CONTENT);
  const lefts = widths.map((_, index) => MARGIN + widths.slice(0, index).reduce((sum, width) => sum + width, 0));
  const size = 8.5;
  const rowHeight = size + 7;
  const [description, quantity, unitPrice, amount, taxRate] = lineHeader(model);
  const header = [description, quantity, unitPrice, taxRate, amount];
  const row = (cells: string[], y: number, bold: boolean, fillColour?: string): number => {
    if (fillColour) canvas.box(MARGIN, y, CONTENT, rowHeight, { fill: fillColour });
    cells.forEach((cell, index) => canvas.text(cell, lefts[index] + 3, y + 4, { size, bold, width: widths[index] - 6, align: index === 0 ? 'left' : 'right' }));
    canvas.box(MARGIN, y, CONTENT, rowHeight);
    lefts.slice(1).forEach((left) => canvas.line(left, y, left, y + rowHeight));
    return y + rowHeight;
  };
  let y = row(header, top, true, '#dddddd');
  for (const line of invoice.lines) {
    if (y + rowHeight * 2 > A4.height - 120) {
      canvas.addPage();
      y = row(header, 60, true, '#dddddd');
    }
    const [name, qty, price, lineAmount, rate] = lineCells(model, line);
    y = row([name, qty, price, rate, lineAmount], y, false);
  }
  if (y + rowHeight * (totals.length + 1) > A4.height - 90) {
    canvas.addPage();
    y = 60;
  }
  const labelRight = lefts[4];
  for (const total of totals) {
    canvas.box(MARGIN, y, CONTENT, rowHeight, total.strong ? { fill: '#f2f2f2', stroke: '#000000' } : {});
    canvas.line(labelRight, y, labelRight, y + rowHeight);
    canvas.text(total.label, MARGIN + 3, y + 4, { size, bold: total.strong, width: labelRight - MARGIN - 9, align: 'right' });
    canvas.text(total.value, labelRight + 3, y + 4, { size, bold: total.strong, width: widths[4] - 6, align: 'right' });
    y += rowHeight;
  }
  return y + 8;
}

const tableTotals: Layout = (invoice, model) => {
  const canvas = new PageCanvas(model);
  let y = partyBlock(canvas, null, sellerLines(invoice, model), MARGIN, 40, 260, 8.5);
  canvas.text(title(model), 330, 40, { size: 20, bold: true, width: A4.width - MARGIN - 330, align: 'right' });
  const metaBottom = pairs(canvas, metaRows(model), 330, 72, 115, A4.width - MARGIN - 445, 8.5, true);
  y = partyBlock(canvas, model.labelChoice('customer'), buyerLines(invoice, model), MARGIN, Math.max(y, 110) + 14, 260);
  y = tableWithTotals(canvas, invoice, model, Math.max(y, metaBottom) + 24, totalRows(model));
  y = roomFor(canvas, y, 40);
  canvas.text(termsLine(model), MARGIN, y + 6, { size: 8.5, width: CONTENT });
  footer(canvas, invoice, model, A4.height - 60);
  return canvas;
};

/** A credit note: meta on the left with the corrected invoice's number among it, the customer on the right. */
const creditNote: Layout = (invoice, model) => {
  const canvas = new PageCanvas(model);
  canvas.text(invoice.seller.name, MARGIN, 36, { size: 15, bold: true, width: CONTENT, align: 'center' });
  canvas.text([...invoice.seller.addressLines, vatLine(model, invoice.seller.vatIdPrinted)].filter(Boolean).join(' · '), MARGIN, 56, { size: 8, width: CONTENT, align: 'center' });
  canvas.line(MARGIN, 72, A4.width - MARGIN, 72, 0.6);
  canvas.text(title(model), MARGIN, 90, { size: 18, bold: true });
  const meta = metaRows(model);
  const at = 1 + (invoice.invoiceNumber.length % 2);
  const rows = [...meta.slice(0, at), { label: invoice.extra.originalInvoice, value: invoice.originalInvoice! }, ...meta.slice(at)];
  const metaBottom = pairs(canvas, rows, MARGIN, 118, 125, 110, 8.5, true);
  const buyerBottom = partyBlock(canvas, model.labelChoice('customer'), buyerLines(invoice, model), 340, 100, A4.width - MARGIN - 340);
  let y = Math.max(metaBottom, buyerBottom) + 16;
  y = canvas.text(invoice.extra.creditReason, MARGIN, y, { size: 9, width: CONTENT });
  y = drawLineTable(canvas, model, y + 14, style({ showTaxRate: true, grid: true }));
  y = roomFor(canvas, y, 110);
  y = pairs(canvas, totalRows(model), 300, y + 6, 150, A4.width - MARGIN - 450, 9, true);
  canvas.text(termsLine(model), MARGIN, y + 14, { size: 8.5, width: CONTENT });
  footer(canvas, invoice, model, A4.height - 60);
  return canvas;
};

/** Subtotal, discount, shipping, (net), VAT per rate on its base, (total VAT), gross, (deposit and amount due). */
function chargeRows(invoice: HeldOut2Invoice, model: InvoiceDocument): PrintedRow[] {
  const charges = invoice.charges!;
  const rows: PrintedRow[] = [{ label: invoice.extra.goodsTotal, value: money(model, charges.goodsTotal) }];
  if (charges.discountPercent > 0) rows.push({ label: fill(invoice.extra.discount, { p: charges.discountPercent }), value: money(model, charges.discount.negated()) });
  if (!charges.shipping.isZero()) rows.push({ label: invoice.extra.shipping, value: money(model, charges.shipping) });
  if (charges.netPrinted) rows.push({ label: invoice.extra.net, value: money(model, invoice.net), strong: false });
  const taxLabel = model.labelChoice('tax');
  for (const group of invoice.taxGroups) {
    const rate = rateText(model, group.rate);
    const label = taxLabel.includes('{rate}') ? fill(taxLabel, { rate }) : `${taxLabel} ${rate}%`;
    rows.push({ label: `${label} (${money(model, group.base, false)})`, value: money(model, group.tax) });
  }
  if (invoice.totalTaxRow || invoice.taxGroups.length === 1) rows.push({ label: model.labelChoice('totalTax'), value: money(model, invoice.tax) });
  rows.push({ label: model.labelChoice('gross'), value: money(model, invoice.gross), strong: invoice.amountDue === null });
  if (invoice.prepaid) rows.push({ label: model.labelChoice('prepaid'), value: money(model, invoice.prepaid.negated()) });
  if (invoice.amountDue) rows.push({ label: model.labelChoice('amountDue'), value: money(model, invoice.amountDue), strong: true });
  return rows;
}

const charges: Layout = (invoice, model) => {
  const canvas = new PageCanvas(model);
  canvas.text(title(model), MARGIN, 40, { size: 22, bold: true });
  partyBlock(canvas, null, sellerLines(invoice, model), 330, 40, A4.width - MARGIN - 330, 8.5);
  let y = partyBlock(canvas, model.labelChoice('customer'), buyerLines(invoice, model), MARGIN, 120, 260);
  // Meta fields as two columns of label/value pairs under the addresses.
  const meta = metaRows(model);
  const half = Math.ceil(meta.length / 2);
  const left = pairs(canvas, meta.slice(0, half), MARGIN, y + 18, 110, 140, 8.5, true);
  const right = pairs(canvas, meta.slice(half), 310, y + 18, 110, A4.width - MARGIN - 420, 8.5, true);
  y = drawLineTable(canvas, model, Math.max(left, right) + 18, style({ showTaxRate: true, headerFill: '#e4e4e4' }));
  const rows = chargeRows(invoice, model);
  y = roomFor(canvas, y, rows.length * 13 + 40);
  y = pairs(canvas, rows, 290, y + 6, 170, A4.width - MARGIN - 460, 8.5);
  canvas.text(termsLine(model), MARGIN, y + 14, { size: 8.5, width: CONTENT });
  footer(canvas, invoice, model, A4.height - 60);
  return canvas;
};

/** A deposit already paid: gross, the deposit, the rest due; a payment slip under a cut line at the bottom. */
const deposit: Layout = (invoice, model) => {
  const canvas = new PageCanvas(model);
  let y = partyBlock(canvas, null, sellerLines(invoice, model), MARGIN, 40, 260, 9);
  canvas.text(title(model), 330, 40, { size: 18, bold: true, width: A4.width - MARGIN - 330 });
  const metaBottom = pairs(canvas, metaRows(model), 330, 66, 115, A4.width - MARGIN - 445, 8.5);
  y = partyBlock(canvas, model.labelChoice('customer'), buyerLines(invoice, model), MARGIN, Math.max(y, 100) + 16, 260);
  y = drawLineTable(canvas, model, Math.max(y, metaBottom) + 24, style({ bottom: A4.height - 230 }));
  y = roomFor(canvas, y, 240);
  const rows = totalRows(model).map((row) =>
    invoice.depositDate && row.label === model.labelChoice('prepaid') ? { ...row, label: fill(invoice.extra.deposit, { date: formatDate(invoice.depositDate, invoice.dateStyle, invoice.locale) }) } : row,
  );
  y = pairs(canvas, rows, 300, y + 6, 160, A4.width - MARGIN - 460, 9);
  canvas.text(termsLine(model), MARGIN, y + 12, { size: 8.5, width: CONTENT });
  // The slip: cut line, then who is paid, the reference and the amount to pay.
  const slip = A4.height - 150;
  for (let x = MARGIN; x < A4.width - MARGIN; x += 8) canvas.line(x, slip, x + 4, slip, 0.5, '#666666');
  canvas.text(invoice.extra.slip, MARGIN, slip + 10, { size: 10, bold: true });
  const slipRows: PrintedRow[] = [{ label: model.labelChoice('seller'), value: invoice.seller.name }, ...bankRows(model), { label: invoice.extra.reference, value: invoice.invoiceNumber }];
  pairs(canvas, slipRows, MARGIN, slip + 30, 110, 200, 8.5, true);
  canvas.box(380, slip + 28, A4.width - MARGIN - 380, 40, { stroke: '#333333' });
  canvas.text(invoice.extra.amount, 388, slip + 33, { size: 7.5, color: '#444444' });
  canvas.text(money(model, payable(invoice)), 388, slip + 46, { size: 13, bold: true, width: A4.width - MARGIN - 396, align: 'right' });
  return canvas;
};

/** Every label in two languages ("Rechnungsnummer / Invoice No."); addresses in two boxes, meta in a strip. */
const bilingual: Layout = (invoice, model) => {
  const canvas = new PageCanvas(model);
  canvas.text(title(model), MARGIN, 34, { size: 18, bold: true, width: CONTENT, align: 'center' });
  const boxWidth = CONTENT / 2 - 8;
  canvas.box(MARGIN, 64, boxWidth, 78, { stroke: '#888888' });
  canvas.box(MARGIN + boxWidth + 16, 64, boxWidth, 78, { stroke: '#888888' });
  partyBlock(canvas, model.labelChoice('seller'), sellerLines(invoice, model), MARGIN + 6, 68, boxWidth - 12, 8.5);
  partyBlock(canvas, model.labelChoice('customer'), buyerLines(invoice, model), MARGIN + boxWidth + 22, 68, boxWidth - 12, 8.5);
  const meta = metaRows(model);
  let y = 156;
  for (let first = 0; first < meta.length; first += 2) {
    meta.slice(first, first + 2).forEach((row, index) => {
      const x = MARGIN + index * (CONTENT / 2);
      canvas.text(`${row.label}:`, x, y, { size: 8, width: 170 });
      canvas.text(row.value, x + 170, y, { size: 8.5, bold: row.strong, width: CONTENT / 2 - 178 });
    });
    y += 14;
  }
  y = drawLineTable(canvas, model, y + 14, style({ showTaxRate: true, grid: true }));
  y = roomFor(canvas, y, 120);
  y = pairs(canvas, totalRows(model), 270, y + 6, 190, A4.width - MARGIN - 460, 8.5, true);
  canvas.text(termsLine(model), MARGIN, y + 14, { size: 8, width: CONTENT });
  canvas.text(model.labelChoice('thanks'), MARGIN, y + 26, { size: 8, width: CONTENT });
  footer(canvas, invoice, model, A4.height - 60);
  return canvas;
};

const RENDERERS: Record<HeldOut2LayoutName, Layout> = { 'totals-first': totalsFirst, 'table-totals': tableTotals, 'credit-note': creditNote, charges, deposit, bilingual };

export async function renderHeldOut2Pdf(invoice: HeldOut2Invoice): Promise<Buffer> {
  return RENDERERS[invoice.layout](invoice, asModel2(invoice)).finish();
}
