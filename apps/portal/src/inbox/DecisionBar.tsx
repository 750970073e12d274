import { useState } from 'react';
import type { TaskOutcome } from '../api/types';

export interface Decision {
  outcome: TaskOutcome;
  comment?: string;
}

const LABELS: Record<TaskOutcome, string> = { approve: 'Approve', reject: 'Reject', 'request-changes': 'Request changes' };

/**
 * Approve at once; reject and request changes ask for a reason first (the API refuses a rejection without one).
 */
export function DecisionBar({
  outcomes,
  onDecide,
  busy,
  label,
  blocked = [],
}: {
  outcomes: TaskOutcome[];
  onDecide: (decision: Decision) => void;
  busy?: boolean;
  label: string;
  /** Outcomes not possible right now (approving while a form field is invalid). */
  blocked?: TaskOutcome[];
}) {
  const [asking, setAsking] = useState<TaskOutcome>();
  const [reason, setReason] = useState('');
  if (asking) {
    return (
      <form
        className="decision-reason"
        onSubmit={(event) => {
          event.preventDefault();
          onDecide({ outcome: asking, comment: reason.trim() });
          setAsking(undefined);
          setReason('');
        }}
      >
        <label>
          {asking === 'reject' ? 'Reason for rejecting' : 'What should change'} ({label})
          <input autoFocus required value={reason} onChange={(event) => setReason(event.target.value)} />
        </label>
        <div role="group">
          <button type="submit" className={asking === 'reject' ? 'danger' : ''} disabled={busy || reason.trim() === ''}>
            {LABELS[asking]}
          </button>
          <button type="button" className="secondary" onClick={() => setAsking(undefined)}>
            Cancel
          </button>
        </div>
      </form>
    );
  }
  return (
    <div role="group" aria-label={`Decide ${label}`} className="decision-bar">
      {outcomes.map((outcome) => (
        <button
          key={outcome}
          type="button"
          disabled={busy || blocked.includes(outcome)}
          className={outcome === 'approve' ? '' : outcome === 'reject' ? 'danger outline' : 'secondary outline'}
          onClick={() => (outcome === 'approve' ? onDecide({ outcome }) : setAsking(outcome))}
        >
          {LABELS[outcome]}
        </button>
      ))}
    </div>
  );
}
