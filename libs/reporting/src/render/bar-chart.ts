import { groupedAmount } from '../grouped-amount';
import type { BarChartSpec } from '../report-model';

/** The pdfkit drawing calls the chart uses (a PDFKit.PDFDocument fits). */
type Canvas = PDFKit.PDFDocument;

const PALETTE = ['#2f6fb0', '#e08a2c', '#3f9e5a', '#b8433d', '#7a5aa6'];

/**
 * Draws a bar chart as PDF vector graphics with pdfkit: axis, gridlines, one bar per category and series,
 * and the exact amount above each bar. Why not an SVG chart library and svg-to-pdfkit: svg-to-pdfkit has
 * had no release since 2019, and a chart library would bring a DOM or a browser for four rectangles;
 * pdfkit's own drawing is maintained, vector, and keeps the amounts as selectable text.
 * Returns the height used.
 */
export function drawBarChart(doc: Canvas, chart: BarChartSpec, x: number, y: number, width: number, height: number): number {
  const titleHeight = 18;
  const labelHeight = 16;
  const plotTop = y + titleHeight + 12;
  const plotBottom = y + height - labelHeight;
  const plotHeight = plotBottom - plotTop;
  const values = chart.series.flatMap((series) => series.values);
  const maximum = values.reduce((max, value) => (value > max ? value : max), 0n);
  const minimum = values.reduce((min, value) => (value < min ? value : min), 0n);
  const span = maximum - minimum > 0n ? maximum - minimum : 1n;
  // Bar heights are only geometry: the fraction of the span, to 1/10000.
  const scale = (value: bigint) => (Number(((value - minimum) * 10_000n) / span) / 10_000) * plotHeight;
  const zeroY = plotBottom - scale(0n);

  doc.save();
  doc.font('Helvetica-Bold').fontSize(11).fillColor('#000').text(chart.title, x, y, { width, lineBreak: false });
  doc.lineWidth(0.5).strokeColor('#bbbbbb');
  for (let step = 0; step <= 4; step += 1) {
    const lineY = plotTop + (plotHeight * step) / 4;
    doc.moveTo(x, lineY).lineTo(x + width, lineY).stroke();
  }
  doc.strokeColor('#333333').moveTo(x, zeroY).lineTo(x + width, zeroY).stroke();

  const groupWidth = width / Math.max(chart.categories.length, 1);
  const barWidth = Math.min(60, (groupWidth * 0.7) / Math.max(chart.series.length, 1));
  chart.categories.forEach((category, categoryIndex) => {
    const groupX = x + categoryIndex * groupWidth;
    chart.series.forEach((series, seriesIndex) => {
      const value = series.values[categoryIndex] ?? 0n;
      const barX = groupX + (groupWidth - barWidth * chart.series.length) / 2 + seriesIndex * barWidth;
      const top = plotBottom - scale(value);
      const barTop = Math.min(top, zeroY);
      const barHeight = Math.max(Math.abs(zeroY - top), value === 0n ? 0 : 0.5);
      doc.rect(barX, barTop, barWidth, barHeight).fill(PALETTE[seriesIndex % PALETTE.length]);
      const label = chart.currency ? groupedAmount(value, chart.currency) : value.toString();
      doc.font('Helvetica').fontSize(7).fillColor('#000')
        .text(label, barX - 20, barTop - 10, { width: barWidth + 40, align: 'center', lineBreak: false });
    });
    doc.font('Helvetica').fontSize(8).fillColor('#000')
      .text(category, groupX, plotBottom + 4, { width: groupWidth, align: 'center', lineBreak: false });
  });
  doc.restore();
  return height;
}
