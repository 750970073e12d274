import { useMemo } from 'react';
import type { Page, RunSummary, TaskView } from '../api/types';
import { useApi } from '../api/use-api';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatDuration } from '../common/format';
import { useSession } from '../auth/session';
import { ReportsPanel } from './ReportsPanel';

/**
 * The figures the API gives today, over the newest 200 runs: runs by status, median cycle time and the
 * open tasks (the process-metrics API, in progress elsewhere, will replace these counts); reports to download.
 */
export function DashboardPage() {
  const session = useSession();
  const runs = useApi<Page<RunSummary>>('/api/runs?limit=200');
  const tasks = useApi<Page<TaskView>>('/api/tasks?limit=200');
  const figures = useMemo(() => {
    const items = runs.data?.items ?? [];
    const byStatus = new Map<string, number>();
    for (const run of items) byStatus.set(run.status, (byStatus.get(run.status) ?? 0) + 1);
    const durations = items.filter((run) => run.finishedAt).map((run) => new Date(run.finishedAt!).getTime() - new Date(run.createdAt).getTime()).sort((a, b) => a - b);
    return { byStatus: [...byStatus.entries()], median: durations.length ? durations[Math.floor(durations.length / 2)] : undefined, total: items.length };
  }, [runs.data]);
  const largest = Math.max(1, ...figures.byStatus.map(([, count]) => count));
  return (
    <section aria-labelledby="dashboard-heading">
      <h1 id="dashboard-heading">Dashboard</h1>
      <ErrorNotice error={runs.error} />
      <div className="grid">
        <article>
          <header>Runs by status (newest {figures.total})</header>
          <ul className="bars" aria-label="Runs by status">
            {figures.byStatus.map(([status, count]) => (
              <li key={status}>
                <span className="bar-label">{status}</span>
                <span className={`bar badge-${status}`} style={{ width: `${(count / largest) * 100}%` }} />
                <span>{count}</span>
              </li>
            ))}
          </ul>
        </article>
        <article>
          <header>Median cycle time</header>
          <p className="figure">{figures.median !== undefined ? formatDuration(figures.median) : '—'}</p>
        </article>
        <article>
          <header>My open tasks</header>
          <p className="figure">{tasks.data?.items.length ?? '—'}</p>
        </article>
      </div>
      {session.hasRole('accountant', 'admin', 'auditor') && <ReportsPanel />}
    </section>
  );
}
