import request from 'supertest';
import { startApiTestApp, type ApiTestApp } from '../api/api-test-app';
import { signedInUsers } from '../api/signed-in-users';

jest.setTimeout(120_000);

const ADMIN = 'approvals-e2e-admin-token-0123456789';

/**
 * People in the loop, through the real API: the task lands in the inbox of the role the amount routes to,
 * the person who started the run may not decide it, the decision (with its form data) resumes the run on
 * the branch it chose, two people deciding at once get one winner, and an audit record is written.
 */
describe('approval steps through the API', () => {
  let api: ApiTestApp;
  const people = signedInUsers(() => api);
  const as = people.as;

  async function runUntil(runId: string, statuses: string[]): Promise<any> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const run = await api.platform.runs.get(runId);
      if (statuses.includes(run.status)) return run;
      if (Date.now() > deadline) throw new Error(`run ${runId} is ${run.status}, not ${statuses.join('|')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function inbox(key: string): Promise<any[]> {
    const response = await request(api.server).get('/api/tasks').set(as(key)).expect(200);
    return response.body.items;
  }

  async function taskOf(runId: string, key: string): Promise<any> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const found = (await inbox(key)).find((task) => task.runId === runId);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no task for run ${runId} in ${key}'s inbox`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    api = await startApiTestApp({ CONVEYOR_ADMIN_TOKEN: ADMIN, PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_TIME_COST: '1' });
    await people.add('uploader', ['uploader']);
    await people.add('clerk', ['accountant']);
    await people.add('clerk2', ['accountant']);
    await people.add('boss', ['approver']);
    await request(api.server).post('/api/workflows').set({ authorization: `Bearer ${ADMIN}` }).send({ yaml: `
id: invoice-approval
inputs:
  amount: { type: decimal, required: true }
steps:
  - id: approve
    type: approval
    with:
      title: "Invoice of \${{ inputs.amount }}"
      authority:
        amount: "\${{ inputs.amount }}"
        bands:
          - { upTo: "1000.00", assignees: { roles: [accountant] } }
          - { assignees: { roles: [approver] } }
      form:
        type: object
        properties: { glAccount: { type: string, pattern: "^[0-9]{4}$" } }
        required: [glAccount]
  - id: booked
    type: noop
    needs: approve
    if: "\${{ steps.approve.outputs.outcome == 'approve' }}"
    with: { account: "\${{ steps.approve.outputs.data.glAccount }}" }
  - id: returned
    type: noop
    needs: approve
    if: "\${{ steps.approve.outputs.outcome == 'reject' }}"
    with: { why: "\${{ steps.approve.outputs.comment }}" }
` }).expect(201);
  });

  afterAll(async () => {
    await api?.close();
  });

  const start = async (amount: string, key = 'uploader') =>
    (await request(api.server).post('/api/workflows/invoice-approval/runs').set(as(key)).send({ inputs: { amount } }).expect(201)).body.id as string;

  it('routes by amount, keeps the starter out, validates the form, and resumes the run on the chosen branch', async () => {
    const small = await start('1000.00');
    const large = await start('1000.01');
    const smallTask = await taskOf(small, 'clerk');
    const largeTask = await taskOf(large, 'boss');
    expect((await inbox('boss')).some((task) => task.runId === small)).toBe(false);
    expect((await inbox('clerk')).some((task) => task.runId === large)).toBe(false);
    expect((await runUntil(small, ['waiting'])).status).toBe('waiting');

    // An accountant who started the run may not approve it (segregation of duties).
    const ownRun = await start('10.00', 'clerk');
    const ownTask = await taskOf(ownRun, 'clerk2');
    await request(api.server).post(`/api/tasks/${ownTask.id}/decide`).set(as('clerk')).send({ outcome: 'approve', data: { glAccount: '4711' } }).expect(403);

    // The form is checked; a reject needs a reason.
    await request(api.server).post(`/api/tasks/${smallTask.id}/decide`).set(as('clerk')).send({ outcome: 'approve', data: { glAccount: 'x' } }).expect(422);
    await request(api.server).post(`/api/tasks/${largeTask.id}/decide`).set(as('boss')).send({ outcome: 'reject' }).expect(422);

    await request(api.server).post(`/api/tasks/${smallTask.id}/decide`).set(as('clerk')).send({ outcome: 'approve', data: { glAccount: '4711' } }).expect(200);
    await request(api.server).post(`/api/tasks/${largeTask.id}/decide`).set(as('boss')).send({ outcome: 'reject', comment: 'not ours' }).expect(200);

    const approved = await runUntil(small, ['succeeded', 'failed']);
    expect(approved.status).toBe('succeeded');
    expect(approved.steps.find((step: any) => step.stepId === 'booked')).toMatchObject({ status: 'succeeded', outputs: { account: '4711' } });
    expect(approved.steps.find((step: any) => step.stepId === 'returned')?.status).toBe('skipped');
    const rejected = await runUntil(large, ['succeeded', 'failed']);
    expect(rejected.steps.find((step: any) => step.stepId === 'returned')).toMatchObject({ status: 'succeeded', outputs: { why: 'not ours' } });

    const trail = await api.platform.audit.query({ entityType: 'task', entityId: smallTask.id, limit: 50 });
    expect(trail.items.map((record: any) => record.actor)).toContain(`user:${(await request(api.server).get('/api/auth/me').set(as('clerk'))).body.id}`);
  });

  it('lets exactly one of two simultaneous decisions win', async () => {
    const runId = await start('50.00');
    const task = await taskOf(runId, 'clerk');
    const [first, second] = await Promise.all([
      request(api.server).post(`/api/tasks/${task.id}/decide`).set(as('clerk')).send({ outcome: 'approve', data: { glAccount: '1000' } }),
      request(api.server).post(`/api/tasks/${task.id}/decide`).set(as('clerk2')).send({ outcome: 'reject', comment: 'duplicate' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    expect(loser.body.error.code).toBe('TASK_CONFLICT');
    const run = await runUntil(runId, ['succeeded', 'failed']);
    const winner = first.status === 200 ? 'approve' : 'reject';
    expect(run.steps.find((step: any) => step.stepId === (winner === 'approve' ? 'booked' : 'returned'))?.status).toBe('succeeded');
  });
});
