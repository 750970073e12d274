import { useState } from 'react';
import { query } from '../api/client';
import type { DocumentView, Page } from '../api/types';
import { useApi } from '../api/use-api';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatBytes, formatDateTime } from '../common/format';
import { StatusBadge } from '../common/StatusBadge';

const STATUSES = ['', 'received', 'stored', 'rejected', 'duplicate'];

/**
 * Documents, newest first, by status, 50 to a page. The documents API filters by status and uploader today;
 * the name search filters the page shown (vendor, number and amount filters wait for the extraction index).
 */
export function DocumentsPage() {
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const documents = useApi<Page<DocumentView>>(`/api/documents${query({ status, limit: 50, cursor: cursors.at(-1) })}`);
  const items = (documents.data?.items ?? []).filter((document) => document.fileName.toLowerCase().includes(search.toLowerCase()));
  return (
    <section aria-labelledby="documents-heading">
      <h1 id="documents-heading">Documents</h1>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label>
          File name contains
          <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </label>
        <label>
          Status
          <select value={status} onChange={(event) => { setStatus(event.target.value); setCursors([]); }}>
            {STATUSES.map((name) => (
              <option key={name} value={name}>
                {name || 'all'}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ErrorNotice error={documents.error} />
      <div className="overflow-auto">
        <table className="striped">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Status</th>
              <th scope="col">Type</th>
              <th scope="col">Size</th>
              <th scope="col">Uploaded</th>
            </tr>
          </thead>
          <tbody>
            {items.map((document) => (
              <tr key={document.id}>
                <td>
                  <a href={`/api/documents/${document.id}/content`}>{document.fileName}</a>
                  {document.error && <div className="error-text">{document.error.message}</div>}
                </td>
                <td>
                  <StatusBadge status={document.status} />
                </td>
                <td>{document.mediaType ?? '—'}</td>
                <td>{formatBytes(document.size)}</td>
                <td>
                  {formatDateTime(document.uploadedAt)} <small className="muted">{document.uploadedBy}</small>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="pager">
        <button type="button" className="secondary outline" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
          Newer
        </button>
        <button type="button" className="secondary outline" disabled={!documents.data?.nextCursor} onClick={() => setCursors([...cursors, documents.data!.nextCursor!])}>
          Older
        </button>
      </nav>
    </section>
  );
}
