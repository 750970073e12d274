import { TERMINAL_STEP_STATUSES, type StepExecutionSnapshot, type StepStatus } from './contracts';

const ACTIVE_STATUSES: readonly StepStatus[] = ['queued', 'running', 'waiting'];

export function isTerminal(status: StepStatus): boolean {
  return TERMINAL_STEP_STATUSES.includes(status);
}

/** Work that is under way or parked: the run cannot finish while any row is like this. */
export function isActive(status: StepStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** A row the run may move on from: done, skipped, or failed with the failure dealt with by onError. */
export function isSettled(row: StepExecutionSnapshot): boolean {
  return row.status === 'succeeded' || row.status === 'skipped' || (row.status === 'failed' && row.errorHandled === true);
}
