export { RunStore } from './run-store';
export type { RunListQuery } from './run-store';
export { RunTransaction } from './run-transaction';
export type { NewRun, NewStepExecution } from './run-transaction';
export { WorkflowStore } from './workflow-store';
export type { WorkflowRow, RevisionRow, TriggerRow, NewRevision } from './workflow-store';
export type { RunRow, RunEventRow, NewRunEvent } from './run.row';
export type { StepExecutionRow } from './step-execution.row';
export type { Sql } from './sql';
