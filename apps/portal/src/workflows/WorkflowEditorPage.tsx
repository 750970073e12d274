import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError, apiRequest } from '../api/client';
import type { ValidationProblem, WorkflowRevision } from '../api/types';
import { useApi } from '../api/use-api';
import { useSession } from '../auth/session';
import { ErrorNotice } from '../common/ErrorNotice';
import { RevisionsPanel } from './RevisionsPanel';
import { StartRunForm } from './StartRunForm';
import { WorkflowGraph } from './WorkflowGraph';
import { stepsFromYaml } from './workflow-graph-model';
import { YamlEditor } from './YamlEditor';

type Tab = 'graph' | 'revisions' | 'run';

/** Edit a workflow's YAML with schema help and the server's checks inline; see its graph; publish, roll back, run. */
export function WorkflowEditorPage() {
  const { workflowId = 'new' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  const isAdmin = session.hasRole('admin');
  const isNew = workflowId === 'new';
  const latest = useApi<WorkflowRevision>(isNew ? null : `/api/workflows/${workflowId}`);
  const [text, setText] = useState<string>(() => (location.state as { yaml?: string } | null)?.yaml ?? '');
  const [problems, setProblems] = useState<ValidationProblem[]>([]);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [tab, setTab] = useState<Tab>('graph');
  const [resets, setResets] = useState(0);

  useEffect(() => {
    if (!latest.data) return;
    setText(latest.data.yaml);
    setResets((count) => count + 1);
  }, [latest.data]);

  // The server's validator after each pause in typing (admins only: it is their route).
  useEffect(() => {
    if (!isAdmin || text === '') return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      apiRequest<{ valid: boolean; problems: ValidationProblem[] }>('/api/workflows/validate', { method: 'POST', body: { yaml: text }, signal: controller.signal }).then(
        (result) => setProblems(result.problems),
        () => undefined,
      );
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, isAdmin]);

  const steps = useMemo(() => stepsFromYaml(text), [text]);
  const changed = latest.data ? latest.data.yaml !== text : text !== '';

  async function publish() {
    setError(undefined);
    setMessage(undefined);
    try {
      const result = await apiRequest<{ created: boolean; revision: WorkflowRevision }>('/api/workflows', { method: 'POST', body: { yaml: text } });
      setProblems([]);
      setMessage(result.created ? `Published revision ${result.revision.revision}` : 'Nothing changed: the latest revision already has this text');
      if (isNew || result.revision.workflowId !== workflowId) navigate(`/workflows/${result.revision.workflowId}`, { replace: true });
      else latest.reload();
    } catch (caught) {
      if (caught instanceof ApiError && caught.problems.length > 0) setProblems(caught.problems);
      setError(caught);
    }
  }

  return (
    <section aria-labelledby="workflow-heading" className="workflow-editor">
      <p>
        <Link to="/workflows">← Workflows</Link>
      </p>
      <h1 id="workflow-heading">
        {isNew ? 'New workflow' : (latest.data?.definition.name ?? workflowId)} {latest.data && <small className="muted">revision {latest.data.revision}</small>}
      </h1>
      <ErrorNotice error={latest.error} />
      <div className="editor-grid">
        <div>
          {(isNew || latest.data) && <YamlEditor modelName={workflowId} resetToken={resets} value={text} onChange={setText} problems={problems} readOnly={!isAdmin} />}
          <div aria-live="polite" data-testid="problems">
            {problems.length > 0 ? (
              <ul className="problems" aria-label="Problems">
                {problems.map((problem) => (
                  <li key={`${problem.line}:${problem.column}:${problem.code}`}>
                    <code>
                      {problem.line}:{problem.column}
                    </code>{' '}
                    {problem.message} <small className="muted">({problem.code})</small>
                  </li>
                ))}
              </ul>
            ) : (
              isAdmin && text !== '' && <p className="success-text">No problems found.</p>
            )}
          </div>
          {isAdmin && (
            <div role="group" className="editor-actions">
              <button type="button" onClick={() => void publish()} disabled={!changed}>
                Publish
              </button>
              {latest.data && (
                <button type="button" className="secondary outline" disabled={!changed} onClick={() => {
                    setText(latest.data!.yaml);
                    setResets((count) => count + 1);
                  }}
                >
                  Discard changes
                </button>
              )}
            </div>
          )}
          {message && (
            <p role="status" className="success-text">
              {message}
            </p>
          )}
          {problems.length === 0 && <ErrorNotice error={error} />}
        </div>
        <div>
          <div role="tablist" aria-label="Workflow views" className="tabs">
            {(['graph', 'revisions', 'run'] as Tab[])
              .filter((name) => !isNew || name === 'graph')
              .map((name) => (
                <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? '' : 'secondary outline'} onClick={() => setTab(name)}>
                  {name === 'graph' ? 'Graph' : name === 'revisions' ? 'Revisions' : 'Start a run'}
                </button>
              ))}
          </div>
          <div role="tabpanel">
            {tab === 'graph' && (steps ? <WorkflowGraph steps={steps} /> : <p className="muted">The graph appears when the YAML parses.</p>)}
            {tab === 'revisions' && !isNew && <RevisionsPanel workflowId={workflowId} canRollBack={isAdmin} onRolledBack={latest.reload} />}
            {tab === 'run' && latest.data && <StartRunForm workflowId={workflowId} inputs={latest.data.definition.inputs ?? {}} />}
          </div>
        </div>
      </div>
    </section>
  );
}
