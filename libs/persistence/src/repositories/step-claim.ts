import type { Sql } from './sql';
import { RUN_COLUMNS, toRunRow, type RunRow } from './run.row';
import { STEP_EXECUTION_COLUMNS, toStepExecutionRow, type StepExecutionRow } from './step-execution.row';

export interface ClaimRequest {
  stepExecutionId: string;
  resumes: number;
}

export interface ClaimedStep {
  step: StepExecutionRow;
  run: RunRow;
  /** The step was already running: a redelivery after a worker died. */
  redelivered: boolean;
}

const STEP_COLUMNS = STEP_EXECUTION_COLUMNS.split(',').map((column) => `c.${column.trim()}`).join(', ');
const JOINED_RUN_COLUMNS = RUN_COLUMNS.split(',').map((column) => `r.${column.trim()} AS run_${column.trim()}`).join(', ');

// One text for every claim (a named statement, planned once per connection). The step ids come twice:
// as an array, so the rows are found by primary key whatever plan the statement got when the table was
// small, and with their resume counts in the JSON. A claimed row counts as dispatched: its job reached a
// worker, so the dispatcher need not mark it.
const CLAIM = `
  WITH requested AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, resumes int)
  ), previous AS (
    SELECT s.id, s.status AS previous_status FROM step_executions s JOIN requested v ON v.id = s.id AND s.resumes = v.resumes
    WHERE s.id = ANY($6::uuid[]) AND s.status IN ('queued', 'running') AND NOT s.superseded
    ORDER BY s.id
    FOR UPDATE OF s
  ), claimed AS (
    UPDATE step_executions s SET status = 'running', started_at = $2, worker_id = $3,
      timeout_at = $2::timestamptz + COALESCE(s.timeout_ms, $4) * interval '1 millisecond',
      dispatched_at = COALESCE(s.dispatched_at, $2)
    FROM previous p
    WHERE s.id = p.id AND s.id = ANY($6::uuid[])
      AND EXISTS (SELECT 1 FROM runs r WHERE r.id = s.run_id AND r.status IN ('queued', 'running', 'waiting'))
    RETURNING s.*, p.previous_status
  ), logged AS (
    INSERT INTO run_events (run_id, step_execution_id, step_id, item_index, attempt, type, actor, at, data)
    SELECT run_id, id, step_id, NULLIF(item_index, -1), attempt, 'step.started', $5, $2,
      jsonb_build_object('queueMs', GREATEST(0, floor(extract(epoch FROM ($2::timestamptz - available_at)) * 1000)))
        || CASE WHEN previous_status = 'running' THEN '{"redelivered": true}'::jsonb ELSE '{}'::jsonb END
    FROM claimed RETURNING 1
  )
  SELECT ${STEP_COLUMNS}, c.previous_status, ${JOINED_RUN_COLUMNS} FROM claimed c JOIN runs r ON r.id = c.run_id`;

/**
 * Claims many deliveries in one statement: each step still queued or running for that delivery, in a run
 * still going, becomes running with its timeout set, and `step.started` is logged. Returns what was
 * claimed, with its run; deliveries not returned are stale (finished, superseded, cancelled, resumed again).
 */
export async function claimSteps(
  sql: Sql,
  requests: ClaimRequest[],
  claim: { at: Date; workerId: string; actor: string; defaultTimeoutMs: number },
): Promise<Map<string, ClaimedStep>> {
  const rows = await sql(CLAIM,
    [JSON.stringify(requests.map((request) => ({ id: request.stepExecutionId, resumes: request.resumes }))),
      claim.at, claim.workerId, claim.defaultTimeoutMs, claim.actor, requests.map((request) => request.stepExecutionId)],
    'conveyor_claim_steps');
  return toClaimed(rows);
}

function toClaimed(rows: Record<string, unknown>[]): Map<string, ClaimedStep> {
  const claimed = new Map<string, ClaimedStep>();
  for (const raw of rows) {
    const runRaw: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) if (key.startsWith('run_') && key !== 'run_id') runRaw[key.slice(4)] = value;
    runRaw['id'] = raw['run_id'];
    const step = toStepExecutionRow(raw);
    claimed.set(step.id, { step, run: toRunRow(runRaw), redelivered: raw['previous_status'] === 'running' });
  }
  return claimed;
}
