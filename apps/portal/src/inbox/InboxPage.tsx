import { useState } from 'react';
import { Link } from 'react-router';
import { apiRequest } from '../api/client';
import type { Page, TaskView } from '../api/types';
import { useApi } from '../api/use-api';
import { useEventStream } from '../api/use-event-stream';
import { useSession } from '../auth/session';
import { ErrorNotice } from '../common/ErrorNotice';
import { StatusBadge } from '../common/StatusBadge';
import { DecisionBar, type Decision } from './DecisionBar';
import { DueCountdown } from './DueCountdown';
import { useDebounced } from './use-debounced';
import { useNow } from './use-now';

interface BulkResult {
  taskId: string;
  ok: boolean;
  error?: { code: string; message: string };
}

function evidenceOf(task: TaskView): string[] {
  const issues = task.context['issues'];
  if (Array.isArray(issues)) return issues.map((issue) => `${(issue as { code?: string }).code}: ${(issue as { message?: string }).message ?? ''}`);
  const reason = task.context['reason'];
  return typeof reason === 'string' ? [reason] : [];
}

/** The tasks waiting for me: the exception, its code and evidence, decide one or many. */
export function InboxPage() {
  const session = useSession();
  const tasks = useApi<Page<TaskView>>('/api/tasks?limit=100');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const now = useNow();

  // A run that starts waiting (or stops) changes the inbox: reload when the live feed says so.
  const staff = session.hasRole('admin', 'accountant', 'approver', 'auditor');
  const reloadSoon = useDebounced(tasks.reload, 300);
  useEventStream(staff ? '/api/live/runs' : null, 'run', reloadSoon);

  const items = tasks.data?.items ?? [];

  async function decide(targets: TaskView[], decision: Decision) {
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    try {
      if (targets.length === 1) {
        await apiRequest(`/api/tasks/${targets[0].id}/decide`, { method: 'POST', body: { ...decision, expectedVersion: targets[0].version } });
        setMessage(`Decided: ${targets[0].title}`);
      } else {
        const { results } = await apiRequest<{ results: BulkResult[] }>('/api/tasks/decide', {
          method: 'POST',
          body: { items: targets.map((task) => ({ taskId: task.id, ...decision, expectedVersion: task.version })) },
        });
        const failed = results.filter((result) => !result.ok);
        setMessage(`${results.length - failed.length} decided${failed.length ? `, ${failed.length} refused: ${failed.map((result) => result.error?.message).join('; ')}` : ''}`);
      }
      setSelected(new Set());
      tasks.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const chosen = items.filter((task) => selected.has(task.id));
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section aria-labelledby="inbox-heading">
      <h1 id="inbox-heading">Inbox</h1>
      <ErrorNotice error={tasks.error ?? error} />
      {message && (
        <p role="status" className="success-text">
          {message}
        </p>
      )}
      {items.length > 0 && (
        <div className="bulk-bar">
          <label>
            <input
              type="checkbox"
              checked={chosen.length === items.length}
              onChange={(event) => setSelected(event.target.checked ? new Set(items.map((task) => task.id)) : new Set())}
            />
            Select all ({chosen.length} of {items.length} selected)
          </label>
          {chosen.length > 0 && <DecisionBar outcomes={['approve', 'reject', 'request-changes']} busy={busy} label={`${chosen.length} selected tasks`} onDecide={(decision) => void decide(chosen, decision)} />}
        </div>
      )}
      {tasks.loading && items.length === 0 && <p aria-busy="true">Loading tasks…</p>}
      {!tasks.loading && items.length === 0 && <p>Nothing waits for you.</p>}
      <ul className="task-list" aria-label="Tasks">
        {items.map((task) => (
          <li key={task.id} className="task-card" data-testid="task">
            <div className="task-head">
              <input type="checkbox" aria-label={`Select ${task.title}`} checked={selected.has(task.id)} onChange={() => toggle(task.id)} />
              <Link to={`/inbox/${task.id}`} className="task-title">
                {task.title}
              </Link>
              <StatusBadge status={task.status} />
            </div>
            <p className="muted">
              {task.workflowId} · step {task.stepId}
              {task.amount ? ` · ${task.amount} ${task.currency ?? ''}` : ''} · <DueCountdown dueAt={task.dueAt} now={now} />
            </p>
            {evidenceOf(task).length > 0 && (
              <ul className="evidence" aria-label="Evidence">
                {evidenceOf(task).map((line) => (
                  <li key={line}>
                    <code>{line.split(':')[0]}</code>
                    {line.slice(line.indexOf(':') + 1)}
                  </li>
                ))}
              </ul>
            )}
            <DecisionBar outcomes={task.outcomes} busy={busy} label={task.title} onDecide={(decision) => void decide([task], decision)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
