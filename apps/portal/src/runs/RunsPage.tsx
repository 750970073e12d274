import { useState } from 'react';
import { Link } from 'react-router';
import { query } from '../api/client';
import type { Page, RunChange, RunSummary, WorkflowSummary } from '../api/types';
import { useApi } from '../api/use-api';
import { useEventStream } from '../api/use-event-stream';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatDateTime, formatDuration } from '../common/format';
import { StatusBadge } from '../common/StatusBadge';
import { StatusFilter } from '../common/StatusFilter';

const STATUSES = ['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'];

export function RunsPage() {
  const [workflowId, setWorkflowId] = useState('');
  const [status, setStatus] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const runs = useApi<Page<RunSummary>>(`/api/runs${query({ workflowId, status, limit: 25, cursor })}`);
  const workflows = useApi<{ items: WorkflowSummary[] }>('/api/workflows');
  const [live, setLive] = useState<Record<string, RunChange>>({});
  useEventStream('/api/live/runs', 'run', (data) => {
    const change = data as RunChange;
    setLive((current) => ({ ...current, [change.runId]: change }));
  });
  const newRuns = Object.values(live).filter((change) => !cursor && !runs.data?.items.some((run) => run.id === change.runId) && runs.data && change.createdAt > (runs.data.items[0]?.createdAt ?? ''));

  return (
    <section aria-labelledby="runs-heading">
      <h1 id="runs-heading">Runs</h1>
      <form className="filters" onSubmit={(event) => event.preventDefault()} aria-label="Filters">
        <label>
          Workflow
          <select value={workflowId} onChange={(event) => { setWorkflowId(event.target.value); setCursors([]); }}>
            <option value="">all</option>
            {(workflows.data?.items ?? []).map((workflow) => (
              <option key={workflow.id} value={workflow.id}>
                {workflow.id}
              </option>
            ))}
          </select>
        </label>
        <StatusFilter statuses={STATUSES} value={status} onChange={(chosen) => { setStatus(chosen); setCursors([]); }} />
      </form>
      <ErrorNotice error={runs.error} />
      {newRuns.length > 0 && (
        <button type="button" className="secondary outline" onClick={() => { setLive({}); runs.reload(); }}>
          {newRuns.length} new run(s): show
        </button>
      )}
      <div className="overflow-auto">
        <table className="striped">
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Workflow</th>
              <th scope="col">Status</th>
              <th scope="col">Started</th>
              <th scope="col">Took</th>
            </tr>
          </thead>
          <tbody>
            {(runs.data?.items ?? []).map((run) => {
              const current = live[run.id]?.status ?? run.status;
              const finished = live[run.id]?.finishedAt ?? run.finishedAt;
              return (
                <tr key={run.id}>
                  <td>
                    <Link to={`/runs/${run.id}`}>{run.id.slice(0, 8)}</Link>
                  </td>
                  <td>
                    {run.workflowId} <small className="muted">r{run.revision}</small>
                  </td>
                  <td>
                    <StatusBadge status={current} />
                  </td>
                  <td>{formatDateTime(run.createdAt)}</td>
                  <td>{finished ? formatDuration(new Date(finished).getTime() - new Date(run.createdAt).getTime()) : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="pager">
        <button type="button" className="secondary outline" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
          Newer
        </button>
        <button type="button" className="secondary outline" disabled={!runs.data?.nextCursor} onClick={() => setCursors([...cursors, runs.data!.nextCursor!])}>
          Older
        </button>
      </nav>
    </section>
  );
}
