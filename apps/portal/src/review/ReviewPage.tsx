import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, apiRequest } from '../api/client';
import type { ExtractOutputs, RunDetail, TaskDetail } from '../api/types';
import { useApi } from '../api/use-api';
import { ErrorNotice } from '../common/ErrorNotice';
import { StatusBadge } from '../common/StatusBadge';
import { DecisionBar, type Decision } from '../inbox/DecisionBar';
import { DueCountdown } from '../inbox/DueCountdown';
import { useNow } from '../inbox/use-now';
import { DocumentViewer, type Highlight } from './DocumentViewer';
import { FieldEditor } from './FieldEditor';
import { decisionData, fieldProblem, reviewFields } from './review-fields';

/** A task beside its document: the extracted fields, correctable in place, sent with the decision. */
export function ReviewPage() {
  const { taskId } = useParams();
  const navigate = useNavigate();
  const task = useApi<TaskDetail>(`/api/tasks/${taskId}`);
  const run = useApi<RunDetail>(task.data ? `/api/runs/${task.data.runId}` : null);
  const [edited, setEdited] = useState<Record<string, string>>({});
  const [highlight, setHighlight] = useState<Highlight>();
  const [page, setPage] = useState(1);
  const [pageCount, setPageCount] = useState(1);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const now = useNow();

  const outputs = useMemo(() => {
    const extract = run.data?.steps.filter((step) => step.stepId === 'extract' && step.status === 'succeeded').at(-1);
    return extract?.outputs as ExtractOutputs | undefined;
  }, [run.data]);
  const extractError = run.data?.steps.filter((step) => step.stepId === 'extract' && step.error).at(-1)?.error;
  const fields = useMemo(() => (task.data ? reviewFields(task.data, outputs) : []), [task.data, outputs]);
  const documentId = typeof task.data?.context['documentId'] === 'string' ? (task.data.context['documentId'] as string) : undefined;
  const onPageCount = useCallback((count: number) => setPageCount(count), []);

  function focus(name: string) {
    const field = fields.find((candidate) => candidate.name === name)?.extracted;
    if (!field) return setHighlight(undefined);
    setHighlight({ name, field });
    if (field.page) setPage(field.page);
  }

  const invalid = fields.some((field) => field.inForm && fieldProblem(field, edited[field.name] ?? field.value));

  /** Claim (so colleagues see someone is on it) or send a task whose changes were requested back to its approvers. */
  async function act(action: 'claim' | 'resubmit') {
    if (!task.data) return;
    setBusy(true);
    setError(undefined);
    try {
      const body = action === 'resubmit' ? { data: decisionData(task.data, fields, edited), ...(comment.trim() ? { comment: comment.trim() } : {}) } : undefined;
      await apiRequest(`/api/tasks/${task.data.id}/${action}`, { method: 'POST', body });
      if (action === 'resubmit') navigate('/inbox');
      else task.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function decide(decision: Decision) {
    if (!task.data) return;
    setBusy(true);
    setError(undefined);
    try {
      const data = decision.outcome === 'approve' ? decisionData(task.data, fields, edited) : {};
      const commentText = [decision.comment, comment.trim()].filter(Boolean).join(' — ');
      await apiRequest(`/api/tasks/${task.data.id}/decide`, {
        method: 'POST',
        body: { outcome: decision.outcome, data, ...(commentText ? { comment: commentText } : {}), expectedVersion: task.data.version },
      });
      navigate('/inbox', { state: { decided: task.data.title } });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  if (task.error) return <ErrorNotice error={task.error} />;
  if (!task.data) return <p aria-busy="true">Loading the task…</p>;
  const open = task.data.status === 'open' || task.data.status === 'changes-requested';
  return (
    <section aria-labelledby="review-heading" className="review">
      <p>
        <Link to="/inbox">← Inbox</Link>
      </p>
      <h1 id="review-heading">{task.data.title}</h1>
      <p className="muted">
        <StatusBadge status={task.data.status} /> {task.data.workflowId} · <DueCountdown dueAt={task.data.dueAt} now={now} />
        {task.data.amount ? ` · ${task.data.amount} ${task.data.currency ?? ''}` : ''}
      </p>
      {outputs && outputs.issues.length > 0 && (
        <ul className="evidence" aria-label="Issues found">
          {outputs.issues.map((issue) => (
            <li key={`${issue.code}-${issue.message}`} className={`issue-${issue.severity}`}>
              <code>{issue.code}</code> {issue.message}
            </li>
          ))}
        </ul>
      )}
      {extractError && (
        <p className="warning-text">
          The document could not be read automatically ({extractError.code}): {extractError.message}
        </p>
      )}
      <div className="review-grid">
        <div>
          {documentId ? <DocumentViewer documentId={documentId} highlight={highlight} page={page} onPageCount={onPageCount} /> : <p>This task names no document.</p>}
          {pageCount > 1 && (
            <nav aria-label="Pages" className="pager">
              <button type="button" className="secondary outline" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Previous page
              </button>
              <span>
                Page {page} of {pageCount}
              </span>
              <button type="button" className="secondary outline" disabled={page >= pageCount} onClick={() => setPage(page + 1)}>
                Next page
              </button>
            </nav>
          )}
        </div>
        <form
          aria-label="Extracted fields"
          className="review-fields"
          onSubmit={(event) => {
            event.preventDefault();
            void decide({ outcome: 'approve' });
          }}
          onMouseLeave={() => setHighlight(undefined)}
        >
          {run.error instanceof ApiError && run.error.status === 403 ? (
            <p className="muted">The extracted values are shown to accountants and approvers; fill in the form below.</p>
          ) : (
            <ErrorNotice error={run.error} />
          )}
          {fields.map((field) => (
            <FieldEditor
              key={field.name}
              field={field}
              value={edited[field.name] ?? field.value}
              onFocus={() => focus(field.name)}
              onChange={(value) => setEdited((current) => ({ ...current, [field.name]: value }))}
            />
          ))}
          {!fields.some((field) => field.name === 'comment') && (
            <label>
              Comment
              <input value={comment} onChange={(event) => setComment(event.target.value)} />
            </label>
          )}
          <ErrorNotice error={error} />
          {task.data.status === 'changes-requested' && (task.data.changeRequests ?? []).length > 0 && (
            <p className="warning-text">Changes requested: {(task.data.changeRequests ?? []).filter((request) => !request.resubmittedAt).map((request) => request.reason).join('; ')}</p>
          )}
          {task.data.permissions?.canClaim && (
            <button type="button" className="secondary outline" disabled={busy} onClick={() => void act('claim')}>
              Claim
            </button>
          )}
          {task.data.permissions?.canResubmit && (
            <button type="button" disabled={busy || invalid} onClick={() => void act('resubmit')}>
              Send back with these values
            </button>
          )}
          {task.data.permissions && !task.data.permissions.canDecide && task.data.permissions.blockedBy && (
            <p className="muted">You may not decide this task ({task.data.permissions.blockedBy}).</p>
          )}
          {open && task.data.permissions?.canDecide !== false ? (
            <DecisionBar outcomes={task.data.outcomes} busy={busy} blocked={invalid ? ['approve'] : []} label={task.data.title} onDecide={(decision) => void decide(decision)} />
          ) : (
            <p>This task is {task.data.status}.</p>
          )}
        </form>
      </div>
    </section>
  );
}
