/**
 * The API's views as the portal reads them: the shapes of @conveyor/api-contracts and the domain views
 * (DocumentView, TaskView, RunChange), written out for the browser build, which compiles without the server's libs.
 */
export type Role = 'uploader' | 'accountant' | 'approver' | 'auditor' | 'admin';

export interface Me {
  kind: string;
  id: string;
  displayName: string;
  roles: Role[];
  groups: string[];
  actor: string;
  user?: { id: string; email: string; displayName: string; roles: Role[] };
}

export interface ValidationProblem {
  line: number;
  column: number;
  code: string;
  message: string;
  path?: string;
}

export interface DocumentView {
  id: string;
  sha256: string;
  fileName: string;
  mediaType: string | null;
  size: number;
  pages: number | null;
  status: 'received' | 'stored' | 'rejected' | 'duplicate';
  error?: { code: string; message: string };
  duplicateOf?: string;
  uploadedBy: string;
  uploadedAt: string;
  /** In lists: the invoice fields read (or, once confirmed, as an accountant confirmed them). */
  invoice?: DocumentInvoiceFields;
}

export interface DocumentInvoiceFields {
  vendorName: string | null;
  invoiceNumber: string | null;
  issueDate: string | null;
  /** Exact decimal string ("1190.50"). */
  totalGross: string | null;
  currency: string | null;
  confirmed: boolean;
}

/** GET /api/documents: one page of a search and how many documents match in all. */
export interface DocumentPage {
  items: DocumentView[];
  total: number;
  limit: number;
  offset: number;
  nextCursor?: string;
}

export interface IntakeView {
  id: string;
  fileName: string;
  status: DocumentView['status'];
  duplicate: boolean;
  mediaType: string | null;
  size: number;
  pages: number | null;
  error?: { code: string; message: string };
}

export type RunStatus = 'queued' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'cancelled';
export type StepStatus = RunStatus | 'skipped';

export interface RunChange {
  runId: string;
  workflowId: string;
  status: RunStatus;
  documentId?: string;
  steps: { stepId: string; itemIndex: number | null; status: StepStatus; errorCode?: string }[];
  extracted?: { kind?: string; needsReview?: boolean; values: Record<string, unknown>; issueCodes: string[] };
  error?: { code: string; message: string };
  createdAt: string;
  finishedAt?: string;
}

export interface LiveDocumentEvent {
  document: DocumentView;
  run?: RunChange;
}

export interface ErrorInfo {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export interface StepExecution {
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
  startedBy?: string;
}

export interface RunEvent {
  id: string;
  at: string;
  type: string;
  stepId?: string;
  actor: string;
  data?: Record<string, unknown>;
}

export interface RunDetail extends RunSummary {
  inputs: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  error?: ErrorInfo;
  steps: StepExecution[];
  events: RunEvent[];
}

export interface WorkflowSummary {
  id: string;
  name: string;
  description?: string;
  latestRevision: number;
  updatedAt: string;
  triggers: string[];
}

export interface WorkflowInputSpec {
  type?: string;
  required?: boolean;
  description?: string;
  default?: unknown;
  enum?: unknown[];
}

export interface WorkflowStepSpec {
  id: string;
  type: string;
  needs?: string | string[];
  if?: string;
  onError?: { goto?: string } | string;
  steps?: WorkflowStepSpec[];
}

export interface WorkflowRevision {
  workflowId: string;
  revision: number;
  yaml: string;
  definition: { id: string; name?: string; inputs?: Record<string, WorkflowInputSpec>; steps: WorkflowStepSpec[] };
  contentHash: string;
  createdAt: string;
  createdBy: string;
  rolledBackFrom?: number;
}

export type TaskOutcome = 'approve' | 'reject' | 'request-changes';

export interface TaskView {
  id: string;
  runId: string;
  workflowId: string;
  stepId: string;
  title: string;
  description?: string;
  status: 'open' | 'changes-requested' | 'decided' | 'expired' | 'cancelled';
  outcomes: TaskOutcome[];
  formSchema?: { type?: string; required?: string[]; properties?: Record<string, { type?: string; pattern?: string; enum?: string[]; description?: string }> };
  context: Record<string, unknown>;
  amount?: string;
  currency?: string;
  uploadedBy?: string;
  claimedBy?: string;
  dueAt?: string;
  version: number;
  createdAt: string;
  permissions?: { canDecide: boolean; canClaim: boolean; canRelease: boolean; canDelegate: boolean; canResubmit: boolean; blockedBy?: string };
  changeRequests?: { round: number; requestedBy: string; reason: string; requestedAt: string; resubmittedAt?: string }[];
}

export interface TaskDetail extends TaskView {
  history: { at: string; type: string; actor: string; comment?: string }[];
}

/** One field of the extract step's outputs (libs/documents ExtractionResult). */
export interface ExtractedField {
  value: string | null;
  confidence: number;
  source: 'xml' | 'text' | 'ocr' | 'vendor-profile';
  page: number | null;
  bbox: { x: number; y: number; width: number; height: number } | null;
}

export interface ExtractionIssue {
  code: string;
  severity: 'info' | 'warning' | 'error';
  message: string;
  fields: string[];
}

export interface ExtractOutputs {
  kind: string;
  values: Record<string, unknown>;
  fields: Record<string, ExtractedField | null | undefined>;
  issues: ExtractionIssue[];
  needsReview: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
