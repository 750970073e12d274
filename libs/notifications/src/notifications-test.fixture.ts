import type { Task } from '@conveyor/approvals';
import type { StepContext } from '@conveyor/workflow-engine';
import type { MailLog } from './mailer';
import type { DirectoryUser, DirectoryUserSource } from './recipient-directory';

export const TEST_LINK_SECRET = 'test-link-signing-secret-of-at-least-32-chars';
export const TEST_PORTAL_URL = 'https://portal.example.test/conveyor';

/** The people the tests mail: two accountants (one of them uploads), a finance lead, and a deactivated user. */
export const TEST_USERS: DirectoryUser[] = [
  { id: 'u-ada', email: 'Ada@Example.test', displayName: 'Ada Accountant', roles: ['accountant'], groups: ['finance'], active: true },
  { id: 'u-ben', email: 'ben@example.test', displayName: 'Ben Accountant', roles: ['accountant'], groups: [], active: true },
  { id: 'u-lea', email: 'lea@example.test', displayName: 'Lea Lead', roles: ['approver'], groups: ['finance-leads'], active: true },
  { id: 'u-old', email: 'old@example.test', displayName: 'Old Accountant', roles: ['accountant'], groups: ['finance'], active: false },
  { id: 'u-upl', email: 'uploader@example.test', displayName: 'Una Uploader', roles: ['uploader', 'accountant'], groups: [], active: true },
];

/** A user list held in memory, standing in for the identity service's listUsers. */
export function userListSource(users: DirectoryUser[] = TEST_USERS): DirectoryUserSource {
  return { listUsers: async () => users };
}

/** A MailLog that keeps its lines. */
export function recordingLog(): MailLog & { lines: { level: 'info' | 'warn'; fields: Record<string, unknown>; message: string }[] } {
  const lines: { level: 'info' | 'warn'; fields: Record<string, unknown>; message: string }[] = [];
  return {
    lines,
    info: (fields, message) => lines.push({ level: 'info', fields, message }),
    warn: (fields, message) => lines.push({ level: 'warn', fields, message }),
  };
}

/** A StepContext for the notify step, recording its log lines. */
export function notifyStepContext(overrides: Partial<StepContext> = {}): StepContext & { lines: { level: string; message: string; fields?: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const record = (level: string) => (message: string, fields?: Record<string, unknown>) => lines.push({ level, message, fields });
  return {
    runId: 'run-42',
    workflowId: 'invoice-check',
    revision: 1,
    stepId: 'tell-finance',
    itemIndex: null,
    attempt: 1,
    idempotencyKey: 'run-42:tell-finance:-',
    signal: new AbortController().signal,
    logger: { info: record('info'), warn: record('warn'), error: record('error') },
    now: () => new Date('2026-01-05T09:00:00Z'),
    services: { startChildRun: async () => 'unused' },
    ...overrides,
    lines,
  };
}

/** An open approval task for an invoice, assigned to the accountants, uploaded by Una. */
export function sampleTask(overrides: Partial<Task> = {}): Task {
  const created = new Date('2026-01-05T09:00:00Z');
  return {
    id: 'task-7f3a',
    runId: 'run-42',
    stepExecutionId: 'run-42:approve:-',
    workflowId: 'invoice-approval',
    revision: 3,
    stepId: 'approve',
    itemIndex: null,
    title: 'Invoice INV-1001 from ACME over tolerance',
    description: 'The price is 12% above the purchase order.',
    status: 'open',
    assignees: { users: [], roles: ['accountant'], groups: [] },
    requiredApprovals: 1,
    context: { supplier: 'ACME GmbH', invoiceNumber: 'INV-1001', lines: [{ sku: 'A-1', qty: 3 }] },
    amount: '12500.00',
    currency: 'EUR',
    startedBy: 'user:u-upl',
    uploadedBy: 'user:u-upl',
    policy: {
      outcomes: ['approve', 'reject', 'request-changes'],
      segregationOfDuties: true,
      businessDays: true,
      holidays: [],
      timezone: 'Europe/Berlin',
      escalateTo: { users: [], roles: ['approver'], groups: [] },
    },
    round: 1,
    changeRequests: [],
    decisions: [],
    dueAt: new Date('2026-01-07T16:00:00Z'),
    escalationLevel: 0,
    signalAttempts: 0,
    version: 1,
    createdAt: created,
    updatedAt: created,
    ...overrides,
  };
}

/** The error an action throws; fails the test when it throws none. */
export async function caught(action: () => Promise<unknown>): Promise<{ code: string; message: string; retryable: boolean; details: Record<string, unknown> }> {
  try {
    await action();
  } catch (error) {
    return error as { code: string; message: string; retryable: boolean; details: Record<string, unknown> };
  }
  throw new Error('expected an error, but none was thrown');
}
