import { ManualClock, newId } from '@conveyor/kernel';
import type { StepContext } from '@conveyor/workflow-engine';
import { GL_FORM, person } from './approval-test-data.fixture';
import { ApprovalService } from './approval.service';
import { createApprovalStepType } from './approval.step';
import { InMemoryTaskRepository } from './in-memory-task-repository.fixture';
import { RecordingAuditRecorder, RecordingNotifier, RecordingRunSignaler } from './recording-ports.fixture';

const bands = [
  { upTo: '1000.00', assignees: { roles: ['accountant'] } },
  { upTo: '10000.00', assignees: { roles: ['approver'] } },
  { assignees: { users: ['finance-lead', 'cfo'] }, approvals: 2 },
];

function setUp() {
  const tasks = new InMemoryTaskRepository();
  const signaler = new RecordingRunSignaler();
  const service = new ApprovalService({ tasks, audit: new RecordingAuditRecorder(), signaler, notifier: new RecordingNotifier(), clock: new ManualClock() });
  return { tasks, signaler, service, step: createApprovalStepType(service) };
}

function context(overrides: Partial<StepContext> = {}): StepContext {
  const runId = overrides.runId ?? newId();
  const log = () => undefined;
  return {
    runId,
    workflowId: 'invoice-approval',
    revision: 2,
    stepId: 'approve',
    itemIndex: null,
    attempt: 1,
    startedBy: 'user:uploader',
    idempotencyKey: `${runId}:approve`,
    signal: new AbortController().signal,
    logger: { info: log, warn: log, error: log },
    now: () => new Date('2026-01-05T09:00:00Z'),
    services: { startChildRun: async () => 'child' },
    ...overrides,
  };
}

function problemsOf(action: () => unknown): { code: string; fields: string[] } {
  try {
    action();
  } catch (error) {
    const { code, details } = error as { code: string; details: { problems?: { path: (string | number)[] }[] } };
    return { code, fields: (details.problems ?? []).map((problem) => problem.path.join('.')) };
  }
  throw new Error('expected the input to be refused');
}

describe('approval step input', () => {
  const { step } = setUp();

  it('fills in the defaults', () => {
    expect(step.parseInput({ title: 'Check', assignees: { roles: ['accountant'], users: ['u1', 'user:u2'] } })).toEqual({
      title: 'Check',
      assignees: { roles: ['accountant'], groups: [], users: ['user:u1', 'user:u2'] },
      approvals: 1,
      segregationOfDuties: true,
      outcomes: ['approve', 'reject', 'request-changes'],
      businessDays: true,
      holidays: [],
      timezone: 'UTC',
      context: {},
    });
  });

  it.each([
    [{ title: 'x' }, ['assignees']],
    [{ title: 'x', assignees: { roles: ['a'] }, authority: { amount: '1', bands } }, ['assignees']],
    [{ title: 'x', assignees: {} }, ['assignees']],
    [{ title: 'x', authority: { amount: '1.2.3', bands } }, ['authority.amount']],
    [{ title: 'x', authority: { amount: 5, bands: [{ assignees: { roles: ['a'] } }, { upTo: '10', assignees: { roles: ['b'] } }] } }, ['authority.bands.0.upTo']],
    [{ title: 'x', authority: { amount: 5, bands: [{ upTo: '10', assignees: { roles: ['a'] } }, { upTo: '10.00', assignees: { roles: ['b'] } }] } }, ['authority.bands.1.upTo']],
    [{ title: 'x', assignees: { roles: ['a'] }, form: { type: 'object', propertys: {} } }, ['form']],
    [{ title: 'x', assignees: { roles: ['a'] }, timezone: 'Europe/Atlantis' }, ['timezone']],
    [{ title: 'x', assignees: { roles: ['a'] }, holidays: ['25.12.2026'] }, ['holidays.0']],
    [{ title: 'x', assignees: { roles: ['a'] }, escalateAfter: '2d' }, ['escalateTo']],
    [{ title: 'x', assignees: { roles: ['a'] }, timeout: '0s' }, ['timeout']],
    [{ title: 'x', assignees: { roles: ['a'] }, outcomes: ['approve'], timeout: '3d' }, ['timeoutOutcome']],
    [{ title: 'x', assignees: { users: ['a'] }, approvals: 2 }, ['approvals']],
    [{ title: 'x', assignees: { roles: ['a'] }, colour: 'red' }, ['colour']],
  ])('refuses %j naming the field', (input, fields) => {
    expect(problemsOf(() => step.parseInput(input))).toEqual({ code: 'BAD_STEP_INPUT', fields });
  });

  it('leaves values given by expressions to run time at publish time', () => {
    expect(step.checkWith!({ title: 'x', authority: { amount: '${{ inputs.total }}', bands } })).toEqual([]);
    expect(step.checkWith!({ title: 'x', authority: { amount: '${{ inputs.total }}', bands: [{ assignees: {} }] } }).map((problem) => problem.path.join('.'))).toEqual([
      'authority.bands.0.assignees',
    ]);
  });
});

describe('approval step execution', () => {
  it('opens a task and waits on its signal without holding a worker; a repeated execution finds the same task', async () => {
    const { step, tasks } = setUp();
    const ctx = context();
    const input = step.parseInput({ title: 'Invoice 4711', assignees: { roles: ['accountant'] }, form: GL_FORM, context: { invoiceId: '4711' } });
    const first = await step.execute(input, ctx);
    const taskId = [...tasks.tasks.keys()][0];
    expect(first).toEqual({ status: 'waiting', signal: `task:${taskId}`, state: { taskId } });
    expect(await step.execute(input, ctx)).toEqual(first);
    expect(tasks.tasks.size).toBe(1);
    expect(tasks.tasks.get(taskId)).toMatchObject({ startedBy: 'user:uploader', context: { invoiceId: '4711' }, formSchema: GL_FORM });
  });

  it('routes by amount through the authority table', async () => {
    const { step, tasks } = setUp();
    for (const [amount, runId] of [['1000.00', newId()], ['1000.01', newId()], ['25000', newId()]]) {
      await step.execute(step.parseInput({ title: `Invoice ${amount}`, authority: { amount, currency: 'EUR', bands } }), context({ runId, idempotencyKey: runId }));
    }
    const opened = [...tasks.tasks.values()].map((task) => ({ amount: task.amount, band: task.policy.authorityBand, assignees: task.assignees, n: task.requiredApprovals }));
    expect(opened).toEqual([
      { amount: '1000.00', band: 0, assignees: { roles: ['accountant'], groups: [], users: [] }, n: 1 },
      { amount: '1000.01', band: 1, assignees: { roles: ['approver'], groups: [], users: [] }, n: 1 },
      { amount: '25000', band: 2, assignees: { roles: [], groups: [], users: ['user:finance-lead', 'user:cfo'] }, n: 2 },
    ]);
  });

  it('succeeds on resume with the decision as outputs, so the workflow can branch on the outcome', async () => {
    const { step, service, signaler } = setUp();
    const ctx = context();
    const input = step.parseInput({ title: 'Invoice', assignees: { roles: ['accountant'] }, form: GL_FORM });
    const waiting = await step.execute(input, ctx);
    const taskId = (waiting as { state: { taskId: string } }).state.taskId;
    await service.decide(person('alice', ['accountant']), taskId, { outcome: 'approve', data: { glAccount: '4400' }, comment: 'fine' });
    expect(signaler.signals).toHaveLength(1);
    const { payload } = signaler.signals[0];
    const resumed = await step.execute(input, { ...ctx, resumeState: { taskId }, resumePayload: payload });
    expect(resumed).toEqual({ status: 'succeeded', outputs: payload });
    expect((resumed as { outputs: Record<string, unknown> }).outputs).toMatchObject({ outcome: 'approve', data: { glAccount: '4400' }, comment: 'fine', decidedBy: ['user:alice'] });
    // Redelivered without the payload: the task is decided, so the step finishes all the same.
    expect(await step.execute(input, { ...ctx, resumeState: { taskId } })).toEqual({ status: 'succeeded', outputs: payload });
  });

  it('refuses a payload for another task, a malformed payload and a state it did not save', async () => {
    const { step } = setUp();
    const ctx = context();
    const input = step.parseInput({ title: 'Invoice', assignees: { roles: ['accountant'] } });
    const taskId = ((await step.execute(input, ctx)) as { state: { taskId: string } }).state.taskId;
    const other = { taskId: 'another', outcome: 'approve', data: {}, decidedBy: ['user:x'], decidedAt: '2026-01-05T10:00:00Z' };
    await expect(step.execute(input, { ...ctx, resumeState: { taskId }, resumePayload: other })).rejects.toMatchObject({ code: 'BAD_RESUME_PAYLOAD' });
    await expect(step.execute(input, { ...ctx, resumeState: { taskId }, resumePayload: { taskId, outcome: 'perhaps' } })).rejects.toMatchObject({
      code: 'BAD_RESUME_PAYLOAD',
    });
    await expect(step.execute(input, { ...ctx, resumeState: { nothing: true } })).rejects.toMatchObject({ code: 'BAD_RESUME_STATE' });
    // Still undecided: a redelivered job parks again on the same task.
    expect(await step.execute(input, { ...ctx, resumeState: { taskId } })).toEqual({ status: 'waiting', signal: `task:${taskId}`, state: { taskId } });
  });

  it('fails on resume when its task was cancelled with the run, and asks again when the run is retried', async () => {
    const { step, service, tasks } = setUp();
    const ctx = context();
    const input = step.parseInput({ title: 'Invoice', assignees: { roles: ['accountant'] } });
    const waiting = await step.execute(input, ctx);
    const taskId = (waiting as { state: { taskId: string } }).state.taskId;
    expect(await service.cancelForRun(ctx.runId, 'user:admin', 'run cancelled')).toBe(1);
    await expect(step.execute(input, { ...ctx, resumeState: { taskId } })).rejects.toMatchObject({ code: 'APPROVAL_CANCELLED' });
    expect(await step.execute(input, { ...ctx, attempt: 2 })).toEqual(waiting);
    expect(tasks.tasks.get(taskId)).toMatchObject({ status: 'open', round: 2 });
    expect((await tasks.history(taskId)).map((event) => event.type)).toEqual(['opened', 'cancelled', 'reopened']);
  });
});
