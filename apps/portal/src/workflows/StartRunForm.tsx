import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { apiRequest } from '../api/client';
import type { RunSummary, WorkflowInputSpec } from '../api/types';
import { ErrorNotice } from '../common/ErrorNotice';

/** The typed value of an input field as the run's inputs want it. */
export function inputValue(spec: WorkflowInputSpec, text: string): unknown {
  if (spec.type === 'number' || spec.type === 'integer') return text === '' ? undefined : Number(text);
  if (spec.type === 'boolean') return text === 'true';
  if (spec.type === 'object' || spec.type === 'array') return text === '' ? undefined : JSON.parse(text);
  return text === '' ? undefined : text;
}

/** A form for the workflow's declared inputs; starts a run and opens it. */
export function StartRunForm({ workflowId, inputs }: { workflowId: string; inputs: Record<string, WorkflowInputSpec> }) {
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body: Record<string, unknown> = {};
      for (const [name, spec] of Object.entries(inputs)) {
        const value = inputValue(spec, values[name] ?? '');
        if (value !== undefined) body[name] = value;
      }
      const run = await apiRequest<RunSummary>(`/api/workflows/${workflowId}/runs`, { method: 'POST', body: { inputs: body } });
      navigate(`/runs/${run.id}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label="Start a run">
      {Object.entries(inputs).map(([name, spec]) => (
        <label key={name}>
          {name}
          {spec.required ? ' *' : ''} <small className="muted">{spec.type ?? 'string'}{spec.description ? ` — ${spec.description}` : ''}</small>
          {spec.type === 'boolean' ? (
            <select value={values[name] ?? String(spec.default ?? 'false')} onChange={(event) => setValues({ ...values, [name]: event.target.value })}>
              <option value="true">true</option>
              <option value="false">false</option>
            </select>
          ) : (
            <input
              name={name}
              required={spec.required}
              type={spec.type === 'number' || spec.type === 'integer' ? 'number' : 'text'}
              placeholder={spec.default !== undefined ? String(spec.default) : undefined}
              value={values[name] ?? ''}
              onChange={(event) => setValues({ ...values, [name]: event.target.value })}
            />
          )}
        </label>
      ))}
      {Object.keys(inputs).length === 0 && <p className="muted">This workflow takes no inputs.</p>}
      <ErrorNotice error={error} />
      <button type="submit" disabled={busy}>
        Start run
      </button>
    </form>
  );
}
