import { useState, type FormEvent } from 'react';
import { apiRequest, postForm } from '../api/client';
import { ErrorNotice } from '../common/ErrorNotice';
import type { ImportSummary, ReconcileSummary } from './types';

/**
 * Imports one bank statement file (camt.052/053/054, MT940/942, OFX, CSV) and reconciles the new lines at once,
 * so the suggestions it leads to are on the screen right after.
 */
export function StatementImport({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [outcome, setOutcome] = useState<{ imported: ImportSummary; reconciled: ReconcileSummary }>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setOutcome(undefined);
    try {
      const form = new FormData();
      form.append('files', file, file.name);
      const imported = await postForm<ImportSummary>('/api/bank-statements', form);
      const reconciled = await apiRequest<ReconcileSummary>('/api/reconciliation/run', { method: 'POST', body: {} });
      setOutcome({ imported, reconciled });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      onImported();
    }
  }

  return (
    <form onSubmit={submit} aria-label="Import a bank statement" className="statement-import">
      <label>
        Bank statement (camt, MT940, OFX or CSV)
        <input type="file" accept=".xml,.sta,.mt940,.txt,.ofx,.qfx,.csv" onChange={(event) => setFile(event.target.files?.[0])} />
      </label>
      <button type="submit" disabled={!file || busy} aria-busy={busy}>
        Import and reconcile
      </button>
      <ErrorNotice error={error} />
      {outcome && (
        <p role="status">
          {outcome.imported.format}: {outcome.imported.added} new line(s), {outcome.imported.duplicatesSkipped} already known
          {outcome.imported.issues.length > 0 ? `, ${outcome.imported.issues.length} issue(s)` : ''}. Reconciled: {outcome.reconciled.autoMatched} matched automatically,{' '}
          {outcome.reconciled.suggested} suggested, {outcome.reconciled.unmatched} unmatched.
        </p>
      )}
    </form>
  );
}
