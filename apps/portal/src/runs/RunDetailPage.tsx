import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { apiRequest } from '../api/client';
import type { RunDetail, StepExecution } from '../api/types';
import { useApi } from '../api/use-api';
import { useEventStream } from '../api/use-event-stream';
import { useSession } from '../auth/session';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatDateTime, formatDuration } from '../common/format';
import { StatusBadge } from '../common/StatusBadge';
import { useDebounced } from '../inbox/use-debounced';
import { timelineBars } from './timeline';

/** A run: its steps on a time axis (Gantt-style), each step's input, outputs, error and events; retry, cancel. */
export function RunDetailPage() {
  const { runId } = useParams();
  const session = useSession();
  const run = useApi<RunDetail>(`/api/runs/${runId}`);
  const [selected, setSelected] = useState<string>();
  const [error, setError] = useState<unknown>();
  const reloadSoon = useDebounced(run.reload, 200);
  useEventStream(`/api/live/runs?ids=${runId}`, 'run', reloadSoon);
  const timeline = useMemo(() => timelineBars(run.data?.steps ?? [], Date.now()), [run.data]);
  const canAct = session.hasRole('admin', 'accountant');

  async function act(action: 'retry' | 'cancel') {
    setError(undefined);
    try {
      await apiRequest(`/api/runs/${runId}/${action}`, { method: 'POST' });
      run.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  if (run.error) return <ErrorNotice error={run.error} />;
  if (!run.data) return <p aria-busy="true">Loading the run…</p>;
  const detail = run.data;
  const step: StepExecution | undefined = detail.steps.find((candidate) => candidate.id === selected);
  return (
    <section aria-labelledby="run-heading">
      <p>
        <Link to="/runs">← Runs</Link>
      </p>
      <h1 id="run-heading">
        Run {detail.id.slice(0, 8)} <StatusBadge status={detail.status} />
      </h1>
      <p className="muted">
        <Link to={`/workflows/${detail.workflowId}`}>{detail.workflowId}</Link> r{detail.revision} · started {formatDateTime(detail.createdAt)}
        {detail.startedBy ? ` by ${detail.startedBy}` : ''}
        {detail.finishedAt ? ` · took ${formatDuration(new Date(detail.finishedAt).getTime() - new Date(detail.createdAt).getTime())}` : ''}
      </p>
      {canAct && (
        <div role="group" className="editor-actions">
          <button type="button" className="secondary" disabled={detail.status !== 'failed'} onClick={() => void act('retry')}>
            Retry
          </button>
          <button type="button" className="danger outline" disabled={['succeeded', 'failed', 'cancelled'].includes(detail.status)} onClick={() => void act('cancel')}>
            Cancel
          </button>
        </div>
      )}
      <ErrorNotice error={error} />
      {detail.error && (
        <p className="error-text">
          <code>{detail.error.code}</code> {detail.error.message}
        </p>
      )}
      <h2>Timeline</h2>
      <p className="muted">{formatDuration(timeline.spanMs)} from the first step queued to the last step finished</p>
      <ol className="gantt" aria-label="Steps on a time axis">
        {timeline.bars.map((bar) => (
          <li key={bar.key}>
            <button type="button" className={`gantt-label secondary outline${selected === bar.key ? ' selected' : ''}`} onClick={() => setSelected(bar.key)} aria-pressed={selected === bar.key}>
              {bar.label}
            </button>
            <div className="gantt-track">
              <span className="gantt-queued" style={{ left: `${bar.queuedAt * 100}%`, width: `${Math.max(0, bar.start - bar.queuedAt) * 100}%` }} />
              <span className={`gantt-bar badge-${bar.status}`} style={{ left: `${bar.start * 100}%`, width: `${Math.max(0.5, (bar.end - bar.start) * 100)}%` }} title={`${bar.status}${bar.durationMs !== undefined ? `, ${formatDuration(bar.durationMs)}` : ''}`} />
            </div>
            <span className="gantt-status">
              {bar.status}
              {bar.durationMs !== undefined ? ` · ${formatDuration(bar.durationMs)}` : ''}
            </span>
          </li>
        ))}
      </ol>
      {step && (
        <article aria-label={`Step ${step.stepId}`}>
          <header>
            <strong>{step.stepId}</strong> <StatusBadge status={step.status} /> attempt {step.attempt}
            {step.skipReason ? ` · skipped: ${step.skipReason}` : ''}
          </header>
          {step.error && (
            <p className="error-text">
              <code>{step.error.code}</code> {step.error.message}
            </p>
          )}
          <details open>
            <summary>Input</summary>
            <pre>{JSON.stringify(step.input ?? null, null, 2)}</pre>
          </details>
          <details open>
            <summary>Outputs</summary>
            <pre>{JSON.stringify(step.outputs ?? null, null, 2)}</pre>
          </details>
          <details>
            <summary>Log</summary>
            <ul>
              {detail.events
                .filter((event) => event.stepId === step.stepId)
                .map((event) => (
                  <li key={event.id}>
                    {formatDateTime(event.at)} <code>{event.type}</code> {event.actor} {event.data ? JSON.stringify(event.data) : ''}
                  </li>
                ))}
            </ul>
          </details>
        </article>
      )}
      <details>
        <summary>Inputs of the run</summary>
        <pre>{JSON.stringify(detail.inputs, null, 2)}</pre>
      </details>
    </section>
  );
}
