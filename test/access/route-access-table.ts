import type { Role } from '@conveyor/identity';

/** Who may call a route: nobody needs credentials, any signed-in caller, or the holders of one of these roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

/** Resources the matrix requests point at (made in the test's beforeAll). */
export interface MatrixFixtures {
  workflowId: string;
  runId: string;
  /** A user who is none of the callers: changing their password is an admin's business. */
  otherUserId: string;
  missingId: string;
}

export interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** As Express has it registered, e.g. /api/runs/:id. */
  path: string;
  access: Access;
  /** The concrete URL (default: the path) and body. Bodies may be invalid: a refused caller must get 403 before validation. */
  url?: (fixtures: MatrixFixtures) => string;
  body?: (fixtures: MatrixFixtures) => unknown;
  /** Sign-out ends the caller's session: each call gets a session of its own. */
  endsSession?: boolean;
}

const READERS: readonly Role[] = ['admin', 'accountant', 'approver', 'auditor'];
const MATRIX_YAML = (id: string) => `id: ${id}\ntriggers:\n  - { id: by-hand, type: manual }\n  - { id: hook, type: webhook }\nsteps:\n  - id: only\n    type: noop\n`;

/**
 * The access matrix of the whole API, kept by hand on purpose: the test compares it with the routes
 * the server really has (a new route fails the test until it is listed here with its roles) and then
 * checks every route with every role. libs/http-api/README.md shows the same matrix.
 */
export const ROUTE_TABLE: readonly RouteCase[] = [
  { method: 'POST', path: '/api/workflows', access: ['admin'], body: (f) => ({ yaml: MATRIX_YAML(f.workflowId) }) },
  { method: 'POST', path: '/api/workflows/validate', access: ['admin'], body: (f) => ({ yaml: MATRIX_YAML(f.workflowId) }) },
  { method: 'GET', path: '/api/workflows', access: READERS },
  { method: 'GET', path: '/api/workflows/:id', access: READERS, url: (f) => `/api/workflows/${f.workflowId}` },
  { method: 'GET', path: '/api/workflows/:id/revisions', access: READERS, url: (f) => `/api/workflows/${f.workflowId}/revisions` },
  { method: 'GET', path: '/api/workflows/:id/revisions/:rev', access: READERS, url: (f) => `/api/workflows/${f.workflowId}/revisions/1` },
  { method: 'GET', path: '/api/workflows/:id/diff', access: READERS, url: (f) => `/api/workflows/${f.workflowId}/diff?from=1&to=1` },
  { method: 'POST', path: '/api/workflows/:id/rollback', access: ['admin'], url: (f) => `/api/workflows/${f.workflowId}/rollback`, body: () => ({ revision: 1 }) },
  { method: 'POST', path: '/api/workflows/:id/runs', access: ['admin', 'accountant', 'uploader'], url: (f) => `/api/workflows/${f.workflowId}/runs`, body: () => ({}) },
  { method: 'GET', path: '/api/runs', access: READERS },
  { method: 'GET', path: '/api/runs/:id', access: READERS, url: (f) => `/api/runs/${f.runId}` },
  { method: 'POST', path: '/api/runs/:id/cancel', access: ['admin', 'accountant'], url: (f) => `/api/runs/${f.runId}/cancel` },
  { method: 'POST', path: '/api/runs/:id/retry', access: ['admin', 'accountant'], url: (f) => `/api/runs/${f.runId}/retry` },
  { method: 'POST', path: '/api/events/:name', access: ['admin', 'uploader'], url: () => '/api/events/document.uploaded', body: () => ({ payload: {} }) },
  { method: 'POST', path: '/api/webhooks/:workflowId', access: 'public', url: (f) => `/api/webhooks/${f.workflowId}`, body: () => ({}) },
  { method: 'GET', path: '/api/health', access: 'public' },
  { method: 'GET', path: '/api/health/live', access: 'public' },
  { method: 'GET', path: '/api/health/ready', access: 'public' },
  { method: 'GET', path: '/metrics', access: ['admin'] },
  { method: 'POST', path: '/api/auth/login', access: 'public', body: () => ({}) },
  { method: 'POST', path: '/api/auth/logout', access: 'signed-in', endsSession: true },
  { method: 'GET', path: '/api/auth/me', access: 'signed-in' },
  { method: 'GET', path: '/api/users', access: ['admin', 'auditor'] },
  { method: 'POST', path: '/api/users', access: ['admin'], body: () => ({}) },
  { method: 'PATCH', path: '/api/users/:id', access: ['admin'], url: (f) => `/api/users/${f.otherUserId}`, body: () => ({ displayName: 'Matrix Target' }) },
  // Everyone may set their own password; another user's (as here) only an admin.
  { method: 'POST', path: '/api/users/:id/password', access: ['admin'], url: (f) => `/api/users/${f.otherUserId}/password`, body: () => ({}) },
  { method: 'GET', path: '/api/api-keys', access: ['admin', 'auditor'] },
  { method: 'POST', path: '/api/api-keys', access: ['admin'], body: () => ({}) },
  { method: 'DELETE', path: '/api/api-keys/:id', access: ['admin'], url: (f) => `/api/api-keys/${f.missingId}` },
  { method: 'GET', path: '/api/audit', access: ['auditor', 'admin'] },
  { method: 'GET', path: '/api/figures/process', access: READERS },
  { method: 'GET', path: '/api/vendors', access: READERS },
  { method: 'POST', path: '/api/vendors', access: ['accountant', 'admin'], body: () => ({ name: '' }) },
  { method: 'GET', path: '/api/purchase-orders', access: READERS },
  { method: 'GET', path: '/api/purchase-orders/:number', access: READERS, url: () => '/api/purchase-orders/PO-MISSING' },
  { method: 'POST', path: '/api/purchase-orders', access: ['accountant', 'admin'], body: () => ({}) },
  { method: 'POST', path: '/api/goods-receipts', access: ['accountant', 'admin'], body: () => ({}) },
  { method: 'POST', path: '/api/purchasing/import/:kind', access: ['accountant', 'admin'], url: () => '/api/purchasing/import/vendors', body: () => ({}) },
  // Bank reconciliation: readers see statements, lines, suggestions, open items and findings; accountants and admins decide.
  { method: 'POST', path: '/api/bank-statements', access: ['accountant', 'admin'], body: () => ({}) },
  { method: 'GET', path: '/api/bank-statements', access: READERS },
  { method: 'GET', path: '/api/bank-transactions', access: READERS },
  { method: 'POST', path: '/api/reconciliation/run', access: ['accountant', 'admin'], body: () => ({ autoThreshold: 2 }) },
  { method: 'GET', path: '/api/reconciliation/suggestions', access: READERS },
  { method: 'POST', path: '/api/reconciliation/matches/:id/confirm', access: ['accountant', 'admin'], url: (f) => `/api/reconciliation/matches/${f.missingId}/confirm`, body: () => ({}) },
  { method: 'POST', path: '/api/reconciliation/matches/:id/reject', access: ['accountant', 'admin'], url: (f) => `/api/reconciliation/matches/${f.missingId}/reject`, body: () => ({}) },
  { method: 'POST', path: '/api/reconciliation/links', access: ['accountant', 'admin'], body: () => ({}) },
  { method: 'GET', path: '/api/reconciliation/exceptions', access: READERS },
  {
    method: 'POST', path: '/api/reconciliation/exceptions/:id/resolve', access: ['accountant', 'admin'], url: (f) => `/api/reconciliation/exceptions/${f.missingId}/resolve`,
    body: () => ({ resolution: 'matrix' }),
  },
  { method: 'GET', path: '/api/open-items', access: READERS },
  { method: 'POST', path: '/api/open-items', access: ['accountant', 'admin'], body: () => ({}) },
  { method: 'POST', path: '/api/open-items/import', access: ['accountant', 'admin'], body: () => ({}) },
  { method: 'GET', path: '/api/audit/export', access: ['auditor', 'admin'] },
  { method: 'GET', path: '/api/audit/verify', access: ['auditor', 'admin'] },
  // The inbox: any signed-in person; the task itself decides what they see and may do (404/403 from the task).
  { method: 'GET', path: '/api/tasks', access: 'signed-in' },
  { method: 'POST', path: '/api/tasks/decide', access: 'signed-in', body: (f) => ({ items: [{ taskId: f.missingId, outcome: 'approve' }] }) },
  { method: 'GET', path: '/api/tasks/:id', access: 'signed-in', url: (f) => `/api/tasks/${f.missingId}` },
  { method: 'POST', path: '/api/tasks/:id/claim', access: 'signed-in', url: (f) => `/api/tasks/${f.missingId}/claim` },
  { method: 'POST', path: '/api/tasks/:id/release', access: 'signed-in', url: (f) => `/api/tasks/${f.missingId}/release` },
  { method: 'POST', path: '/api/tasks/:id/delegate', access: 'signed-in', url: (f) => `/api/tasks/${f.missingId}/delegate`, body: () => ({ to: 'user:someone' }) },
  { method: 'POST', path: '/api/tasks/:id/decide', access: 'signed-in', url: (f) => `/api/tasks/${f.missingId}/decide`, body: () => ({ outcome: 'approve' }) },
  { method: 'POST', path: '/api/tasks/:id/resubmit', access: 'signed-in', url: (f) => `/api/tasks/${f.missingId}/resubmit`, body: () => ({}) },
  // Documents: uploaders, accountants and admins upload; uploaders read only their own (404 for others' documents).
  { method: 'POST', path: '/api/documents', access: ['uploader', 'accountant', 'admin'], body: () => ({}) },
  { method: 'GET', path: '/api/documents', access: ['uploader', 'accountant', 'approver', 'auditor', 'admin'] },
  { method: 'GET', path: '/api/documents/:id', access: ['uploader', 'accountant', 'approver', 'auditor', 'admin'], url: (f) => `/api/documents/${f.missingId}` },
  {
    method: 'GET', path: '/api/documents/:id/content', access: ['uploader', 'accountant', 'approver', 'auditor', 'admin'],
    url: (f) => `/api/documents/${f.missingId}/content`,
  },
  // Live status (server-sent events): an unknown id answers 404 at once instead of opening an endless stream.
  { method: 'GET', path: '/api/live/documents', access: ['uploader', 'accountant', 'approver', 'auditor', 'admin'], url: (f) => `/api/live/documents?ids=${f.missingId}` },
  { method: 'GET', path: '/api/live/runs', access: READERS, url: (f) => `/api/live/runs?ids=${f.missingId}` },
  // Reports: accountants and admins generate every report, auditors only the audit extract (the body here asks for one).
  {
    method: 'POST', path: '/api/reports', access: ['accountant', 'admin', 'auditor'],
    body: (f) => ({ type: 'audit-extract', format: 'csv', parameters: { documentId: f.missingId } }),
  },
  { method: 'GET', path: '/api/reports', access: ['accountant', 'admin', 'auditor'] },
  { method: 'GET', path: '/api/reports/:id', access: ['accountant', 'admin', 'auditor'], url: (f) => `/api/reports/${f.missingId}` },
  { method: 'GET', path: '/api/reports/:id/download', access: ['accountant', 'admin', 'auditor'], url: (f) => `/api/reports/${f.missingId}/download` },
];

/** Mounted outside Nest's router (bull-board), so not in the router's list: checked all the same. */
export const MOUNTED_ROUTES: readonly RouteCase[] = [{ method: 'GET', path: '/admin/queues', access: ['admin'] }];

/** The OpenAPI document and Swagger UI: public documentation, not API routes. */
export const DOCUMENTATION_PREFIX = '/api/docs';
