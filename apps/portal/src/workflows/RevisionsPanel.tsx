import { useState } from 'react';
import { apiRequest } from '../api/client';
import type { WorkflowRevision } from '../api/types';
import { useApi } from '../api/use-api';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatDateTime } from '../common/format';

/** Every revision, a diff between any two, and rolling back (publishes an old text as a new revision). */
export function RevisionsPanel({ workflowId, canRollBack, onRolledBack }: { workflowId: string; canRollBack: boolean; onRolledBack: () => void }) {
  const revisions = useApi<{ items: WorkflowRevision[] }>(`/api/workflows/${workflowId}/revisions`);
  const items = [...(revisions.data?.items ?? [])].sort((a, b) => b.revision - a.revision);
  const latest = items[0]?.revision ?? 1;
  const [from, setFrom] = useState<number>();
  const diffFrom = from ?? Math.max(1, latest - 1);
  const diff = useApi<{ unified: string }>(items.length > 1 ? `/api/workflows/${workflowId}/diff?from=${diffFrom}&to=${latest}` : null);
  const [error, setError] = useState<unknown>();

  async function rollBack(revision: number) {
    setError(undefined);
    try {
      await apiRequest(`/api/workflows/${workflowId}/rollback`, { method: 'POST', body: { revision } });
      revisions.reload();
      onRolledBack();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <div>
      <ErrorNotice error={revisions.error ?? error} />
      <ul className="revision-list">
        {items.map((revision) => (
          <li key={revision.revision}>
            <strong>r{revision.revision}</strong> {formatDateTime(revision.createdAt)} by {revision.createdBy}
            {revision.rolledBackFrom ? ` (rollback to r${revision.rolledBackFrom})` : ''}
            {canRollBack && revision.revision !== latest && (
              <button type="button" className="secondary outline small" onClick={() => void rollBack(revision.revision)}>
                Roll back to r{revision.revision}
              </button>
            )}
          </li>
        ))}
      </ul>
      {items.length > 1 && (
        <>
          <label>
            Compare with revision {latest} from
            <select value={diffFrom} onChange={(event) => setFrom(Number(event.target.value))}>
              {items
                .filter((revision) => revision.revision !== latest)
                .map((revision) => (
                  <option key={revision.revision} value={revision.revision}>
                    r{revision.revision}
                  </option>
                ))}
            </select>
          </label>
          <pre className="diff" aria-label="Differences">
            {(diff.data?.unified ?? '').split('\n').map((line, index) => (
              <span key={index} className={line.startsWith('+') && !line.startsWith('+++') ? 'diff-add' : line.startsWith('-') && !line.startsWith('---') ? 'diff-remove' : ''}>
                {line}
                {'\n'}
              </span>
            ))}
          </pre>
        </>
      )}
    </div>
  );
}
