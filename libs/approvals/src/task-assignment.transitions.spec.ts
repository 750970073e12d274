import { approvalRequest, person } from './approval-test-data.fixture';
import { DEFAULT_TASK_ACCESS, permissionsOf } from './task-access';
import { claimTask, delegateTask, releaseTask } from './task-assignment.transitions';
import { decideTask } from './task-decision.transitions';
import { openNewTask } from './task-opening';
import type { Task } from './task.model';

const now = new Date('2026-01-05T09:00:00Z');
const access = DEFAULT_TASK_ACCESS;
const alice = person('alice', ['accountant']);
const bob = person('bob', ['accountant']);
const admin = person('root', ['admin']);
const dave = person('dave');

function open(withValues: Record<string, unknown> = {}): Task {
  return openNewTask(approvalRequest({ title: 'Invoice', assignees: { roles: ['accountant'] }, ...withValues }, { startedBy: 'user:uploader' }), 'task-1', now).task;
}

function errorOf(action: () => unknown): { code: string } | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return error as { code: string };
  }
}

describe('claim and release', () => {
  it('lets only the claimant decide while claimed', () => {
    const claimed = claimTask(open(), alice, now, access)!;
    expect(claimed.task.claimedBy).toBe('user:alice');
    expect(claimed.events.map((event) => event.type)).toEqual(['claimed']);
    expect(errorOf(() => decideTask(claimed.task, bob, { outcome: 'approve' }, now, access))?.code).toBe('TASK_CONFLICT');
    expect(errorOf(() => claimTask(claimed.task, bob, now, access))?.code).toBe('TASK_CONFLICT');
    expect(permissionsOf(claimed.task, bob, access)).toMatchObject({ canDecide: false, canClaim: false, blockedBy: 'claimed-by-another' });
    expect(claimTask(claimed.task, alice, now, access)).toBeUndefined();
  });

  it('is released by the claimant or an admin, not by others', () => {
    const claimed = claimTask(open(), alice, now, access)!.task;
    expect(errorOf(() => releaseTask(claimed, bob, now, access))?.code).toBe('FORBIDDEN');
    const released = releaseTask(claimed, admin, now, access)!;
    expect(released.task.claimedBy).toBeUndefined();
    expect('claimedBy' in released.task).toBe(false);
    expect(decideTask(released.task, bob, { outcome: 'approve' }, now, access).task.outcome).toBe('approve');
    expect(releaseTask(released.task, alice, now, access)).toBeUndefined();
  });

  it('frees the claim after a partial N-of-M approval so the next approver can decide', () => {
    const claimed = claimTask(open({ approvals: 2 }), alice, now, access)!.task;
    const partly = decideTask(claimed, alice, { outcome: 'approve' }, now, access).task;
    expect(partly.claimedBy).toBeUndefined();
    expect(decideTask(partly, bob, { outcome: 'approve' }, now, access).task.status).toBe('decided');
  });
});

describe('delegation', () => {
  it('hands the task to a named user, who may then decide it alone', () => {
    const delegated = delegateTask(open(), alice, 'dave', now, access, ' on holiday ');
    expect(delegated.task.assignees.users).toEqual(['user:dave']);
    expect(delegated.task.claimedBy).toBe('user:dave');
    expect(delegated.events[0]).toMatchObject({ type: 'delegated', actor: 'user:alice', details: { from: 'user:alice', to: 'user:dave', comment: 'on holiday' } });
    expect(delegated.effects).toEqual(['assigned']);
    expect(decideTask(delegated.task, dave, { outcome: 'approve' }, now, access).task.outputs?.decidedBy).toEqual(['user:dave']);
  });

  it('is refused to the uploader (segregation of duties), to oneself, and to people who may not decide', () => {
    expect(errorOf(() => delegateTask(open(), alice, 'user:uploader', now, access))?.code).toBe('FORBIDDEN');
    expect(errorOf(() => delegateTask(open(), alice, 'alice', now, access))?.code).toBe('DELEGATION_INVALID');
    expect(errorOf(() => delegateTask(open(), dave, 'bob', now, access))?.code).toBe('TASK_NOT_FOUND');
  });

  it('is allowed to an admin who is not an assignee', () => {
    expect(delegateTask(open(), admin, 'bob', now, access).task.claimedBy).toBe('user:bob');
  });
});
