import { useMemo } from 'react';
import type { Page, TaskView } from '../api/types';
import { useApi } from '../api/use-api';
import { ErrorNotice } from '../common/ErrorNotice';
import { useSession } from '../auth/session';
import { ProcessFiguresView, type ProcessFiguresData } from './ProcessFiguresView';
import { ReportsPanel } from './ReportsPanel';

/**
 * How fast and how well the back office ran over the last 30 days (GET /api/figures/process, days in the
 * browser's time zone), the caller's open tasks, and the reports to generate and download.
 */
export function DashboardPage() {
  const session = useSession();
  const seesFigures = session.hasRole('accountant', 'approver', 'auditor', 'admin');
  const timeZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', []);
  const figures = useApi<ProcessFiguresData>(seesFigures ? `/api/figures/process?timeZone=${encodeURIComponent(timeZone)}` : null);
  const tasks = useApi<Page<TaskView>>('/api/tasks?limit=200');
  return (
    <section aria-labelledby="dashboard-heading">
      <h1 id="dashboard-heading">Dashboard</h1>
      <ErrorNotice error={figures.error} />
      <p>My open tasks: <strong>{tasks.data?.items.length ?? '—'}</strong></p>
      {figures.data && <ProcessFiguresView figures={figures.data} />}
      {session.hasRole('accountant', 'admin', 'auditor') && <ReportsPanel />}
    </section>
  );
}
