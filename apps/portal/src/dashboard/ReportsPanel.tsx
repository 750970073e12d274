import { useState, type FormEvent } from 'react';
import { apiRequest } from '../api/client';
import { useApi } from '../api/use-api';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatBytes, formatDateTime } from '../common/format';
import { StatusBadge } from '../common/StatusBadge';

interface ReportView {
  id: string;
  type: string;
  format: string;
  status: string;
  fileName: string;
  sizeBytes: number | null;
  createdAt: string;
  downloadUrl: string | null;
  error: { message: string } | null;
}

const REPORT_TYPES = ['ap-aging', 'vendor-statement', 'exceptions', 'audit-extract', 'reconciliation-summary', 'process-figures'];

/** Reports to generate (CSV, XLSX, PDF) and download. */
export function ReportsPanel() {
  const reports = useApi<{ items: ReportView[] }>('/api/reports?limit=20');
  const [type, setType] = useState(REPORT_TYPES[0]);
  const [format, setFormat] = useState('csv');
  const [error, setError] = useState<unknown>();

  async function generate(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      await apiRequest('/api/reports', { method: 'POST', body: { type, format, parameters: {} } });
      reports.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <article aria-labelledby="reports-heading">
      <header id="reports-heading">Reports</header>
      <form className="filters" onSubmit={generate}>
        <label>
          Report
          <select value={type} onChange={(event) => setType(event.target.value)}>
            {REPORT_TYPES.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          Format
          <select value={format} onChange={(event) => setFormat(event.target.value)}>
            <option>csv</option>
            <option>xlsx</option>
            <option>pdf</option>
          </select>
        </label>
        <button type="submit">Generate</button>
      </form>
      <ErrorNotice error={error ?? reports.error} />
      <ul>
        {(reports.data?.items ?? []).map((report) => (
          <li key={report.id}>
            {report.downloadUrl ? <a href={report.downloadUrl}>{report.fileName}</a> : report.fileName} <StatusBadge status={report.status} />{' '}
            <small className="muted">
              {formatDateTime(report.createdAt)}
              {report.sizeBytes !== null ? ` · ${formatBytes(report.sizeBytes)}` : ''}
              {report.error ? ` · ${report.error.message}` : ''}
            </small>
          </li>
        ))}
      </ul>
    </article>
  );
}
