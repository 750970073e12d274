/** A JSON value as PostgreSQL's jsonb keeps it: what `before`, `after` and `details` hold once recorded. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** What a service hands to the audit trail: one decision or one change to business data. */
export interface AuditEntry {
  /** Who: the Actor id ('user:<id>', 'api-key:<id>', 'scheduler', 'run:<id>', ...). */
  actor: string;
  /** What happened, as `<entity>.<past tense>`: 'workflow.published', 'run.cancelled', 'task.decided'. */
  action: string;
  /** The kind of thing that changed ('workflow', 'run', 'task', 'user') and its id. */
  entityType: string;
  entityId: string;
  /** The entity's state before the change (absent when it did not exist yet) and after it. Plain JSON data. */
  before?: unknown;
  after?: unknown;
  /** The workflow and the revision the change belongs to, when it belongs to one. */
  workflowId?: string;
  revision?: number;
  /** The run the change belongs to (a UUID). */
  runId?: string;
  /** Anything else worth keeping (a reason, a comment, the steps retried). A JSON object. */
  details?: Record<string, unknown>;
  /** When it happened; the recorder's clock when absent. */
  at?: Date;
}

/** One record of the trail as stored: the entry, normalised, with its place in the chain. */
export interface AuditRecord {
  /** Position in the chain: 1, 2, 3, ... without gaps. */
  seq: number;
  id: string;
  at: Date;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: JsonValue;
  after: JsonValue;
  workflowId: string | null;
  revision: number | null;
  runId: string | null;
  details: { [key: string]: JsonValue } | null;
  /** The hash of record seq - 1 (GENESIS_HASH for the first record). */
  prevHash: string;
  /** SHA-256 over prevHash and this record's canonical JSON (see hashRecord). */
  hash: string;
}

/** The newest record as the store last advanced it: how many records the trail holds and the last hash. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * The port services record through. `transaction` is the caller's open transaction (for the SQL
 * store: its Sql), so that a change and its audit record commit or roll back together.
 */
export interface AuditRecorder {
  record(entry: AuditEntry, transaction?: unknown): Promise<void>;
}
