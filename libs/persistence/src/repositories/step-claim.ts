import { json, type Sql } from './sql';
import { RUN_COLUMNS, toRunRow, type RunRow } from './run.row';
import { STEP_EXECUTION_COLUMNS, toStepExecutionRow, type StepExecutionRow } from './step-execution.row';

/** What a worker needs to run a step delivery, read in one round trip. */
export async function loadStepWithRun(sql: Sql, stepExecutionId: string): Promise<{ step: StepExecutionRow; run: RunRow } | undefined> {
  const stepColumns = STEP_EXECUTION_COLUMNS.split(',').map((column) => `s.${column.trim()}`).join(', ');
  const runColumns = RUN_COLUMNS.split(',').map((column) => `r.${column.trim()} AS run_${column.trim()}`).join(', ');
  const rows = await sql(`SELECT ${stepColumns}, ${runColumns} FROM step_executions s JOIN runs r ON r.id = s.run_id WHERE s.id = $1`, [stepExecutionId]);
  const raw = rows[0];
  if (!raw) return undefined;
  const runRaw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) if (key.startsWith('run_') && key !== 'run_id') runRaw[key.slice(4)] = value;
  runRaw['id'] = raw['run_id'];
  return { step: toStepExecutionRow(raw), run: toRunRow(runRaw) };
}

export interface StepClaim {
  stepExecutionId: string;
  resumes: number;
  at: Date;
  timeoutAt: Date;
  workerId: string;
  actor: string;
  eventData: Record<string, unknown>;
}

/**
 * Marks a delivery as running and logs `step.started`, atomically in one statement. False when the
 * step is no longer queued or running for this delivery (finished, superseded, cancelled, resumed again).
 */
export async function claimStep(sql: Sql, claim: StepClaim): Promise<boolean> {
  const rows = await sql(
    `WITH claimed AS (
       UPDATE step_executions SET status = 'running', started_at = $3, timeout_at = $4, worker_id = $5
       WHERE id = $1 AND resumes = $2 AND status IN ('queued', 'running') AND NOT superseded
       RETURNING id, run_id, step_id, item_index, attempt
     ), logged AS (
       INSERT INTO run_events (run_id, step_execution_id, step_id, item_index, attempt, type, actor, at, data)
       SELECT run_id, id, step_id, NULLIF(item_index, -1), attempt, 'step.started', $6, $3, $7::jsonb FROM claimed
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM logged) AS logged, id FROM claimed`,
    [claim.stepExecutionId, claim.resumes, claim.at, claim.timeoutAt, claim.workerId, claim.actor, json(claim.eventData)],
  );
  return rows.length === 1;
}
