import Decimal from 'decimal.js';
import type { InvoiceDocument } from './invoice-model';
import { A4, type PageCanvas } from './page-canvas';
import { lineCells, lineHeader, money } from './printed-text';

export interface TableStyle {
  x: number;
  width: number;
  size: number;
  grid: boolean;
  headerFill: string | null;
  showTaxRate: boolean;
  /** Where a page ends for the table; past it the table continues on a new page. */
  bottom: number;
  /** Top of the table on continuation pages. */
  continuationTop: number;
  /** Print "carried forward" subtotals at page breaks (multi-page invoices). */
  carryForward: boolean;
}

/** A plain table across the page between equal margins, ending 150 pt above the page foot; override what differs. */
export function fullWidthTable(margin: number, overrides: Partial<TableStyle> = {}): TableStyle {
  return {
    x: margin,
    width: A4.width - 2 * margin,
    size: 8.5,
    grid: false,
    headerFill: null,
    showTaxRate: false,
    bottom: A4.height - 150,
    continuationTop: 70,
    carryForward: false,
    ...overrides,
  };
}

/** Draws the line-item table from `top`, continuing on new pages; returns the y below it. */
export function drawLineTable(canvas: PageCanvas, document: InvoiceDocument, top: number, style: TableStyle): number {
  const fractions = style.showTaxRate ? [0.5, 0.1, 0.15, 0.15, 0.1] : [0.56, 0.12, 0.16, 0.16];
  const widths = fractions.map((fraction) => fraction * style.width);
  const lefts = widths.map((_, index) => style.x + widths.slice(0, index).reduce((sum, width) => sum + width, 0));
  const rowHeight = style.size + 6;
  const header = lineHeader(document).slice(0, widths.length);

  const drawRow = (cells: string[], y: number, bold: boolean): number => {
    let height = rowHeight;
    cells.forEach((cell, index) => {
      const align = index === 0 ? 'left' : 'right';
      const bottom = canvas.text(cell, lefts[index] + 3, y + 3, { size: style.size, bold, width: widths[index] - 6, align });
      height = Math.max(height, bottom - y + 2);
    });
    if (style.grid) {
      canvas.box(style.x, y, style.width, height);
      lefts.slice(1).forEach((left) => canvas.line(left, y, left, y + height));
    }
    return y + height;
  };
  const drawHeader = (y: number): number => {
    if (style.headerFill) canvas.box(style.x, y, style.width, rowHeight, { fill: style.headerFill });
    const below = drawRow(header, y, true);
    if (!style.grid) canvas.line(style.x, below, style.x + style.width, below, 0.8);
    return below + 2;
  };

  let y = drawHeader(top);
  let running = new Decimal(0);
  for (const line of document.lines) {
    if (y + rowHeight * 2 > style.bottom) {
      if (style.carryForward) {
        canvas.text(`${document.labelChoice('carriedForward')}: ${money(document, running, false)}`, style.x, y + 4, { size: style.size, bold: true, width: style.width, align: 'right' });
      }
      canvas.addPage();
      y = style.continuationTop;
      canvas.text(`${document.invoiceNumber} (${document.labelChoice('continued')})`, style.x, y - 18, { size: style.size });
      if (style.carryForward) {
        canvas.text(`${document.labelChoice('carriedForward')}: ${money(document, running, false)}`, style.x, y, { size: style.size, bold: true, width: style.width, align: 'right' });
        y += rowHeight + 2;
      }
      y = drawHeader(y);
    }
    y = drawRow(lineCells(document, line).slice(0, widths.length), y, false);
    running = running.plus(line.amount);
  }
  return y + 6;
}
