import { ManualClock, newId } from '@conveyor/kernel';
import { SqlTaskRepository } from '@conveyor/persistence';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '@conveyor/testing';
import { approvalRequest, person } from './approval-test-data.fixture';
import { ApprovalService } from './approval.service';
import { RecordingAuditRecorder, RecordingNotifier, RecordingRunSignaler } from './recording-ports.fixture';

const alice = person('alice', ['accountant']);
const carol = person('carol', ['approver'], ['ap-team']);
const uploader = person('uploader', ['uploader']);
const auditor = person('audrey', ['auditor']);

describe.each(DATABASE_KINDS)('approvals inbox and scheduler over SQL (%s)', (kind) => {
  let db: TestDatabase;
  let clock: ManualClock;
  let service: ApprovalService;
  let signaler: RecordingRunSignaler;
  let notifier: RecordingNotifier;
  // Every test uses its own workflow id, so the inbox queries see only that test's tasks.
  let workflowId: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
  }, 120_000);

  afterAll(async () => {
    await db?.drop();
  });

  beforeEach(() => {
    clock = new ManualClock('2026-01-09T15:00:00Z');
    signaler = new RecordingRunSignaler();
    notifier = new RecordingNotifier();
    const tasks = new SqlTaskRepository(db.database.dataSource);
    service = new ApprovalService({ tasks, audit: new RecordingAuditRecorder(), signaler, notifier, clock });
    workflowId = `wf-${newId().slice(0, 8)}`;
  });

  const open = async (withValues: Record<string, unknown>, context: Parameters<typeof approvalRequest>[1] = {}) => {
    const opened = await service.openTask(approvalRequest({ title: 'Invoice', ...withValues }, { workflowId, ...context }));
    clock.advance(1000);
    return opened.taskId;
  };
  const titles = async (who: typeof alice, filter: Parameters<ApprovalService['listTasks']>[1] = {}) =>
    (await service.listTasks(who, { workflowId, ...filter })).items.map((task) => task.title);

  it('lists tasks by user, role and group assignment only to those people', async () => {
    await open({ title: 'by role', assignees: { roles: ['accountant'] } });
    await open({ title: 'by group', assignees: { groups: ['ap-team'] } });
    await open({ title: 'by name', assignees: { users: ['alice'] } });
    await open({ title: 'for approvers', assignees: { roles: ['approver'] } });
    expect(await titles(alice)).toEqual(['by role', 'by name']);
    expect(await titles(carol)).toEqual(['by group', 'for approvers']);
    expect(await titles(uploader)).toEqual([]);
    expect(await titles(auditor)).toEqual([]);
    expect(await titles(auditor, { all: true })).toEqual(['by role', 'by group', 'by name', 'for approvers']);
  });

  it('filters by status, amount (exactly, as decimals) and due date, and pages', async () => {
    // dueAfter sets a due date without a timer: the scheduler test of this file sees only its own task.
    for (const amount of ['999.99', '1000.00', '1000.01', '20000.00']) await open({ title: amount, assignees: { roles: ['accountant'] }, amount, dueAfter: '2d' });
    await open({ title: 'no amount', assignees: { roles: ['accountant'] } });
    expect(await titles(alice, { amountMin: '1000.00', amountMax: '1000.01' })).toEqual(['1000.00', '1000.01']);
    expect(await titles(alice, { amountMin: 1000.005 })).toEqual(['1000.01', '20000.00']);
    expect(await titles(alice, { dueBefore: '2026-01-13T15:00:02Z' })).toEqual(['999.99', '1000.00']);
    const page1 = await service.listTasks(alice, { workflowId, limit: 2 });
    const page2 = await service.listTasks(alice, { workflowId, limit: 2, cursor: page1.nextCursor });
    const page3 = await service.listTasks(alice, { workflowId, limit: 2, cursor: page2.nextCursor });
    expect([...page1.items, ...page2.items, ...page3.items].map((task) => task.title)).toEqual(['999.99', '1000.00', '1000.01', '20000.00', 'no amount']);
    expect(page3.nextCursor).toBeUndefined();
    const [firstId] = (await service.listTasks(alice, { workflowId, limit: 1 })).items.map((task) => task.id);
    await service.decide(alice, firstId, { outcome: 'reject', comment: 'duplicate' });
    expect(await titles(alice, { status: 'decided' })).toEqual(['999.99']);
    expect(await titles(alice)).toEqual(['1000.00', '1000.01', '20000.00', 'no amount']);
  });

  it('sends a task back to the uploader and brings it back to the approvers with the corrections', async () => {
    const taskId = await open({ assignees: { roles: ['accountant'] }, uploadedBy: 'uploader' }, { startedBy: 'scheduler' });
    await service.decide(alice, taskId, { outcome: 'request-changes', comment: 'IBAN unreadable' });
    expect(await titles(alice)).toEqual(['Invoice']);
    expect((await service.listTasks(alice, { workflowId })).items[0].permissions).toMatchObject({ canDecide: false, blockedBy: 'not-open' });
    expect((await service.listTasks(uploader, { workflowId })).items.map((task) => task.permissions.canResubmit)).toEqual([true]);
    await service.resubmit(uploader, taskId, { data: { iban: 'DE02120300000000202051' }, comment: 'rescanned' });
    expect(await titles(uploader)).toEqual([]);
    const approved = await service.decide(alice, taskId, { outcome: 'approve' });
    expect(approved.outputs).toMatchObject({ corrections: { iban: 'DE02120300000000202051' }, changeRequests: [{ reason: 'IBAN unreadable', comment: 'rescanned' }] });
    const history = (await service.getTask(alice, taskId)).history;
    expect(history.map((event) => `${event.type} by ${event.actor}`)).toEqual([
      'opened by scheduler',
      'changes-requested by user:alice',
      'resubmitted by user:uploader',
      'decided by user:alice',
      'signalled by system',
    ]);
    expect(notifier.sent.map((sent) => `${sent.kind}:${sent.status}`)).toEqual(['assigned:open', 'assigned:changes-requested', 'assigned:open']);
  });

  it('reminds, escalates and times out from the due-work scan', async () => {
    const taskId = await open({ assignees: { roles: ['accountant'] }, remindAfter: '4h', escalateAfter: '1d', escalateTo: { groups: ['ap-team'] }, timeout: '2d' });
    // Friday 15:00 + 4 business hours: Friday 19:00. + 1 business day: Monday 15:00. + 2: Tuesday 15:00.
    clock.set('2026-01-09T19:00:00Z');
    expect(await service.runDueWork()).toMatchObject({ reminded: 1, escalated: 0, expired: 0 });
    clock.set('2026-01-12T15:00:00Z');
    expect(await service.runDueWork()).toMatchObject({ reminded: 0, escalated: 1, expired: 0 });
    expect(await titles(carol)).toEqual(['Invoice']);
    clock.set('2026-01-13T15:00:00Z');
    expect(await service.runDueWork()).toMatchObject({ expired: 1, signalled: 1 });
    expect(signaler.signals.map((signal) => [signal.signal, (signal.payload as { outcome: string }).outcome])).toEqual([[`task:${taskId}`, 'reject']]);
    expect(await service.runDueWork()).toMatchObject({ reminded: 0, escalated: 0, expired: 0, signalled: 0 });
  });

  it('cancels the tasks of a cancelled run, and treats unknown ids as not found', async () => {
    const runId = newId();
    const taskId = await open({ assignees: { roles: ['accountant'] } }, { runId });
    expect(await service.cancelForRun(runId, 'user:admin', 'run cancelled')).toBe(1);
    expect(await service.cancelForRun(runId, 'user:admin', 'again')).toBe(0);
    await expect(service.decide(alice, taskId, { outcome: 'approve' })).rejects.toMatchObject({ code: 'TASK_CONFLICT' });
    await expect(service.getTask(alice, 'not-a-uuid')).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
    await expect(service.decide(alice, newId(), { outcome: 'approve' })).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
    expect(signaler.signals).toEqual([]);
  });
});
