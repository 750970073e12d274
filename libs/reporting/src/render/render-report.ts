import type { Writable } from 'node:stream';
import type { RenderableReport, ReportFormat } from '../report-model';
import { renderCsv } from './csv-renderer';
import { renderPdf } from './pdf-renderer';
import { renderXlsx } from './xlsx-renderer';

export const FORMAT_MEDIA_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** Writes the report in the format to `out` and resolves once everything is written (and `out` ended). */
export function renderReport(report: RenderableReport, format: ReportFormat, out: Writable): Promise<void> {
  switch (format) {
    case 'csv':
      return renderCsv(report, out);
    case 'xlsx':
      return renderXlsx(report, out);
    case 'pdf':
      return renderPdf(report, out);
  }
}
