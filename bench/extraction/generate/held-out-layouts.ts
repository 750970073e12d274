import type { HeldOutInvoice, HeldOutLayoutName } from './held-out-model';
import type { Language } from './labels';
import type { InvoiceDocument } from './invoice-model';
import { drawLineTable, fullWidthTable, type TableStyle } from './line-table';
import { A4, PageCanvas, roomOnPage } from './page-canvas';
import { bankRows, metaRows, termsLine, title, totalRows, vatLine, type PrintedRow } from './printed-text';

/** Four layout families the development corpus does not have; see held-out-model.ts. */
type Layout = (invoice: HeldOutInvoice, model: InvoiceDocument) => PageCanvas;

const MARGIN = 42;
const CONTENT = A4.width - 2 * MARGIN;

/** The shared printing helpers take the common model; the layout name is all that differs. */
function asModel(invoice: HeldOutInvoice): InvoiceDocument {
  return { ...invoice, layout: 'letterhead' };
}

/** Meta rows with the other references (delivery note, contract) among them. */
function heldOutMetaRows(invoice: HeldOutInvoice, model: InvoiceDocument): PrintedRow[] {
  const rows = metaRows(model);
  const at = Math.min(rows.length, 1 + invoice.referencesAt);
  return [...rows.slice(0, at), ...invoice.otherReferences, ...rows.slice(at)];
}

function sideBySide(canvas: PageCanvas, rows: PrintedRow[], x: number, y: number, labelWidth: number, valueWidth: number, size = 9, colon = false): number {
  for (const row of rows) {
    canvas.text(colon ? `${row.label}:` : row.label, x, y, { size, bold: row.strong, width: labelWidth });
    const bottom = canvas.text(row.value, x + labelWidth, y, { size, bold: row.strong, width: valueWidth, align: 'right' });
    y = Math.max(bottom, y + size + 4);
  }
  return y;
}

const style = (overrides: Partial<TableStyle>): TableStyle => fullWidthTable(MARGIN, overrides);


function footerColumns(canvas: PageCanvas, invoice: HeldOutInvoice, model: InvoiceDocument, y: number): void {
  const size = 7;
  canvas.line(MARGIN, y - 4, A4.width - MARGIN, y - 4, 0.3, '#888888');
  [invoice.seller.name, ...invoice.seller.addressLines].forEach((line, index) => canvas.text(line, MARGIN, y + index * 9, { size }));
  const vat = vatLine(model, invoice.seller.vatIdPrinted);
  if (vat) canvas.text(vat, MARGIN + 190, y, { size });
  canvas.text(`${model.labelChoice('phone')} ${invoice.phone}`, MARGIN + 190, y + 9, { size });
  bankRows(model).forEach((row, index) => canvas.text(`${row.label} ${row.value}`, MARGIN + 360, y + index * 9, { size }));
}

/** Meta fields as a ruled table: one row of labels as column headers, the values in the row under them. */
const headerTable: Layout = (invoice, model) => {
  const canvas = new PageCanvas(model);
  canvas.text(invoice.seller.name, MARGIN, 40, { size: 15, bold: true, width: 300 });
  invoice.seller.addressLines.forEach((line, index) => canvas.text(line, MARGIN, 60 + index * 10, { size: 8 }));
  canvas.text(title(model), MARGIN, 40, { size: 20, bold: true, width: CONTENT, align: 'right' });
  canvas.text(model.labelChoice('customer'), MARGIN, 112, { size: 7.5, color: '#555555' });
  let y = canvas.text(invoice.buyer!.name, MARGIN, 122, { size: 9.5, bold: true, width: 260 });
  for (const line of invoice.buyer!.addressLines) y = canvas.text(line, MARGIN, y, { size: 9.5, width: 260 });
  y += 22;
  const meta = heldOutMetaRows(invoice, model);
  const perRow = Math.min(meta.length, 5);
  for (let first = 0; first < meta.length; first += perRow) {
    const cells = meta.slice(first, first + perRow);
    const width = CONTENT / perRow;
    cells.forEach((cell, index) => {
      const x = MARGIN + index * width;
      canvas.box(x, y, width, 14, { fill: '#e8e8e8', stroke: '#777777' });
      canvas.box(x, y + 14, width, 16, { stroke: '#777777' });
      canvas.text(cell.label, x + 4, y + 4, { size: 7.5, bold: true, width: width - 8 });
      canvas.text(cell.value, x + 4, y + 19, { size: 8.5, width: width - 8 });
    });
    y += 36;
  }
  y = drawLineTable(canvas, model, y + 10, style({ showTaxRate: true, headerFill: '#e8e8e8' }));
  y = roomOnPage(canvas, y, 110);
  y = sideBySide(canvas, totalRows(model), 320, y + 6, 140, 91);
  canvas.text(termsLine(model), MARGIN, y + 14, { size: 8.5 });
  footerColumns(canvas, invoice, model, A4.height - 80);
  return canvas;
};

/** A shaded band on the left with the seller and the meta fields stacked (label above value). */
const sidebar: Layout = (invoice, model) => {
  const canvas = new PageCanvas(model);
  const band = 190;
  canvas.box(0, 0, band, A4.height, { fill: '#efefef' });
  const x = 16;
  const width = band - 28;
  canvas.text(model.labelChoice('seller'), x, 40, { size: 7, color: '#666666' });
  let y = canvas.text(invoice.seller.name, x, 50, { size: 9.5, bold: true, width });
  for (const line of invoice.seller.addressLines) y = canvas.text(line, x, y, { size: 8, width });
  const vat = vatLine(model, invoice.seller.vatIdPrinted);
  if (vat) y = canvas.text(vat, x, y + 2, { size: 7.5, width });
  y += 24;
  for (const row of [...heldOutMetaRows(invoice, model), ...bankRows(model)]) {
    canvas.text(row.label, x, y, { size: 7, color: '#666666', width });
    y = canvas.text(row.value, x, y + 9, { size: 9, bold: row.strong, width }) + 10;
  }
  const left = band + 22;
  const main = A4.width - left - MARGIN;
  canvas.text(title(model), left, 40, { size: 24, bold: true });
  canvas.text(model.labelChoice('customer'), left, 90, { size: 7.5, color: '#666666' });
  y = canvas.text(invoice.buyer!.name, left, 100, { size: 9.5, bold: true, width: 260 });
  for (const line of invoice.buyer!.addressLines) y = canvas.text(line, left, y, { size: 9.5, width: 260 });
  const buyerVat = vatLine(model, invoice.buyer!.vatIdPrinted);
  if (buyerVat) y = canvas.text(buyerVat, left, y, { size: 9.5, width: 300 });
  y = drawLineTable(canvas, model, y + 30, style({ x: left, width: main, size: 8, bottom: A4.height - 90 }));
  y = roomOnPage(canvas, y, 110);
  y = sideBySide(canvas, totalRows(model), left + main - 250, y + 6, 150, 100, 9, true);
  canvas.text(termsLine(model), left, y + 16, { size: 8.5, width: main });
  canvas.text(model.labelChoice('thanks'), left, y + 30, { size: 8.5, width: main });
  return canvas;
};

const SUBJECT: Record<Language, [string, string]> = {
  en: ['Invoice no. {n}', 'Credit note no. {n}'],
  de: ['Rechnung Nr. {n}', 'Gutschrift Nr. {n}'],
  fr: ['Facture n° {n}', 'Avoir n° {n}'],
  nl: ['Factuur {n}', 'Creditnota {n}'],
  es: ['Factura n.º {n}', 'Factura rectificativa n.º {n}'],
  it: ['Fattura n. {n}', 'Nota di credito n. {n}'],
  pl: ['Faktura VAT nr {n}', 'Faktura korygująca nr {n}'],
};

/** A business letter: return-address line over the window address, info block, the number in the subject line. */
const letter: Layout = (invoice, model) => {
  const canvas = new PageCanvas(model);
  if (invoice.brand) canvas.text(invoice.brand, MARGIN, 40, { size: 24, bold: true, width: CONTENT, align: 'right', color: '#23415a' });
  else canvas.text(invoice.seller.name, MARGIN, 44, { size: 14, bold: true, width: CONTENT, align: 'right' });
  const back = [invoice.seller.name, ...invoice.seller.addressLines].join(' · ');
  canvas.text(back, MARGIN, 118, { size: 6.5, width: 280 });
  canvas.line(MARGIN, 127, MARGIN + Math.min(280, canvas.textWidth(back, 6.5)), 127, 0.3);
  let y = canvas.text(invoice.buyer!.name, MARGIN, 134, { size: 10, width: 260 });
  for (const line of invoice.buyer!.addressLines) y = canvas.text(line, MARGIN, y, { size: 10, width: 260 });
  const info = heldOutMetaRows(invoice, model).slice(1);
  sideBySide(canvas, info, 340, 118, 110, 103, 8.5);
  const [invoiceSubject, creditSubject] = SUBJECT[invoice.locale.language];
  y = Math.max(y, 118 + info.length * 13) + 36;
  canvas.text((invoice.creditNote ? creditSubject : invoiceSubject).replace('{n}', invoice.invoiceNumber), MARGIN, y, { size: 12, bold: true });
  y = drawLineTable(canvas, model, y + 30, style({ showTaxRate: true, headerFill: '#f0f0f0' }));
  y = roomOnPage(canvas, y, 110);
  y = sideBySide(canvas, totalRows(model), 320, y + 6, 140, 91);
  canvas.text(termsLine(model), MARGIN, y + 14, { size: 8.5 });
  canvas.text(model.labelChoice('thanks'), MARGIN, y + 28, { size: 8.5 });
  footerColumns(canvas, invoice, model, A4.height - 70);
  return canvas;
};

const NUMBER_WORD: Record<Language, string[]> = { en: ['#', 'No.'], de: ['Nr.'], fr: ['N°', 'n°'], nl: ['nr.'], es: ['Nº', 'n.º'], it: ['N.', 'n.'], pl: ['nr'] };

/** The title and the number as one large heading top right ("INVOICE # SI-004211"), dates in a block under it. */
const titleNumber: Layout = (invoice, model) => {
  const canvas = new PageCanvas(model);
  let y = canvas.text(invoice.seller.name, MARGIN, 40, { size: 13, bold: true, width: 260 });
  for (const line of invoice.seller.addressLines) y = canvas.text(line, MARGIN, y, { size: 8.5, width: 260 });
  const vat = vatLine(model, invoice.seller.vatIdPrinted);
  if (vat) canvas.text(vat, MARGIN, y, { size: 8.5, width: 260 });
  const words = NUMBER_WORD[invoice.locale.language];
  const word = words[invoice.invoiceNumber.length % words.length];
  canvas.text(`${title(model)} ${word} ${invoice.invoiceNumber}`, 300, 40, { size: 15, bold: true, width: A4.width - MARGIN - 300, align: 'right' });
  sideBySide(canvas, heldOutMetaRows(invoice, model).slice(1), 330, 70, 120, 103, 8.5, true);
  canvas.text(model.labelChoice('customer'), MARGIN, 150, { size: 8, bold: true });
  y = canvas.text(invoice.buyer!.name, MARGIN, 161, { size: 9.5, width: 260 });
  for (const line of invoice.buyer!.addressLines) y = canvas.text(line, MARGIN, y, { size: 9.5, width: 260 });
  y = drawLineTable(canvas, model, Math.max(y, 200) + 30, style({ grid: true }));
  y = roomOnPage(canvas, y, 130);
  const rows = totalRows(model);
  canvas.box(310, y + 4, A4.width - MARGIN - 310, rows.length * 13 + 10, { stroke: '#333333' });
  y = sideBySide(canvas, rows, 316, y + 10, 130, A4.width - MARGIN - 452, 8.5);
  bankRows(model).forEach((row, index) => canvas.text(`${row.label}: ${row.value}`, MARGIN, y + 16 + index * 11, { size: 8 }));
  canvas.text(termsLine(model), MARGIN, y + 48, { size: 8.5 });
  canvas.text(`${model.labelChoice('thanks')} — ${invoice.seller.name}`, MARGIN, A4.height - 50, { size: 8, width: CONTENT, align: 'center' });
  return canvas;
};

const RENDERERS: Record<HeldOutLayoutName, Layout> = { 'header-table': headerTable, sidebar, letter, 'title-number': titleNumber };

export async function renderHeldOutPdf(invoice: HeldOutInvoice): Promise<Buffer> {
  return RENDERERS[invoice.layout](invoice, asModel(invoice)).finish();
}

export { asModel };
