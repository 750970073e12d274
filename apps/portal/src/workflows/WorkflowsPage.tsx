import { Link, useNavigate } from 'react-router';
import type { WorkflowSummary } from '../api/types';
import { useApi } from '../api/use-api';
import { useSession } from '../auth/session';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatDateTime } from '../common/format';

const NEW_WORKFLOW = `# yaml-language-server: $schema=./schema/workflow-v1.schema.json
version: 1
id: my-workflow
name: My workflow
triggers:
  - { id: by-hand, type: manual }
steps:
  - id: hello
    type: log
    with: { message: "Hello" }
`;

export function WorkflowsPage() {
  const session = useSession();
  const navigate = useNavigate();
  const list = useApi<{ items: WorkflowSummary[] }>('/api/workflows');
  return (
    <section aria-labelledby="workflows-heading">
      <h1 id="workflows-heading">Workflows</h1>
      {session.hasRole('admin') && (
        <button type="button" onClick={() => navigate('/workflows/new', { state: { yaml: NEW_WORKFLOW } })}>
          New workflow
        </button>
      )}
      <ErrorNotice error={list.error} />
      <div className="overflow-auto">
        <table className="striped">
          <thead>
            <tr>
              <th scope="col">Workflow</th>
              <th scope="col">Revision</th>
              <th scope="col">Triggers</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {(list.data?.items ?? []).map((workflow) => (
              <tr key={workflow.id}>
                <td>
                  <Link to={`/workflows/${workflow.id}`}>{workflow.name}</Link> <code>{workflow.id}</code>
                  {workflow.description && <div className="muted">{workflow.description}</div>}
                </td>
                <td>{workflow.latestRevision}</td>
                <td>{workflow.triggers.join(', ')}</td>
                <td>{formatDateTime(workflow.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
