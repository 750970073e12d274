import type { RunState } from '@conveyor/workflow-runtime';

/** What a browser needs to show one run live: its status, each step's status and, once read, the invoice's headline. */
export interface RunChange {
  runId: string;
  workflowId: string;
  status: string;
  /** The document the run works on (inputs.documentId), when it has one. */
  documentId?: string;
  steps: { stepId: string; itemIndex: number | null; status: string; errorCode?: string }[];
  /** From the `extract` step's outputs once it succeeded. */
  extracted?: { kind?: string; needsReview?: boolean; values: Record<string, unknown>; issueCodes: string[] };
  error?: { code: string; message: string };
  createdAt: string;
  finishedAt?: string;
}

const HEADLINE_FIELDS = ['invoiceNumber', 'vendorName', 'issueDate', 'currency', 'totalGross'];

export function toRunChange(run: RunState): RunChange {
  const documentId = run.inputs['documentId'];
  const extract = run.steps.find((step) => step.stepId === 'extract' && step.status === 'succeeded');
  const outputs = (extract?.outputs ?? undefined) as { kind?: string; needsReview?: boolean; values?: Record<string, unknown>; issues?: { code?: string }[] } | undefined;
  return {
    runId: run.id,
    workflowId: run.workflowId,
    status: run.status,
    ...(typeof documentId === 'string' ? { documentId } : {}),
    steps: run.steps.map((step) => ({
      stepId: step.stepId,
      itemIndex: step.itemIndex,
      status: step.status,
      ...(step.error ? { errorCode: step.error.code } : {}),
    })),
    ...(outputs
      ? {
          extracted: {
            kind: outputs.kind,
            needsReview: outputs.needsReview,
            values: Object.fromEntries(HEADLINE_FIELDS.filter((name) => outputs.values?.[name] !== undefined).map((name) => [name, outputs.values?.[name]])),
            issueCodes: (outputs.issues ?? []).map((issue) => String(issue.code)),
          },
        }
      : {}),
    ...(run.error ? { error: { code: run.error.code, message: run.error.message } } : {}),
    createdAt: run.createdAt,
    ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
  };
}

/** Two views of a run differ for a watcher when its status or any step's status changed. */
export function runFingerprint(change: RunChange): string {
  return `${change.status}|${change.steps.map((step) => `${step.stepId}:${step.itemIndex ?? ''}:${step.status}`).join(',')}`;
}
