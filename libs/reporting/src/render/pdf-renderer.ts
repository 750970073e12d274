import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import type { ReportColumn, ReportRow, ReportTable, RenderableReport } from '../report-model';
import { drawBarChart } from './bar-chart';
import { cellText } from './cell-text';

const MARGIN = 36;
const CHART_HEIGHT = 170;
const BOLD = { src: 'Helvetica-Bold' };

/**
 * PDF with pdfkit: title and parameters, a bar chart per chart spec, the summary tables and, for reports
 * that show them, the first detail rows (the full list is what CSV and XLSX are for). The detail rows are
 * read to the end either way, since the summary is complete only then. Standard PDF fonts (Helvetica):
 * text outside Latin-1 is not shown faithfully.
 */
export async function renderPdf(report: RenderableReport, out: Writable): Promise<void> {
  const shown: ReportRow[] = [];
  let detailCount = 0;
  for await (const row of report.detail.rows) {
    if (row.kind === 'item') detailCount += 1;
    if (shown.length < report.pdfDetailRows) shown.push(row);
  }
  const summary = report.summary();
  // The document is opened once the rows are read: a source failing midway leaves nothing half-written behind.
  const doc = new PDFDocument({
    size: 'A4', layout: 'landscape', margin: MARGIN, bufferPages: false,
    info: { Title: report.title, Author: 'Conveyor', CreationDate: report.generatedAt, ModDate: report.generatedAt },
  });
  const done = finished(out);
  doc.pipe(out);
  const contentWidth = doc.page.width - 2 * MARGIN;

  doc.font('Helvetica-Bold').fontSize(16).text(report.title);
  doc.font('Helvetica').fontSize(9).fillColor('#333');
  for (const line of report.subtitle) doc.text(line);
  doc.text(`Generated ${report.generatedAt.toISOString()}`).fillColor('#000').moveDown();

  for (const chart of summary.charts) {
    if (doc.y + CHART_HEIGHT > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    drawBarChart(doc, chart, MARGIN, top, contentWidth, CHART_HEIGHT);
    doc.x = MARGIN;
    doc.y = top + CHART_HEIGHT + 14;
  }
  for (const table of summary.tables) drawTable(doc, table);
  if (report.pdfDetailRows > 0) {
    const note = detailCount > shown.filter((row) => row.kind === 'item').length
      ? ` (the first ${shown.length} rows of ${detailCount}; CSV and XLSX hold all of them)` : '';
    drawTable(doc, { title: `${report.detail.title}${note}`, columns: report.detail.columns, rows: shown });
  }
  doc.end();
  await done;
}

function drawTable(doc: PDFKit.PDFDocument, table: ReportTable): void {
  if (doc.y > doc.page.height - MARGIN - 60) doc.addPage();
  doc.x = MARGIN;
  doc.font('Helvetica-Bold').fontSize(11).text(table.title).moveDown(0.3);
  if (table.rows.length === 0) {
    doc.font('Helvetica').fontSize(9).text('None.').moveDown();
    return;
  }
  const totalWidth = table.columns.reduce((sum, column) => sum + weight(column), 0);
  const contentWidth = doc.page.width - 2 * MARGIN;
  const pdfTable = doc.font('Helvetica').fontSize(8).table({
    columnStyles: table.columns.map((column) => ({
      width: (contentWidth * weight(column)) / totalWidth,
      align: { x: column.kind === 'money' || column.kind === 'integer' ? 'right' : 'left', y: 'center' },
    })),
    defaultStyle: { border: 0.3, borderColor: '#999999', padding: [2, 3, 2, 3] },
  });
  pdfTable.row(table.columns.map((column) => ({ text: column.header, font: BOLD, backgroundColor: '#e8eef5', type: 'TH' })));
  for (const row of table.rows) {
    const bold = row.kind !== 'item';
    // Plain strings where nothing is special: pdfkit merges a style object per cell otherwise.
    pdfTable.row(table.columns.map((column) => (bold ? { text: cellText(column, row, true), font: BOLD } : cellText(column, row, true))));
  }
  pdfTable.end();
  doc.x = MARGIN;
  doc.moveDown();
}

function weight(column: ReportColumn): number {
  return column.width ?? (column.kind === 'money' ? 1.1 : 1);
}
