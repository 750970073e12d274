/**
 * The workflow definition after parsing and validation (YAML version 1).
 * Everything downstream (engine, runtime, API) works on these types, never on raw YAML.
 * Durations are milliseconds; expressions are kept as source text (`${{ ... }}` strings).
 */

export type InputType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'date' | 'datetime' | 'decimal';

export interface InputSpec {
  type: InputType;
  description?: string;
  required: boolean;
  default?: unknown;
  enum?: unknown[];
}

export interface CronTrigger {
  id: string;
  type: 'cron';
  cron: string;
  /** IANA time zone the cron expression is read in, e.g. Europe/Berlin. */
  timezone: string;
  /** Inputs given to each run this trigger starts. */
  inputs: Record<string, unknown>;
  /** What to do with firings missed while no scheduler ran: replay all (capped), only the last, or none. */
  catchUp: 'all' | 'last' | 'none';
}

export interface EventTrigger {
  id: string;
  type: 'event';
  /** Event name, e.g. document.uploaded. */
  event: string;
  /** Optional condition on the event (`event.*` in scope). */
  if?: string;
  /** Inputs of the run; expressions may read `event`. */
  inputs: Record<string, unknown>;
}

export interface WebhookTrigger {
  id: string;
  type: 'webhook';
  /** Inputs of the run; expressions may read `body`, `headers`, `query`. */
  inputs: Record<string, unknown>;
}

export interface ManualTrigger {
  id: string;
  type: 'manual';
}

export type TriggerSpec = CronTrigger | EventTrigger | WebhookTrigger | ManualTrigger;

export interface BackoffSpec {
  type: 'fixed' | 'exponential';
  /** First delay in ms. */
  delay: number;
  /** Upper bound of one delay in ms. */
  maxDelay: number;
  /** 0..1: the share of each delay that is randomised ("full jitter" at 1). */
  jitter: number;
}

export interface RetrySpec {
  /** Total attempts including the first one (1 = no retry). */
  attempts: number;
  backoff: BackoffSpec;
  /** Error codes that are never retried (in addition to errors marked non-retryable). */
  nonRetryableCodes: string[];
}

export type OnErrorSpec =
  | { action: 'fail' }
  | { action: 'continue' }
  | { action: 'goto'; step: string }
  | { action: 'workflow'; workflow: string; inputs: Record<string, unknown> };

export interface ForeachSpec {
  /** An expression giving an array, or a literal array. */
  items: string | unknown[];
  /** How many items run at once. */
  concurrency: number;
}

export interface StepSpec {
  id: string;
  type: string;
  name?: string;
  description?: string;
  with: Record<string, unknown>;
  needs: string[];
  if?: string;
  foreach?: ForeachSpec;
  retry: RetrySpec;
  /** Per attempt, ms; undefined = the platform default. */
  timeout?: number;
  onError: OnErrorSpec;
  /** Named outputs computed from the handler's `result` (expressions); undefined = the result itself. */
  outputs?: Record<string, unknown>;
}

export interface WorkflowDefinition {
  version: 1;
  id: string;
  name: string;
  description?: string;
  inputs: Record<string, InputSpec>;
  triggers: TriggerSpec[];
  steps: StepSpec[];
  /** Run outputs (expressions over `steps`, `inputs`). */
  outputs?: Record<string, unknown>;
  /** Longest a run may take, ms; the scheduler fails a run still going then (RUN_TIMEOUT). */
  timeout?: number;
}

export interface SourcePosition {
  line: number;
  column: number;
}

/** One validation problem, located in the YAML source (1-based line and column). */
export interface ValidationProblem {
  file?: string;
  line: number;
  column: number;
  code: ValidationCode;
  message: string;
  /** Path in the document, e.g. ["steps", 2, "needs", 0]. */
  path: (string | number)[];
}

export type ValidationCode =
  | 'YAML_SYNTAX'
  | 'SCHEMA'
  | 'UNKNOWN_STEP_TYPE'
  | 'UNKNOWN_NEEDS'
  | 'CYCLE'
  | 'DUPLICATE_ID'
  | 'BAD_EXPRESSION'
  | 'BAD_CRON'
  | 'BAD_TIMEZONE'
  | 'WRONG_INPUT_TYPE'
  | 'BAD_STEP_INPUT'
  | 'UNKNOWN_STEP_REFERENCE'
  | 'BAD_GOTO';

/**
 * What the validator knows about step types. The DSL does not depend on the registry:
 * the runtime passes a catalog built from it.
 */
export interface StepTypeCatalog {
  has(type: string): boolean;
  types(): string[];
  /** Static check of a step's `with` (values that are expressions are not checked). Returns messages keyed by `with` path. */
  checkWith?(type: string, withValues: Record<string, unknown>): { path: (string | number)[]; message: string }[];
}

export type ParseResult =
  | { ok: true; definition: WorkflowDefinition; problems: [] }
  | { ok: false; problems: ValidationProblem[] };
