import { useState } from 'react';
import { apiRequest } from '../api/client';
import { useApi } from '../api/use-api';
import { useSession } from '../auth/session';
import { ErrorNotice } from '../common/ErrorNotice';
import { StatusBadge } from '../common/StatusBadge';
import { LinkByHand } from './LinkByHand';
import { StatementImport } from './StatementImport';
import type { BankLine, OpenItem, ReconciliationException, Suggestion } from './types';

/** Bank lines against open items: suggested matches with their reasons to accept or reject, linking by hand, findings. */
export function ReconciliationPage() {
  const session = useSession();
  const canDecide = session.hasRole('accountant', 'admin');
  const suggestions = useApi<{ items: Suggestion[] }>('/api/reconciliation/suggestions?limit=50');
  const unmatched = useApi<{ items: BankLine[] }>('/api/bank-transactions?state=unmatched&limit=50');
  const openItems = useApi<{ items: OpenItem[] }>('/api/open-items?status=open&limit=100');
  const findings = useApi<{ items: ReconciliationException[] }>('/api/reconciliation/exceptions?status=open&limit=50');
  const [linking, setLinking] = useState<string>();
  const [error, setError] = useState<unknown>();

  const reloadAll = () => {
    suggestions.reload();
    unmatched.reload();
    openItems.reload();
    findings.reload();
  };

  async function post(path: string, body: unknown) {
    setError(undefined);
    try {
      await apiRequest(path, { method: 'POST', body });
      reloadAll();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section aria-labelledby="reconciliation-heading">
      <h1 id="reconciliation-heading">Reconciliation</h1>
      {canDecide && <StatementImport onImported={reloadAll} />}
      {canDecide && (
        <button type="button" className="secondary" onClick={() => void post('/api/reconciliation/run', {})}>
          Reconcile unmatched lines now
        </button>
      )}
      <ErrorNotice error={error ?? suggestions.error ?? unmatched.error} />

      <h2>Suggested matches</h2>
      {(suggestions.data?.items ?? []).length === 0 && <p className="muted">No suggestion waits for a decision.</p>}
      <ul className="task-list">
        {(suggestions.data?.items ?? []).map((suggestion) => (
          <li key={suggestion.id} className="task-card" data-testid="suggestion">
            <p>
              <strong>
                {suggestion.transaction?.amount} {suggestion.transaction?.currency}
              </strong>{' '}
              from {suggestion.transaction?.counterpartyName ?? '?'} on {suggestion.transaction?.bookingDate ?? '?'} · “{suggestion.transaction?.reference ?? ''}”
            </p>
            <p>
              → {suggestion.openItems.map((item) => `${item.vendorName ?? '?'} ${item.invoiceNumber ?? ''} (${item.amountOpen} ${item.currency} open)`).join(', ')} · score{' '}
              {Math.round(suggestion.score * 100)}%
            </p>
            <ul className="evidence" aria-label="Reasons">
              {suggestion.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            {canDecide && (
              <div className="decision-bar">
                <button type="button" onClick={() => void post(`/api/reconciliation/matches/${suggestion.id}/confirm`, {})}>
                  Accept
                </button>
                <button type="button" className="danger outline" onClick={() => void post(`/api/reconciliation/matches/${suggestion.id}/reject`, {})}>
                  Reject
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>

      <h2>Unmatched bank lines</h2>
      <div className="overflow-auto">
        <table className="striped">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Amount</th>
              <th scope="col">Counterparty</th>
              <th scope="col">Reference</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {(unmatched.data?.items ?? []).map((line) => (
              <tr key={line.id} data-testid="bank-line">
                <td>{line.bookingDate ?? line.valueDate}</td>
                <td>
                  {line.amount} {line.currency}
                </td>
                <td>{line.counterpartyName}</td>
                <td>{line.reference ?? line.description}</td>
                <td>
                  {canDecide && (
                    <button type="button" className="secondary outline small" aria-expanded={linking === line.id} onClick={() => setLinking(linking === line.id ? undefined : line.id)}>
                      Link by hand
                    </button>
                  )}
                  {linking === line.id && (
                    <LinkByHand
                      line={line}
                      openItems={openItems.data?.items ?? []}
                      onLinked={() => {
                        setLinking(undefined);
                        reloadAll();
                      }}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Findings</h2>
      {(findings.data?.items ?? []).length === 0 && <p className="muted">No open finding.</p>}
      <ul className="evidence">
        {(findings.data?.items ?? []).map((finding) => (
          <li key={finding.id}>
            <code>{finding.code}</code> <StatusBadge status={finding.status} /> {finding.message ?? ''}
            {canDecide && (
              <button
                type="button"
                className="secondary outline small"
                onClick={() => {
                  const resolution = window.prompt('How was it resolved?');
                  if (resolution) void post(`/api/reconciliation/exceptions/${finding.id}/resolve`, { resolution });
                }}
              >
                Resolve
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
