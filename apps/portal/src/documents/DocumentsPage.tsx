import { useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { DocumentPage } from '../api/types';
import { useApi } from '../api/use-api';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatBytes, formatDateTime } from '../common/format';
import { Pagination } from '../common/Pagination';
import { StatusBadge } from '../common/StatusBadge';
import { StatusFilter } from '../common/StatusFilter';
import { useDebounced } from '../inbox/use-debounced';
import { apiQuery, normaliseAmount, PAGE_SIZE, readSearch, SORT_OPTIONS, writeSearch, type DocumentSearchState, type SearchKey } from './document-search';

const STATUSES = ['received', 'stored', 'rejected', 'duplicate'];
/** Typing settles before the list reloads: one request per pause, not per key. */
const TYPING_PAUSE_MS = 350;
const TYPED: SearchKey[] = ['q', 'vendor', 'invoiceNumber', 'amountMin', 'amountMax'];

/**
 * Documents, searched on the server by vendor, invoice number, status, amount and dates, a page at a time.
 * The search lives in the address bar, so a copied link opens the same search on the same page.
 */
export function DocumentsPage() {
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  // What is typed shows at once; it reaches the URL (and the API) after a pause.
  const [draft, setDraft] = useState<Partial<Record<SearchKey, string>>>(() => pick(search, TYPED));
  const urlTyped = JSON.stringify(pick(search, TYPED));
  useEffect(() => setDraft(JSON.parse(urlTyped) as Partial<Record<SearchKey, string>>), [urlTyped]);

  const update = (changes: Partial<DocumentSearchState>) => setParams(writeSearch({ ...readSearch(params), page: 1, ...changes }), { replace: true });
  const commitTyping = useDebounced(() => update(draft), TYPING_PAUSE_MS);
  const type = (key: SearchKey, value: string) => {
    setDraft((previous) => ({ ...previous, [key]: value }));
    commitTyping();
  };

  const documents = useApi<DocumentPage>(`/api/documents${apiQuery(search)}`);
  const total = documents.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = (search.page - 1) * PAGE_SIZE + 1;
  const shown = documents.data?.items.length ?? 0;
  const filtered = Object.keys(search).some((key) => key !== 'page' && key !== 'sort');

  return (
    <section aria-labelledby="documents-heading">
      <h1 id="documents-heading">Documents</h1>
      <form className="filters document-filters" role="search" aria-label="Search documents" onSubmit={(event) => event.preventDefault()}>
        <TextFilter label="Vendor" value={draft.vendor} onChange={(value) => type('vendor', value)} />
        <TextFilter label="Invoice number" value={draft.invoiceNumber} onChange={(value) => type('invoiceNumber', value)} />
        <TextFilter label="Any text (file, vendor, number)" value={draft.q} onChange={(value) => type('q', value)} />
        <StatusFilter statuses={STATUSES} value={search.status ?? ''} onChange={(status) => update({ status })} />
        <AmountFilter label="Amount from" value={draft.amountMin} onChange={(value) => type('amountMin', value)} />
        <AmountFilter label="Amount to" value={draft.amountMax} onChange={(value) => type('amountMax', value)} />
        <DateFilter label="Issued from" value={search.issueDateFrom} onChange={(value) => update({ issueDateFrom: value })} />
        <DateFilter label="Issued to" value={search.issueDateTo} onChange={(value) => update({ issueDateTo: value })} />
        <DateFilter label="Uploaded from" value={search.uploadedFrom} onChange={(value) => update({ uploadedFrom: value })} />
        <DateFilter label="Uploaded to" value={search.uploadedTo} onChange={(value) => update({ uploadedTo: value })} />
        <label>
          Sort by
          <select value={search.sort ?? '-uploadedAt'} onChange={(event) => update({ sort: event.target.value === '-uploadedAt' ? '' : event.target.value })}>
            {SORT_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        {filtered && (
          <button type="button" className="secondary outline clear-filters" onClick={() => setParams(writeSearch({ page: 1, sort: search.sort }), { replace: true })}>
            Clear filters
          </button>
        )}
      </form>
      <ErrorNotice error={documents.error} />
      <p role="status" aria-live="polite" className="muted" aria-busy={documents.loading}>
        {documents.data
          ? total === 0
            ? 'No documents match.'
            : shown === 0
              ? `Page ${search.page} is past the last page (${pageCount}) of ${total} documents`
              : `Showing ${first}–${first + shown - 1} of ${total} document${total === 1 ? '' : 's'}`
          : documents.loading
            ? 'Searching…'
            : ''}
      </p>
      <div className="overflow-auto">
        <table className="striped documents-table">
          <caption className="visually-hidden">Documents matching the search, page {search.page} of {pageCount}</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Vendor</th>
              <th scope="col">Invoice number</th>
              <th scope="col">Issued</th>
              <th scope="col">Total</th>
              <th scope="col">Status</th>
              <th scope="col">Uploaded</th>
            </tr>
          </thead>
          <tbody>
            {(documents.data?.items ?? []).map((document) => (
              <tr key={document.id} data-testid="document-row">
                <td data-label="File">
                  <div>
                    <a href={`/api/documents/${document.id}/content`}>{document.fileName}</a>
                    {document.error && <div className="error-text">{document.error.message}</div>}
                    <small className="muted"> {document.mediaType ?? '—'}, {formatBytes(document.size)}</small>
                  </div>
                </td>
                <td data-label="Vendor">
                  <div>
                    {document.invoice?.vendorName ?? '—'}
                    {document.invoice?.confirmed && <small className="muted"> (confirmed)</small>}
                  </div>
                </td>
                <td data-label="Invoice number">{document.invoice?.invoiceNumber ?? '—'}</td>
                <td data-label="Issued">{document.invoice?.issueDate ?? '—'}</td>
                <td data-label="Total" className="amount">
                  {document.invoice?.totalGross ? `${document.invoice.totalGross} ${document.invoice.currency ?? ''}`.trim() : '—'}
                </td>
                <td data-label="Status">
                  <StatusBadge status={document.status} />
                </td>
                <td data-label="Uploaded">
                  <div>
                    {formatDateTime(document.uploadedAt)} <small className="muted">{document.uploadedBy}</small>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination label="Document pages" page={search.page} pageCount={pageCount} onPage={(page) => setParams(writeSearch({ ...search, page }))} />
    </section>
  );
}

function pick(search: DocumentSearchState, keys: SearchKey[]): Partial<Record<SearchKey, string>> {
  return Object.fromEntries(keys.flatMap((key) => (search[key] ? [[key, search[key]]] : [])));
}

function TextFilter({ label, value, onChange }: { label: string; value?: string; onChange(value: string): void }) {
  return (
    <label>
      {label}
      <input type="search" value={value ?? ''} onChange={(event) => onChange(event.target.value)} />
    </label>
  );
}

function AmountFilter({ label, value, onChange }: { label: string; value?: string; onChange(value: string): void }) {
  const hintId = useId();
  const invalid = Boolean(value?.trim()) && normaliseAmount(value ?? '') === undefined;
  return (
    <label>
      {label}
      <input
        type="text"
        inputMode="decimal"
        placeholder="e.g. 1190.50"
        value={value ?? ''}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? hintId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {invalid && (
        <small id={hintId} className="error-text">
          Enter an amount such as 1190.50; it is left out of the search until then.
        </small>
      )}
    </label>
  );
}

function DateFilter({ label, value, onChange }: { label: string; value?: string; onChange(value: string): void }) {
  return (
    <label>
      {label}
      <input type="date" value={value ?? ''} onChange={(event) => onChange(event.target.value)} />
    </label>
  );
}
