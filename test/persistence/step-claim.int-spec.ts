import { randomUUID } from 'node:crypto';
import { RunStore } from '@conveyor/persistence';
import { createTestDatabase, type TestDatabase } from '@conveyor/testing';

const kinds = (process.env['CONVEYOR_TEST_DB_KINDS'] ?? 'postgres,embedded').split(',') as ('postgres' | 'embedded')[];

/** Claims are one named statement, reused on a connection; a claim also stands for the dispatch mark. */
describe.each(kinds)('step claims on %s', (kind) => {
  let test: TestDatabase;
  let store: RunStore;
  const at = new Date('2026-03-02T10:00:00.000Z');
  const claim = (when: Date) => ({ at: when, workerId: 'test-worker', actor: 'worker:test', defaultTimeoutMs: 60_000 });

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    store = new RunStore(test.database.dataSource);
  }, 60_000);
  afterAll(async () => {
    await test?.drop();
  }, 60_000);

  async function queuedSteps(count: number): Promise<{ runId: string; stepIds: string[] }> {
    const runId = randomUUID();
    const stepIds = Array.from({ length: count }, () => randomUUID());
    await store.transaction(async (tx) => {
      await tx.insertRun({ id: runId, workflowId: 'wf', revision: 1, status: 'running', inputs: {}, trigger: { type: 'manual' }, createdAt: at, startedAt: at });
      await tx.insertStepExecutions(stepIds.map((id, index) => ({ id, runId, stepId: `s${index}`, itemIndex: null, attempt: 1, attemptBase: 0,
        status: 'queued' as const, timeoutMs: 5000, availableAt: at, queuedAt: at })));
    });
    return { runId, stepIds };
  }

  it('claims current deliveries only, sets start, timeout and dispatch, and logs the start', async () => {
    const { runId, stepIds: [first, second, third] } = await queuedSteps(3);
    const when = new Date(at.getTime() + 250);
    const claimed = await store.claimSteps([
      { stepExecutionId: first, resumes: 0 },
      { stepExecutionId: second, resumes: 1 }, // a delivery for a later resume: stale
      { stepExecutionId: randomUUID(), resumes: 0 },
    ], claim(when));
    expect([...claimed.keys()]).toEqual([first]);
    expect(claimed.get(first)).toMatchObject({ redelivered: false, run: { id: runId, status: 'running' }, step: { status: 'running' } });

    // The same statement again on the pool's connections: a redelivery of the running step, and the third step.
    const again = await store.claimSteps([{ stepExecutionId: first, resumes: 0 }, { stepExecutionId: third, resumes: 0 }], claim(new Date(when.getTime() + 1000)));
    expect(again.get(first)?.redelivered).toBe(true);
    expect(again.get(third)?.redelivered).toBe(false);

    const steps = new Map((await store.getRunSteps(runId)).map((step) => [step.id, step]));
    expect(steps.get(first)).toMatchObject({ status: 'running', timeoutAt: new Date(when.getTime() + 1000 + 5000) });
    // Dispatched as of its first claim: the second claim keeps the mark.
    expect(steps.get(first)?.dispatchedAt?.toISOString()).toBe(when.toISOString());
    expect(steps.get(second)).toMatchObject({ status: 'queued', dispatchedAt: null });
    const starts = (await store.getRunEvents(runId)).filter((event) => event.type === 'step.started');
    // One statement logs the starts of its batch in no particular order.
    expect(starts).toHaveLength(3);
    expect(starts.map((event) => [event.stepExecutionId, event.data])).toEqual(expect.arrayContaining([
      [first, { queueMs: 250 }],
      [first, { queueMs: 1250, redelivered: true }],
      [third, { queueMs: 1250 }],
    ]));
  });

  it('marks only rows still queued as dispatched', async () => {
    const { runId, stepIds: [claimedId, waitingId] } = await queuedSteps(2);
    const claimedAt = new Date(at.getTime() + 100);
    await store.claimSteps([{ stepExecutionId: claimedId, resumes: 0 }], claim(claimedAt));
    const markedAt = new Date(at.getTime() + 900);
    await store.markDispatched([claimedId, waitingId], markedAt);
    const steps = new Map((await store.getRunSteps(runId)).map((step) => [step.id, step]));
    expect(steps.get(claimedId)?.dispatchedAt?.toISOString()).toBe(claimedAt.toISOString());
    expect(steps.get(waitingId)?.dispatchedAt?.toISOString()).toBe(markedAt.toISOString());
  });

  it('claims nothing in a run that is over', async () => {
    const { runId, stepIds: [stepId] } = await queuedSteps(1);
    await store.transaction((tx) => tx.updateRunStatus(runId, 'cancelled', at, { finished: true }));
    expect((await store.claimSteps([{ stepExecutionId: stepId, resumes: 0 }], claim(at))).size).toBe(0);
    expect((await store.getRunSteps(runId))[0].status).toBe('queued');
  });
});
