import type { ProcessCase, ProcessFacts, ProcessFactsQuery, ProcessFactsSource, StepInterval, TaskFacts } from '@conveyor/process-metrics';
import type { DataSource } from 'typeorm';
import type { Sql } from '../repositories/sql';
import { plainSql } from '../repositories/transaction-runner';

/** A period holds at most this many cases; wider periods are refused rather than loaded half. */
const MAX_CASES = 200_000;

interface RunRow { id: string; document_id: string; workflow_id: string; status: string; created_at: Date; finished_at: Date | null }
interface StepRow { run_id: string; step_id: string; status: string; available_at: Date; started_at: Date | null; finished_at: Date | null; waits: boolean; has_task: boolean }
interface TaskRow { id: string; run_id: string | null; step_id: string; workflow_id: string; status: string; created_at: Date; decided_at: Date | null; updated_at: Date }
interface DecisionRow { task_id: string; actor: string; outcome: string; at: Date }

/**
 * The process facts from the run log: uploaded documents, the latest run of the processing workflow for each,
 * every step execution (all attempts: retries cost machine time too), the approval tasks with their decisions,
 * the issue codes the steps raised, the fields people corrected, and when bank reconciliation settled the
 * invoice's open item in full (time to paid).
 */
export class SqlProcessFactsSource implements ProcessFactsSource {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = plainSql(dataSource);
  }

  async load(query: ProcessFactsQuery): Promise<ProcessFacts> {
    const documents = (await this.sql(
      `SELECT id, uploaded_at FROM documents WHERE status IN ('received', 'stored') AND uploaded_at >= $1 AND uploaded_at < $2 ORDER BY uploaded_at, id LIMIT ${MAX_CASES + 1}`,
      [query.from, query.to],
    )) as { id: string; uploaded_at: Date }[];
    if (documents.length > MAX_CASES) throw new Error(`more than ${MAX_CASES} documents in the period: ask for a shorter one`);
    const documentIds = documents.map((row) => row.id);

    const runs = (await this.sql(
      `SELECT DISTINCT ON (inputs->>'documentId') id, inputs->>'documentId' AS document_id, workflow_id, status, created_at, finished_at
         FROM runs WHERE workflow_id = $1 AND inputs->>'documentId' = ANY($2::text[])
        ORDER BY inputs->>'documentId', created_at DESC`,
      [query.workflowId, documentIds],
    )) as RunRow[];
    const runIds = runs.map((run) => run.id);

    const [steps, tasks, codes, corrections, openTasks, paid] = await Promise.all([
      this.sql(
        `SELECT se.run_id, se.step_id, se.status, se.available_at, se.started_at, se.finished_at,
                (se.wait_signal IS NOT NULL OR se.wait_until IS NOT NULL) AS waits,
                EXISTS (SELECT 1 FROM tasks t WHERE t.run_id = se.run_id AND t.step_id = se.step_id) AS has_task
           FROM step_executions se WHERE se.run_id = ANY($1::uuid[]) ORDER BY se.run_id, se.queued_at`,
        [runIds],
      ) as Promise<StepRow[]>,
      this.sql(`SELECT id, run_id, step_id, workflow_id, status, created_at, decided_at, updated_at FROM tasks WHERE run_id = ANY($1::uuid[])`, [runIds]) as Promise<TaskRow[]>,
      this.sql(
        `SELECT DISTINCT se.run_id, issue->>'code' AS code
           FROM step_executions se, jsonb_array_elements(CASE WHEN jsonb_typeof(se.outputs->'issues') = 'array' THEN se.outputs->'issues' ELSE '[]'::jsonb END) AS issue
          WHERE se.run_id = ANY($1::uuid[]) AND se.status = 'succeeded' AND issue->>'severity' IN ('warning', 'error')`,
        [runIds],
      ) as Promise<{ run_id: string; code: string }[]>,
      this.sql(`SELECT document_id, field, corrected_at FROM field_corrections WHERE document_id = ANY($1::uuid[])`, [documentIds]) as Promise<{ document_id: string; field: string; corrected_at: Date }[]>,
      this.sql(`SELECT id, run_id, step_id, workflow_id, status, created_at, decided_at, updated_at FROM tasks WHERE status IN ('open', 'changes-requested')`) as Promise<TaskRow[]>,
      // Time to paid: bank reconciliation settles an invoice's open item in full (libs/persistence/src/reconciliation).
      this.sql(`SELECT document_id, settled_at FROM open_items WHERE document_id = ANY($1::uuid[]) AND status = 'paid' AND settled_at IS NOT NULL`, [documentIds]) as Promise<{ document_id: string; settled_at: Date }[]>,
    ]);
    const paidAtByDocument = new Map(paid.map((row) => [row.document_id, new Date(row.settled_at)]));
    const decisions = (await this.sql(
      `SELECT task_id, actor, outcome, at FROM task_decisions WHERE task_id = ANY($1::uuid[]) ORDER BY at`,
      [tasks.map((task) => task.id)],
    )) as DecisionRow[];

    const group = <T, K>(rows: T[], key: (row: T) => K) => {
      const map = new Map<K, T[]>();
      for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
      return map;
    };
    const stepsByRun = group(steps, (row) => row.run_id);
    const tasksByRun = group(tasks, (row) => row.run_id);
    const codesByRun = group(codes, (row) => row.run_id);
    const decisionsByTask = group(decisions, (row) => row.task_id);
    const correctionsByDocument = group(corrections, (row) => row.document_id);
    const runByDocument = new Map(runs.map((run) => [run.document_id, run]));

    const toTask = (row: TaskRow): TaskFacts => ({
      taskId: row.id, stepId: row.step_id, workflowId: row.workflow_id, status: row.status, openedAt: new Date(row.created_at),
      closedAt: row.decided_at ? new Date(row.decided_at) : null,
      decisions: (decisionsByTask.get(row.id) ?? []).map((decision) => ({ actor: decision.actor, outcome: decision.outcome, at: new Date(decision.at) })),
    });
    const toStep = (row: StepRow): StepInterval => ({
      stepId: row.step_id,
      // The log keeps no step types: a step that parked on a timer or signal waited deliberately (delay, child
      // run); everything else was work. Approval steps are measured by their tasks instead (taskInterval).
      type: row.waits ? 'delay' : 'work',
      status: row.status,
      availableAt: new Date(row.available_at),
      startedAt: row.started_at ? new Date(row.started_at) : null,
      finishedAt: row.finished_at ? new Date(row.finished_at) : null,
    });

    // People time is the time a task was open: from its creation to its decision (or its end, when it expired or
    // was cancelled); the approval step's own executions only open the task and hand the decision on.
    const taskInterval = (row: TaskRow): StepInterval => ({
      stepId: row.step_id, type: 'approval', status: row.status, availableAt: new Date(row.created_at), startedAt: new Date(row.created_at),
      finishedAt: row.decided_at ? new Date(row.decided_at) : ['open', 'changes-requested'].includes(row.status) ? null : new Date(row.updated_at),
    });

    const cases: ProcessCase[] = documents.map((document) => {
      const run = runByDocument.get(document.id);
      const finishedAt = run?.finished_at ? new Date(run.finished_at) : null;
      return {
        caseId: document.id,
        uploadedAt: new Date(document.uploaded_at),
        run: run ? {
          runId: run.id, workflowId: run.workflow_id, status: run.status, createdAt: new Date(run.created_at), finishedAt,
          steps: [...(stepsByRun.get(run.id) ?? []).filter((row) => !row.has_task).map(toStep), ...(tasksByRun.get(run.id) ?? []).map(taskInterval)],
          tasks: (tasksByRun.get(run.id) ?? []).map(toTask),
          exceptionCodes: [...new Set((codesByRun.get(run.id) ?? []).map((row) => row.code))].sort(),
        } : null,
        approvedAt: run?.status === 'succeeded' ? finishedAt : null,
        paidAt: paidAtByDocument.get(document.id) ?? null,
        corrections: (correctionsByDocument.get(document.id) ?? []).map((row) => ({ field: row.field, at: new Date(row.corrected_at) })),
      };
    });
    return { from: query.from, to: query.to, asOf: query.asOf, timeZone: query.timeZone, cases, openTasks: openTasks.map(toTask) };
  }
}
