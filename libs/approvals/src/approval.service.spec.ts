import { DomainError, ManualClock } from '@conveyor/kernel';
import { approvalRequest, person } from './approval-test-data.fixture';
import { ApprovalService } from './approval.service';
import { InMemoryTaskRepository } from './in-memory-task-repository.fixture';
import { RecordingAuditRecorder, RecordingNotifier, RecordingRunSignaler } from './recording-ports.fixture';

const alice = person('alice', ['accountant']);
const bob = person('bob', ['accountant']);
const lead = person('lead', ['approver']);
const uploader = person('uploader', ['uploader']);

function setUp(start = '2026-01-09T15:00:00Z') {
  const clock = new ManualClock(start);
  const tasks = new InMemoryTaskRepository();
  const audit = new RecordingAuditRecorder();
  const signaler = new RecordingRunSignaler();
  const notifier = new RecordingNotifier();
  const errors: unknown[] = [];
  const service = new ApprovalService({ tasks, audit, signaler, notifier, clock, onError: (error) => errors.push(error) });
  return { clock, tasks, audit, signaler, notifier, service, errors };
}

const timed = {
  title: 'Invoice 4711',
  assignees: { roles: ['accountant'] },
  remindAfter: '1d',
  escalateAfter: '2d',
  escalateTo: { roles: ['approver'] },
  timeout: '5d',
  timeoutOutcome: 'reject',
  holidays: ['2026-01-14'],
};

describe('ApprovalService: reminders, escalation and timeout in business days', () => {
  it('reminds after a business day, escalates after two, and takes the timeout outcome after five', async () => {
    // Created Friday 2026-01-09 15:00 UTC; Wednesday the 14th is a holiday.
    const { clock, service, notifier, signaler, audit } = setUp();
    const { taskId } = await service.openTask(approvalRequest(timed));
    expect((await service.getTask(alice, taskId)).remindAt).toBe('2026-01-12T15:00:00.000Z');

    clock.set('2026-01-12T14:59:59Z');
    expect(await service.runDueWork()).toEqual({ reminded: 0, escalated: 0, expired: 0, signalled: 0, failures: [] });
    clock.set('2026-01-12T15:00:00Z');
    expect(await service.runDueWork()).toMatchObject({ reminded: 1, escalated: 0 });
    expect(await service.runDueWork()).toMatchObject({ reminded: 0 });
    await expect(service.getTask(lead, taskId)).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });

    clock.set('2026-01-13T15:00:00Z');
    expect(await service.runDueWork()).toMatchObject({ escalated: 1 });
    expect((await service.getTask(lead, taskId)).permissions.canDecide).toBe(true);
    expect(notifier.kinds()).toEqual(['assigned', 'remind', 'escalated']);

    // Five business days skip the weekend and the holiday: Monday the 19th, 15:00.
    clock.set('2026-01-19T14:59:00Z');
    expect(await service.runDueWork()).toMatchObject({ expired: 0 });
    clock.set('2026-01-19T15:00:00Z');
    expect(await service.runDueWork()).toMatchObject({ expired: 1, signalled: 1 });
    const expired = await service.getTask(alice, taskId);
    expect(expired).toMatchObject({ status: 'expired', outcome: 'reject' });
    expect(signaler.signals).toEqual([
      { runId: expired.runId, signal: `task:${taskId}`, actor: 'system', payload: expect.objectContaining({ outcome: 'reject', timedOut: true, decidedBy: ['system'] }) },
    ]);
    expect(audit.actions()).toEqual(['task.opened', 'task.reminded', 'task.escalated', 'task.expired']);
    expect(expired.history.map((event) => event.type)).toEqual(['opened', 'reminded', 'escalated', 'expired', 'signalled']);
    await expect(service.decide(alice, taskId, { outcome: 'approve' })).rejects.toMatchObject({ code: 'TASK_CONFLICT' });
  });

  it('after downtime takes the timeout without reminding first', async () => {
    const { clock, service, notifier } = setUp();
    await service.openTask(approvalRequest(timed));
    clock.set('2026-02-01T00:00:00Z');
    expect(await service.runDueWork()).toMatchObject({ reminded: 0, escalated: 0, expired: 1 });
    expect(notifier.kinds()).toEqual(['assigned']);
  });

  it('times out a task left with the uploader too', async () => {
    const { clock, service } = setUp();
    const { taskId } = await service.openTask(approvalRequest({ ...timed, uploadedBy: 'uploader' }));
    await service.decide(alice, taskId, { outcome: 'request-changes', comment: 'wrong VAT' });
    clock.set('2026-01-20T00:00:00Z');
    expect(await service.runDueWork()).toMatchObject({ expired: 1 });
    await expect(service.resubmit(uploader, taskId, { data: {} })).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
  });
});

describe('ApprovalService: waking the step', () => {
  it('signals once per final decision with the outputs as payload', async () => {
    const { service, signaler } = setUp();
    const { taskId } = await service.openTask(approvalRequest({ title: 'x', assignees: { roles: ['accountant'] }, approvals: 2 }));
    await service.decide(alice, taskId, { outcome: 'approve' });
    expect(signaler.signals).toEqual([]);
    await service.decide(bob, taskId, { outcome: 'approve' });
    expect(signaler.signals).toHaveLength(1);
    expect(signaler.signals[0]).toMatchObject({ signal: `task:${taskId}`, actor: 'user:bob', payload: { taskId, outcome: 'approve', decidedBy: ['user:alice', 'user:bob'] } });
  });

  it('offers an undelivered outcome again from the due-work scan, with backoff', async () => {
    const { clock, service, signaler, errors } = setUp();
    const { taskId } = await service.openTask(approvalRequest({ title: 'x', assignees: { roles: ['accountant'] } }));
    signaler.answers = [new DomainError('QUEUE_UNAVAILABLE', 'redis is down', {}, true), { resumed: false }];
    await service.decide(alice, taskId, { outcome: 'approve' });
    expect(signaler.signals).toEqual([]);
    expect(errors).toEqual([]);
    expect(await service.runDueWork()).toMatchObject({ signalled: 0 });
    clock.advance(2_000);
    expect(await service.runDueWork()).toMatchObject({ signalled: 1 });
    // The step was not waiting yet (resumed: false): offered again a little later.
    clock.advance(10_000);
    expect(await service.runDueWork()).toMatchObject({ signalled: 1 });
    expect(signaler.signals).toHaveLength(2);
    clock.advance(3_600_000);
    expect(await service.runDueWork()).toMatchObject({ signalled: 0 });
    expect((await service.getTask(alice, taskId)).history.map((event) => event.type)).toEqual(['opened', 'decided', 'signalled']);
  });

  it('gives up on a run that does not exist, once the retry window is over', async () => {
    const { clock, service, signaler } = setUp();
    const { taskId } = await service.openTask(approvalRequest({ title: 'x', assignees: { roles: ['accountant'] } }));
    signaler.answers = Array.from({ length: 50 }, () => new DomainError('RUN_NOT_FOUND', 'no such run'));
    await service.decide(alice, taskId, { outcome: 'approve' });
    for (let minute = 0; minute < 30; minute++) {
      clock.advance(60_000);
      await service.runDueWork();
    }
    const history = (await service.getTask(alice, taskId)).history;
    expect(history[history.length - 1]).toMatchObject({ type: 'signal-undelivered', details: { error: { code: 'RUN_NOT_FOUND' } } });
    expect(await service.runDueWork()).toMatchObject({ signalled: 0 });
  });
});

describe('ApprovalService: inbox', () => {
  it('lists what is assigned to me, filtered and paged', async () => {
    const { clock, service } = setUp();
    const ids: string[] = [];
    for (const amount of ['100.00', '1000.00', '1000.01', '5000.00']) {
      ids.push((await service.openTask(approvalRequest({ title: `Invoice ${amount}`, assignees: { roles: ['accountant'] }, amount, currency: 'EUR' }))).taskId);
      clock.advance(1000);
    }
    await service.openTask(approvalRequest({ title: 'For approvers', assignees: { roles: ['approver'] } }));
    const titles = async (filter: Parameters<ApprovalService['listTasks']>[1]) => (await service.listTasks(alice, filter)).items.map((task) => task.title);
    expect(await titles({})).toEqual(['Invoice 100.00', 'Invoice 1000.00', 'Invoice 1000.01', 'Invoice 5000.00']);
    expect(await titles({ amountMin: '1000.00', amountMax: 1000.01 })).toEqual(['Invoice 1000.00', 'Invoice 1000.01']);
    const first = await service.listTasks(alice, { limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(await titles({ limit: 3, cursor: first.nextCursor })).toEqual(['Invoice 5000.00']);
    expect((await service.listTasks(alice, { limit: 4 })).nextCursor).toBeUndefined();
    await service.decide(alice, ids[0], { outcome: 'approve' });
    expect(await titles({ status: 'decided' })).toEqual(['Invoice 100.00']);
    await expect(service.listTasks(alice, { amountMin: 'lots' })).rejects.toMatchObject({ code: 'INVALID_FILTER' });
    await expect(service.listTasks(alice, { cursor: 'garbage' })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    await expect(service.listTasks(alice, { all: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await service.listTasks(person('auditor', ['auditor']), { all: true })).items).toHaveLength(4);
  });

  it('decides in bulk, each task on its own', async () => {
    const { service } = setUp();
    const mine = (await service.openTask(approvalRequest({ title: 'a', assignees: { roles: ['accountant'] } }))).taskId;
    const own = (await service.openTask(approvalRequest({ title: 'b', assignees: { roles: ['accountant'] } }, { startedBy: 'user:alice' }))).taskId;
    const { results } = await service.bulkDecide(alice, [
      { taskId: mine, outcome: 'approve' },
      { taskId: own, outcome: 'approve' },
      { taskId: 'nope', outcome: 'approve' },
    ]);
    expect(results.map((result) => (result.ok ? result.task.status : result.error.code))).toEqual(['decided', 'FORBIDDEN', 'TASK_NOT_FOUND']);
    await expect(service.bulkDecide(alice, [])).rejects.toMatchObject({ code: 'BULK_DECISION_INVALID' });
  });

  it('rolls the decision back when the audit record cannot be written', async () => {
    const { service, audit, signaler } = setUp();
    const { taskId } = await service.openTask(approvalRequest({ title: 'a', assignees: { roles: ['accountant'] } }));
    audit.failNext = new Error('audit store down');
    await expect(service.decide(alice, taskId, { outcome: 'approve' })).rejects.toThrow('audit store down');
    expect((await service.getTask(alice, taskId)).status).toBe('open');
    expect(signaler.signals).toEqual([]);
    expect((await service.decide(alice, taskId, { outcome: 'approve' })).status).toBe('decided');
  });
});
