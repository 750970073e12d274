import type { ReportRecord } from '@conveyor/reporting';

/** A report as the API shows it: its parameters, status and file, never the store's internal key. */
export interface ReportView {
  id: string;
  type: string;
  format: string;
  parameters: Record<string, unknown>;
  status: string;
  fileName: string;
  sizeBytes: number | null;
  sha256: string | null;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
  error: { code: string; message: string } | null;
  downloadUrl: string | null;
}

export function toReportView(report: ReportRecord): ReportView {
  return {
    id: report.id, type: report.type, format: report.format, parameters: report.parameters, status: report.status, fileName: report.fileName,
    sizeBytes: report.sizeBytes, sha256: report.sha256, createdBy: report.createdBy, createdAt: report.createdAt.toISOString(),
    finishedAt: report.finishedAt?.toISOString() ?? null, error: report.error,
    downloadUrl: report.status === 'succeeded' ? `/api/reports/${report.id}/download` : null,
  };
}
