import { Navigate, Route, Routes } from 'react-router';
import type { Role } from './api/types';
import { SignInPage } from './auth/SignInPage';
import { useSession } from './auth/session';
import { DashboardPage } from './dashboard/DashboardPage';
import { DocumentsPage } from './documents/DocumentsPage';
import { InboxPage } from './inbox/InboxPage';
import { AppLayout } from './layout/AppLayout';
import { homeFor, NAVIGATION } from './layout/navigation';
import { ReconciliationPage } from './reconciliation/ReconciliationPage';
import { ReviewPage } from './review/ReviewPage';
import { RunDetailPage } from './runs/RunDetailPage';
import { RunsPage } from './runs/RunsPage';
import { UploadPage } from './upload/UploadPage';
import { WorkflowEditorPage } from './workflows/WorkflowEditorPage';
import { WorkflowsPage } from './workflows/WorkflowsPage';

function rolesFor(path: string): readonly Role[] {
  return NAVIGATION.find((item) => item.path === path)?.roles ?? [];
}

/** Sign-in first; then the screens the person's roles open (others go home). */
export function App() {
  const session = useSession();
  if (session.state === 'loading') return <p aria-busy="true">Loading…</p>;
  if (session.state === 'signed-out' || !session.me) return <SignInPage />;
  const roles = session.me.roles;
  const allowed = (path: string) => rolesFor(path).some((role) => roles.includes(role));
  const home = homeFor(roles);
  const guard = (path: string, element: React.ReactElement) => (allowed(path) ? element : <Navigate to={home} replace />);
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to={home} replace />} />
        <Route path="upload" element={guard('/upload', <UploadPage />)} />
        <Route path="inbox" element={guard('/inbox', <InboxPage />)} />
        <Route path="inbox/:taskId" element={guard('/inbox', <ReviewPage />)} />
        <Route path="documents" element={guard('/documents', <DocumentsPage />)} />
        <Route path="runs" element={guard('/runs', <RunsPage />)} />
        <Route path="runs/:runId" element={guard('/runs', <RunDetailPage />)} />
        <Route path="reconciliation" element={guard('/reconciliation', <ReconciliationPage />)} />
        <Route path="workflows" element={guard('/workflows', <WorkflowsPage />)} />
        <Route path="workflows/:workflowId" element={guard('/workflows', <WorkflowEditorPage />)} />
        <Route path="dashboard" element={guard('/dashboard', <DashboardPage />)} />
        <Route path="*" element={<Navigate to={home} replace />} />
      </Route>
    </Routes>
  );
}
