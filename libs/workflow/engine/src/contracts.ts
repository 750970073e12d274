import type { ErrorInfo } from '@conveyor/kernel';

/**
 * The engine is a pure state machine. The runtime loads a RunSnapshot (under a row lock on the run),
 * asks the engine what to do next, and applies the returned actions in the same transaction.
 */

export type RunStatus = 'queued' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'cancelled';
export type StepStatus = 'queued' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'skipped' | 'cancelled';

export const TERMINAL_STEP_STATUSES: readonly StepStatus[] = ['succeeded', 'failed', 'skipped', 'cancelled'];
export const TERMINAL_RUN_STATUSES: readonly RunStatus[] = ['succeeded', 'failed', 'cancelled'];

/** The latest attempt of one step (itemIndex null) or of one foreach item (itemIndex 0..n-1). */
export interface StepExecutionSnapshot {
  stepId: string;
  /** null for a plain step and for the parent row of a foreach step; 0..n-1 for foreach items. */
  itemIndex: number | null;
  attempt: number;
  status: StepStatus;
  /** Inputs the attempt ran with (resolved `with`). */
  input?: unknown;
  outputs?: unknown;
  error?: ErrorInfo;
  /** For a foreach parent: how many items there are. */
  itemCount?: number;
  /** For a foreach item: the item value. */
  item?: unknown;
  /** A failed step whose failure an onError policy dealt with (continue, goto, workflow). */
  errorHandled?: boolean;
  /** Why a step was skipped: "condition" (its `if` was false), "upstream" (nothing it needs ran), "goto". */
  skipReason?: string;
}

export interface RunSnapshot {
  runId: string;
  workflowId: string;
  revision: number;
  status: RunStatus;
  inputs: Record<string, unknown>;
  /** What started the run: { type: 'manual' | 'cron' | 'event' | 'webhook' | 'subworkflow' | 'retry', ... }. */
  trigger: Record<string, unknown>;
  steps: StepExecutionSnapshot[];
}

/** Something the runtime must do, in order, inside the transaction that produced it. */
export type EngineAction =
  /** Create (or re-create, for a retry) a step execution and enqueue its job after commit. */
  | {
      kind: 'queue-step';
      stepId: string;
      itemIndex: number | null;
      attempt: number;
      input: unknown;
      item?: unknown;
      /** Wait this long before the job may run (retry backoff). */
      delayMs: number;
      /** Per-attempt timeout in ms. */
      timeoutMs: number;
    }
  /** A foreach step starts: create its parent row (running) with its item count. Items follow as queue-step actions. */
  | { kind: 'start-foreach'; stepId: string; itemCount: number }
  | { kind: 'complete-step'; stepId: string; itemIndex: null; outputs: unknown }
  | { kind: 'fail-step'; stepId: string; itemIndex: number | null; attempt: number; error: ErrorInfo; errorHandled: boolean }
  | { kind: 'skip-step'; stepId: string; reason: 'condition' | 'upstream' | 'goto' }
  /** onError: workflow — start another workflow about this failure. */
  | { kind: 'start-workflow'; workflowId: string; inputs: Record<string, unknown>; reason: string }
  | { kind: 'finish-run'; status: 'succeeded' | 'failed'; outputs?: Record<string, unknown>; error?: ErrorInfo }
  /** The run has only waiting steps left (people, timers, child runs). */
  | { kind: 'run-waiting' };

/** What a step handler reports when it returns normally. */
export type StepResult =
  /** Done; `outputs` is the handler's result (mapped through the step's `outputs:` if any). */
  | { status: 'succeeded'; outputs: unknown }
  /** Park the step without holding a worker: resume at `until` (timer) or when `signal` arrives (a person, a child run). */
  | { status: 'waiting'; until?: Date; signal?: string; state?: unknown };

export interface StepLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface StepContext {
  runId: string;
  workflowId: string;
  revision: number;
  stepId: string;
  itemIndex: number | null;
  attempt: number;
  /** Who started the run ('user:<id>', 'scheduler', ...): segregation of duties keeps them from approving it. */
  startedBy?: string;
  /**
   * Stable across attempts and redeliveries of this step (run + step + item): pass it to any external
   * system so that a side effect repeated by at-least-once delivery is applied once.
   */
  idempotencyKey: string;
  /** Aborted when the step times out, the run is cancelled, or the worker shuts down. */
  signal: AbortSignal;
  logger: StepLogger;
  now(): Date;
  /** State saved by the previous `waiting` result of this attempt, when resuming. */
  resumeState?: unknown;
  /** The payload of the signal that resumed this step (e.g. a child run's outcome). */
  resumePayload?: unknown;
  /** Services the runtime offers to step types (start a child run, ...). */
  services: StepServices;
}

export interface StepServices {
  /** Starts a run of another workflow as a child of this step; returns its id. Idempotent per step attempt. */
  startChildRun(workflowId: string, inputs: Record<string, unknown>): Promise<string>;
}

/**
 * A step type. The engine knows step types only through this interface and a registry of them;
 * later domains (extract, reconcile, report, approval, notify) plug in here without engine changes.
 */
export interface StepType<Input = Record<string, unknown>> {
  readonly type: string;
  readonly description: string;
  /** Validates and normalises the resolved `with` before execute; throw DomainError(code 'BAD_STEP_INPUT') when wrong. */
  parseInput(input: unknown): Input;
  /** Static check of literal `with` values at publish time (expressions are skipped). */
  checkWith?(withValues: Record<string, unknown>): { path: (string | number)[]; message: string }[];
  execute(input: Input, context: StepContext): Promise<StepResult>;
}

export interface StepTypeRegistry {
  get(type: string): StepType | undefined;
  types(): string[];
}
