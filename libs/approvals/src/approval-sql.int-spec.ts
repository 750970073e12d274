import { ManualClock } from '@conveyor/kernel';
import { openDatabase, SqlTaskRepository, type Database } from '@conveyor/persistence';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '@conveyor/testing';
import { approvalRequest, GL_FORM, person } from './approval-test-data.fixture';
import { ApprovalService } from './approval.service';
import { RecordingAuditRecorder, RecordingNotifier, RecordingRunSignaler } from './recording-ports.fixture';

const alice = person('alice', ['accountant']);
const bob = person('bob', ['accountant']);
const carol = person('carol', [], ['ap-team']);
const dave = person('dave', ['accountant']);
const erin = person('erin', ['accountant']);

function serviceOver(database: Database, clock = new ManualClock('2026-01-05T09:00:00Z')) {
  const audit = new RecordingAuditRecorder();
  const signaler = new RecordingRunSignaler();
  const notifier = new RecordingNotifier();
  const tasks = new SqlTaskRepository(database.dataSource);
  return { service: new ApprovalService({ tasks, audit, signaler, notifier, clock }), audit, signaler, notifier, tasks, clock };
}

const count = async (database: Database, sql: string, params: unknown[]) =>
  ((await database.dataSource.query(sql, params)) as { n: number }[])[0].n;

describe.each(DATABASE_KINDS)('ApprovalService over SQL (%s)', (kind) => {
  let db: TestDatabase;
  /** The open database: db.database until the restart test reopens it. */
  let current: Database;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    current = db.database;
  }, 120_000);

  afterAll(async () => {
    await current?.close();
    await db?.drop();
  });

  it('opens one task per step execution, even when opened twice at once', async () => {
    const { service } = serviceOver(current);
    const request = approvalRequest({ title: 'Invoice 4711', assignees: { roles: ['accountant'] }, form: GL_FORM, amount: '1000.00', currency: 'EUR' });
    const [first, second] = await Promise.all([service.openTask(request), service.openTask(request)]);
    expect(second.taskId).toBe(first.taskId);
    expect((await service.openTask(request)).taskId).toBe(first.taskId);
    expect(await count(current, 'SELECT count(*)::int AS n FROM tasks WHERE run_id = $1', [request.runId])).toBe(1);
    const task = await service.getTask(alice, first.taskId);
    expect(task).toMatchObject({ status: 'open', amount: '1000.00', currency: 'EUR', formSchema: GL_FORM, startedBy: 'user:uploader', version: 1 });
    expect(task.history.map((event) => event.type)).toEqual(['opened']);
  });

  it('lets exactly one of two concurrent decisions win; the other gets TASK_CONFLICT', async () => {
    const { service, signaler, audit } = serviceOver(current);
    const { taskId } = await service.openTask(approvalRequest({ title: 'Single approver', assignees: { roles: ['accountant'] } }));
    const results = await Promise.allSettled([
      service.decide(alice, taskId, { outcome: 'approve' }),
      service.decide(bob, taskId, { outcome: 'reject', comment: 'duplicate' }),
    ]);
    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toMatchObject({ code: 'TASK_CONFLICT' });
    expect(await count(current, 'SELECT count(*)::int AS n FROM task_decisions WHERE task_id = $1', [taskId])).toBe(1);
    expect(signaler.signals).toHaveLength(1);
    expect(audit.actions().filter((action) => action === 'task.decided')).toHaveLength(1);
    const final = await service.getTask(alice, taskId);
    expect(final.outputs?.outcome).toBe(final.outcome);
  });

  it('needs two of three approvers; approving all at once, two count and the third is refused', async () => {
    const { service, signaler } = serviceOver(current);
    const { taskId } = await service.openTask(approvalRequest({ title: '2 of 3', assignees: { roles: ['accountant'], groups: ['ap-team'] }, approvals: 2 }));
    const partly = await service.decide(alice, taskId, { outcome: 'approve', comment: 'first' });
    expect(partly).toMatchObject({ status: 'open', approvals: 1 });
    await expect(service.decide(alice, taskId, { outcome: 'approve' })).rejects.toMatchObject({ code: 'TASK_CONFLICT' });

    const second = await service.openTask(approvalRequest({ title: '2 of 3, racing', assignees: { roles: ['accountant'], groups: ['ap-team'] }, approvals: 2 }));
    const results = await Promise.allSettled([dave, erin, carol].map((who) => service.decide(who, second.taskId, { outcome: 'approve' })));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(2);
    expect(results.filter((result) => result.status === 'rejected').map((result) => (result as PromiseRejectedResult).reason.code)).toEqual(['TASK_CONFLICT']);
    const decided = await service.getTask(dave, second.taskId);
    expect(decided).toMatchObject({ status: 'decided', outcome: 'approve', approvals: 2 });
    expect(decided.outputs?.decidedBy).toHaveLength(2);
    expect(signaler.signals.filter((signal) => signal.signal === `task:${second.taskId}`)).toHaveLength(1);
  });

  it('keeps a decision and its audit records in one transaction', async () => {
    const { service, audit, tasks } = serviceOver(current);
    await current.dataSource.query('CREATE TABLE IF NOT EXISTS audit_probe (action text NOT NULL, task_id text NOT NULL)');
    let failOn: string | undefined;
    audit.onRecord = async (entry, transaction) => {
      await (transaction as (text: string, params: unknown[]) => Promise<unknown>)('INSERT INTO audit_probe (action, task_id) VALUES ($1, $2)', [entry.action, entry.entityId]);
      if (entry.action === failOn) throw new Error('audit refused');
    };
    const { taskId } = await service.openTask(approvalRequest({ title: 'Audited', assignees: { roles: ['accountant'] } }));
    failOn = 'task.decided';
    await expect(service.decide(alice, taskId, { outcome: 'approve' })).rejects.toThrow('audit refused');
    expect((await tasks.find(taskId))?.status).toBe('open');
    expect(await count(current, 'SELECT count(*)::int AS n FROM task_decisions WHERE task_id = $1', [taskId])).toBe(0);
    expect(await current.dataSource.query('SELECT action FROM audit_probe WHERE task_id = $1', [taskId])).toEqual([{ action: 'task.opened' }]);
    failOn = undefined;
    await service.decide(alice, taskId, { outcome: 'approve' });
    expect(await current.dataSource.query('SELECT action FROM audit_probe WHERE task_id = $1 ORDER BY action', [taskId])).toEqual([
      { action: 'task.decided' },
      { action: 'task.opened' },
    ]);
    const recorded = audit.entries.find(({ entry }) => entry.action === 'task.decided')!.entry;
    expect(recorded).toMatchObject({ actor: 'user:alice', entityType: 'task', entityId: taskId, workflowId: 'invoice-approval', revision: 3 });
    expect(recorded.before).toMatchObject({ status: 'open', version: 1 });
    expect(recorded.after).toMatchObject({ status: 'decided', outcome: 'approve', version: 2 });
  });

  it('keeps a waiting task through closing and reopening the database', async () => {
    const { service } = serviceOver(current);
    const request = approvalRequest({ title: 'Survives', assignees: { roles: ['accountant'] }, approvals: 2, timeout: '3d', form: GL_FORM });
    const { taskId } = await service.openTask(request);
    await service.decide(alice, taskId, { outcome: 'approve', data: { glAccount: '4400' } });
    await service.claim(bob, taskId);

    await current.close();
    // A new connection pool (and, embedded, a new PGlite) on the same data: nothing was held in memory.
    current = await openDatabase(db.config);
    const after = serviceOver(current, new ManualClock('2026-01-06T09:00:00Z'));
    expect((await after.service.openTask(request)).taskId).toBe(taskId);
    const task = await after.service.getTask(bob, taskId);
    expect(task).toMatchObject({ status: 'open', approvals: 1, claimedBy: 'user:bob', timeoutAt: '2026-01-08T09:00:00.000Z', version: 3 });
    expect(task.permissions).toMatchObject({ canDecide: true });
    const decided = await after.service.decide(bob, taskId, { outcome: 'approve', data: { glAccount: '4410' } });
    expect(decided.outputs).toMatchObject({ outcome: 'approve', data: { glAccount: '4410' }, decidedBy: ['user:alice', 'user:bob'] });
    expect(after.signaler.signals).toEqual([{ runId: request.runId, signal: `task:${taskId}`, actor: 'user:bob', payload: decided.outputs }]);
  }, 120_000);
});
