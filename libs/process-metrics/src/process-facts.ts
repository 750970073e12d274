/**
 * What the process figures are computed from: one case per uploaded document, with the run that processed it
 * (its step executions and people's tasks) and what happened to it afterwards. Read from the run event log and
 * the approval and invoice-register tables; every instant is a Date (UTC inside, a time zone only for days).
 */
export interface StepInterval {
  stepId: string;
  /** The step's type: `approval` steps are time waiting for people, `delay` steps are deliberate waits. */
  type: string;
  status: string;
  /** When it could run (after a backoff: the end of the backoff). */
  availableAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface TaskFacts {
  taskId: string;
  stepId: string;
  workflowId: string;
  openedAt: Date;
  /** null while the task is open. */
  closedAt: Date | null;
  status: string;
  decisions: { actor: string; outcome: string; at: Date }[];
}

export interface ProcessCase {
  /** The document id. */
  caseId: string;
  uploadedAt: Date;
  /** The run that processed it (null: not started yet). */
  run: {
    runId: string;
    workflowId: string;
    status: string;
    createdAt: Date;
    finishedAt: Date | null;
    steps: StepInterval[];
    tasks: TaskFacts[];
    /** Issue codes raised on the case (extraction checks, duplicates...), once each. */
    exceptionCodes: string[];
  } | null;
  /** When the invoice was approved (its run succeeded); null if not (yet). */
  approvedAt: Date | null;
  /** When a payment settled it (reconciliation); null if not paid or unknown. */
  paidAt: Date | null;
  /** Fields a person corrected on this case. */
  corrections: { field: string; at: Date }[];
}

export interface ProcessFacts {
  /** The period asked for: cases uploaded in [from, to). */
  from: Date;
  to: Date;
  /** When the figures are computed ("now" for backlog ages). */
  asOf: Date;
  /** IANA time zone for per-day and per-week figures. */
  timeZone: string;
  cases: ProcessCase[];
  /** Tasks open at `asOf`, whatever their case's upload date (the backlog). */
  openTasks: TaskFacts[];
}
