import { GL_FORM, approvalRequest, person } from './approval-test-data.fixture';
import { DEFAULT_TASK_ACCESS, permissionsOf } from './task-access';
import { decideTask, resubmitTask, type DecisionInput } from './task-decision.transitions';
import { openNewTask } from './task-opening';
import type { Task } from './task.model';

const now = new Date('2026-01-05T09:00:00Z');
const later = new Date('2026-01-05T10:00:00Z');
const access = DEFAULT_TASK_ACCESS;

const alice = person('alice', ['accountant']);
const bob = person('bob', ['accountant']);
const carol = person('carol', [], ['ap-team']);
const uploader = person('uploader', ['accountant', 'uploader']);
const outsider = person('mallory', ['uploader']);

function open(withValues: Record<string, unknown> = {}, startedBy?: string): Task {
  const request = approvalRequest({ title: 'Invoice 4711', assignees: { roles: ['accountant'], groups: ['ap-team'] }, ...withValues }, { startedBy });
  return openNewTask(request, 'task-1', now).task;
}

const decide = (task: Task, who = alice, input: DecisionInput = { outcome: 'approve' }) => decideTask(task, who, input, later, access);
const codeOf = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    return (error as { code: string; details?: { reason?: string } }).code + ((error as { details?: { reason?: string } }).details?.reason ? `:${(error as { details: { reason: string } }).details.reason}` : '');
  }
  return 'no error';
};

describe('segregation of duties', () => {
  it('keeps whoever started the run from deciding, though their role is assigned', () => {
    const task = open({}, 'user:uploader');
    expect(codeOf(() => decide(task, uploader))).toBe('FORBIDDEN:segregation-of-duties');
    expect(permissionsOf(task, uploader, access)).toMatchObject({ canDecide: false, blockedBy: 'segregation-of-duties' });
  });

  it('keeps the document uploader out too', () => {
    const task = open({ uploadedBy: 'bob' }, 'user:someone-else');
    expect(task.uploadedBy).toBe('user:bob');
    expect(codeOf(() => decide(task, bob))).toBe('FORBIDDEN:segregation-of-duties');
    expect(decide(task, alice).task.status).toBe('decided');
  });

  it('can be switched off per step', () => {
    const task = open({ segregationOfDuties: false }, 'user:uploader');
    expect(decide(task, uploader).task.outcome).toBe('approve');
  });

  it('refuses a step whose only named approvers are kept out', () => {
    const request = approvalRequest({ title: 'x', assignees: { users: ['uploader', 'alice'] }, approvals: 2 }, { startedBy: 'user:uploader' });
    expect(() => openNewTask(request, 'task-1', now)).toThrow(expect.objectContaining({ code: 'BAD_STEP_INPUT' }));
  });
});

describe('who may decide', () => {
  it('hides the task from people it is not assigned to', () => {
    expect(codeOf(() => decide(open(), outsider))).toBe('TASK_NOT_FOUND');
  });

  it('lets an admin see but not decide a task not assigned to them', () => {
    expect(codeOf(() => decide(open(), person('root', ['admin'])))).toBe('FORBIDDEN:not-assigned');
  });

  it('lets group members decide', () => {
    expect(decide(open(), carol).task.outputs?.decidedBy).toEqual(['user:carol']);
  });
});

describe('N-of-M approvals', () => {
  it('needs N distinct approvers; the N-th approval decides', () => {
    const first = decide(open({ approvals: 2 }), alice);
    expect(first.task.status).toBe('open');
    expect(first.events.map((event) => event.type)).toEqual(['approval-recorded']);
    expect(first.effects).toEqual([]);
    expect(codeOf(() => decide(first.task, alice))).toBe('TASK_CONFLICT:already-decided');
    const second = decide(first.task, carol, { outcome: 'approve', comment: 'ok' });
    expect(second.task).toMatchObject({ status: 'decided', outcome: 'approve' });
    expect(second.task.outputs).toMatchObject({ decidedBy: ['user:alice', 'user:carol'], comment: 'ok', timedOut: false });
    expect(second.effects).toEqual(['signal']);
  });

  it('lets one rejection end it', () => {
    const first = decide(open({ approvals: 3 }), alice);
    const rejected = decide(first.task, bob, { outcome: 'reject', comment: 'duplicate invoice' });
    expect(rejected.task.outputs).toMatchObject({ outcome: 'reject', decidedBy: ['user:bob'], comment: 'duplicate invoice' });
    expect(rejected.task.outputs?.decisions.map((decision) => decision.actor)).toEqual(['user:alice', 'user:bob']);
  });
});

describe('decisions', () => {
  it('needs a reason to reject or to request changes', () => {
    expect(codeOf(() => decide(open(), alice, { outcome: 'reject' }))).toBe('DECISION_INVALID:comment-required');
    expect(codeOf(() => decide(open(), alice, { outcome: 'reject', comment: '   ' }))).toBe('DECISION_INVALID:comment-required');
    expect(codeOf(() => decide(open(), alice, { outcome: 'request-changes' }))).toBe('DECISION_INVALID:comment-required');
  });

  it('takes only the step outcomes', () => {
    expect(codeOf(() => decide(open({ outcomes: ['approve', 'reject'] }), alice, { outcome: 'request-changes', comment: 'x' }))).toBe(
      'DECISION_INVALID:unknown-outcome',
    );
    expect(codeOf(() => decide(open(), alice, { outcome: 'maybe' }))).toBe('DECISION_INVALID:unknown-outcome');
  });

  it('validates the form and makes the data the outputs', () => {
    const task = open({ form: GL_FORM });
    expect(codeOf(() => decide(task, alice, { outcome: 'approve', data: {} }))).toBe('FORM_DATA_INVALID');
    expect(codeOf(() => decide(task, alice, { outcome: 'approve', data: { glAccount: '12' } }))).toBe('FORM_DATA_INVALID');
    expect(codeOf(() => decide(task, alice, { outcome: 'approve', data: { glAccount: '4400', bogus: 1 } }))).toBe('FORM_DATA_INVALID');
    const approved = decide(task, alice, { outcome: 'approve', data: { glAccount: '4400', correctedTotal: '119.00' } });
    expect(approved.task.outputs?.data).toEqual({ glAccount: '4400', correctedTotal: '119.00' });
    // A rejection need not fill the form, but what it sends must fit it.
    expect(decide(task, alice, { outcome: 'reject', comment: 'no PO' }).task.outcome).toBe('reject');
    expect(codeOf(() => decide(task, alice, { outcome: 'reject', comment: 'no PO', data: { glAccount: 'x' } }))).toBe('FORM_DATA_INVALID');
  });

  it('refuses a decision on a version the approver did not see', () => {
    expect(codeOf(() => decide(open(), alice, { outcome: 'approve', expectedVersion: 7 }))).toBe('TASK_CONFLICT:stale');
    expect(decide(open(), alice, { outcome: 'approve', expectedVersion: 1 }).task.version).toBe(2);
  });

  it('refuses a second decision on a decided task', () => {
    const decided = decide(open(), alice).task;
    expect(codeOf(() => decide(decided, bob))).toBe('TASK_CONFLICT:not-open');
  });
});

describe('request changes', () => {
  it('goes back to the uploader, who resubmits; approvals start over and the history keeps every round', () => {
    const task = open({ approvals: 2, uploadedBy: 'uploader' }, 'user:starter');
    const approvedOnce = decide(task, alice).task;
    const sentBack = decide(approvedOnce, bob, { outcome: 'request-changes', comment: 'VAT ID missing' });
    expect(sentBack.task).toMatchObject({ status: 'changes-requested', changesRequestedFrom: 'user:uploader' });
    expect(sentBack.effects).toEqual(['assigned']);
    expect(permissionsOf(sentBack.task, uploader, access)).toMatchObject({ canResubmit: true, canDecide: false });
    expect(codeOf(() => decide(sentBack.task, carol))).toBe('TASK_CONFLICT:not-open');
    expect(codeOf(() => resubmitTask(sentBack.task, alice, {}, later, access))).toBe('FORBIDDEN');

    const resubmitted = resubmitTask(sentBack.task, uploader, { data: { vatId: 'DE123' }, comment: 'added' }, later, access);
    expect(resubmitted.task).toMatchObject({ status: 'open', round: 2 });
    expect(resubmitted.task.changeRequests).toEqual([
      { round: 1, requestedBy: 'user:bob', reason: 'VAT ID missing', requestedAt: later.toISOString(), resubmittedBy: 'user:uploader', resubmittedAt: later.toISOString(), data: { vatId: 'DE123' }, comment: 'added' },
    ]);
    // alice approved in round 1; that no longer counts, and she may approve again.
    const again = decide(decide(resubmitted.task, alice).task, bob);
    expect(again.task.outputs).toMatchObject({ outcome: 'approve', decidedBy: ['user:alice', 'user:bob'], corrections: { vatId: 'DE123' } });
    expect(again.task.decisions.map((decision) => `${decision.round}:${decision.actor}:${decision.outcome}`)).toEqual([
      '1:user:alice:approve',
      '1:user:bob:request-changes',
      '2:user:alice:approve',
      '2:user:bob:approve',
    ]);
  });

  it('goes to the starter when no uploader is named, and is refused when the run has no person behind it', () => {
    expect(decide(open({}, 'user:starter'), alice, { outcome: 'request-changes', comment: 'x' }).task.changesRequestedFrom).toBe('user:starter');
    expect(codeOf(() => decide(open({}, 'scheduler'), alice, { outcome: 'request-changes', comment: 'x' }))).toBe('DECISION_INVALID:nobody-to-resubmit');
  });

  it('resubmits only a task sent back', () => {
    expect(codeOf(() => resubmitTask(open({}, 'user:uploader'), uploader, {}, later, access))).toBe('TASK_CONFLICT');
  });
});
