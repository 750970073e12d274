import type { ErrorInfo } from '@conveyor/kernel';
import type { ValidationProblem, WorkflowDefinition } from '@conveyor/workflow-dsl';
import type { RunStatus, StepStatus } from '@conveyor/workflow-engine';

/**
 * What the apps (API, CLI, scheduler) call. Implemented in this lib over persistence and the queue.
 * Every method that changes state records who asked (`actor`) in the run's event log.
 */

export interface Actor {
  /** 'user:<id>', 'api-key:<id>', 'scheduler', 'webhook:<workflow>', 'cli', 'system'. */
  id: string;
}

export interface WorkflowSummary {
  id: string;
  name: string;
  description?: string;
  latestRevision: number;
  updatedAt: string;
  triggers: string[];
}

export interface WorkflowRevisionView {
  workflowId: string;
  revision: number;
  yaml: string;
  definition: WorkflowDefinition;
  contentHash: string;
  createdAt: string;
  createdBy: string;
  /** Set when this revision was made by rolling back to an earlier one. */
  rolledBackFrom?: number;
}

export type PublishResult =
  | { ok: true; revision: WorkflowRevisionView; created: boolean }
  | { ok: false; problems: ValidationProblem[] };

export interface RevisionDiff {
  workflowId: string;
  from: number;
  to: number;
  /** Unified diff of the YAML text. */
  unified: string;
}

export interface WorkflowService {
  validate(yaml: string, file?: string): ValidationProblem[];
  /** Publishing the same content as the latest revision creates nothing (created: false). */
  publish(yaml: string, actor: Actor): Promise<PublishResult>;
  list(): Promise<WorkflowSummary[]>;
  listRevisions(workflowId: string): Promise<WorkflowRevisionView[]>;
  getRevision(workflowId: string, revision?: number): Promise<WorkflowRevisionView>;
  diff(workflowId: string, from: number, to: number): Promise<RevisionDiff>;
  /** Publishes the content of an earlier revision as a new revision. */
  rollback(workflowId: string, toRevision: number, actor: Actor): Promise<WorkflowRevisionView>;
}

export interface RunEventView {
  id: string;
  at: string;
  type: 'run.queued' | 'run.started' | 'run.waiting' | 'run.succeeded' | 'run.failed' | 'run.cancelled' | 'run.retried'
    | 'step.queued' | 'step.started' | 'step.succeeded' | 'step.failed' | 'step.retrying' | 'step.waiting'
    | 'step.resumed' | 'step.skipped' | 'step.cancelled' | 'step.timed-out';
  stepId?: string;
  itemIndex?: number | null;
  attempt?: number;
  actor: string;
  data?: Record<string, unknown>;
}

export interface StepExecutionView {
  id: string;
  stepId: string;
  itemIndex: number | null;
  attempt: number;
  status: StepStatus;
  input?: unknown;
  outputs?: unknown;
  error?: ErrorInfo;
  queuedAt: string;
  startedAt?: string;
  finishedAt?: string;
  skipReason?: string;
}

export interface RunSummary {
  id: string;
  workflowId: string;
  revision: number;
  status: RunStatus;
  trigger: Record<string, unknown>;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  parentRunId?: string;
  /** Who started the run. */
  startedBy?: string;
}

/** A run and its steps without the event log: what live views show. */
export interface RunState extends RunSummary {
  inputs: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  error?: ErrorInfo;
  steps: StepExecutionView[];
}

export interface RunView extends RunState {
  events: RunEventView[];
}

export interface StartRunRequest {
  workflowId: string;
  /** Default: the latest revision. */
  revision?: number;
  inputs: Record<string, unknown>;
  trigger: Record<string, unknown>;
  /** A repeated start with the same key returns the first run (duplicate webhook deliveries, double clicks). */
  idempotencyKey?: string;
}

export interface RunFilter {
  workflowId?: string;
  status?: RunStatus;
  limit?: number;
  /** Opaque cursor from a previous page. */
  cursor?: string;
}

export interface RunService {
  start(request: StartRunRequest, actor: Actor): Promise<RunSummary>;
  list(filter: RunFilter): Promise<{ items: RunSummary[]; nextCursor?: string }>;
  get(runId: string): Promise<RunView>;
  cancel(runId: string, actor: Actor): Promise<RunSummary>;
  /** Retries a failed run from its failed steps; steps that succeeded keep their outputs. */
  retry(runId: string, actor: Actor): Promise<RunSummary>;
  /** Many runs with their steps, read together (missing ids are left out). */
  getStates(runIds: string[]): Promise<RunState[]>;
  /** The newest run started for each of these documents (inputs.documentId): document id → run id. */
  newestRunIdsByDocument(documentIds: string[]): Promise<Map<string, string>>;
}

/** A listening trigger that started nothing because its condition, inputs or run were refused. */
export interface SkippedTrigger {
  workflowId: string;
  triggerId: string;
  code: string;
  message: string;
}

export interface EmitResult {
  runs: RunSummary[];
  skipped: SkippedTrigger[];
}

export interface EventService {
  /** Starts every workflow whose event trigger listens for `event` (and whose condition holds). */
  emit(event: string, payload: Record<string, unknown>, actor: Actor, idempotencyKey?: string): Promise<EmitResult>;
  /** Starts the workflow's webhook trigger with the request. */
  webhook(workflowId: string, request: { body: unknown; headers: Record<string, string>; query: Record<string, string> }, actor: Actor): Promise<RunSummary>;
}

export interface HealthStatus {
  ok: boolean;
  checks: { database: { ok: boolean; error?: string; latencyMs?: number }; redis: { ok: boolean; error?: string; latencyMs?: number } };
}
