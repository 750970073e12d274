import type { RunChange } from '../api/types';
import { StatusBadge } from '../common/StatusBadge';

/** A document's workflow run as it happens: each step's status, then what was read. */
export function RunProgress({ run }: { run?: RunChange }) {
  if (!run) return <p className="muted">Waiting for the workflow to start…</p>;
  const values = run.extracted?.values ?? {};
  return (
    <div className="run-progress">
      <p>
        Workflow <code>{run.workflowId}</code> <StatusBadge status={run.status} />
      </p>
      <ol className="step-chips" aria-label="Steps">
        {run.steps.map((step) => (
          <li key={`${step.stepId}-${step.itemIndex ?? ''}`} className={`chip chip-${step.status}`}>
            {step.stepId}: {step.status}
            {step.errorCode ? ` (${step.errorCode})` : ''}
          </li>
        ))}
      </ol>
      {run.extracted && (
        <p className="extracted" data-testid="extracted">
          Read: invoice <strong>{String(values['invoiceNumber'] ?? '?')}</strong> from {String(values['vendorName'] ?? '?')}, total {String(values['totalGross'] ?? '?')}{' '}
          {String(values['currency'] ?? '')}
          {/* Warnings about informational fields (an unsure customer name) do not send an invoice to review: name them anyway. */}
          {run.extracted.needsReview
            ? ` — sent for review (${run.extracted.issueCodes.join(', ')})`
            : run.extracted.issueCodes.length > 0
              ? ` — no review needed (noted: ${run.extracted.issueCodes.join(', ')})`
              : ' — no issues'}
        </p>
      )}
      {run.error && <p className="error-text">{run.error.message}</p>}
    </div>
  );
}
