import { randomUUID } from 'node:crypto';
import { BufferedRunTransaction, RunStore, RunTransaction } from '@conveyor/persistence';
import { createTestDatabase, type TestDatabase } from '@conveyor/testing';

const kinds = (process.env['CONVEYOR_TEST_DB_KINDS'] ?? 'postgres,embedded').split(',') as ('postgres' | 'embedded')[];

/** The buffered unit of work must leave the database exactly as the direct one would. */
describe.each(kinds)('BufferedRunTransaction on %s', (kind) => {
  let test: TestDatabase;
  let store: RunStore;
  const at = new Date('2026-03-02T10:00:00.000Z');

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    store = new RunStore(test.database.dataSource);
  }, 60_000);
  afterAll(async () => {
    await test?.drop();
  }, 60_000);

  async function newRun(): Promise<{ runId: string; stepId: string }> {
    const runId = randomUUID();
    const stepId = randomUUID();
    await store.transaction(async (tx: RunTransaction) => {
      await tx.insertRun({ id: runId, workflowId: 'wf', revision: 1, status: 'running', inputs: {}, trigger: { type: 'manual' }, createdAt: at, startedAt: at });
      await tx.insertStepExecutions([{ id: stepId, runId, stepId: 'first', itemIndex: null, attempt: 1, attemptBase: 0, status: 'running', input: { a: 1 },
        availableAt: at, queuedAt: at, startedAt: at }]);
    });
    return { runId, stepId };
  }

  it('writes buffered transitions, inserts, run changes and events in one flush', async () => {
    const { runId, stepId } = await newRun();
    const later = new Date(at.getTime() + 5000);
    const nextId = randomUUID();
    await store.transaction(async (tx) => {
      const unit = await BufferedRunTransaction.open(tx.sql, [runId]);
      expect((await unit.lockRun(runId))?.status).toBe('running');
      expect(await unit.transitionStep(stepId, ['running'], 'succeeded', later, { outputs: { total: '12.50' }, finished: true })).toBe(true);
      // A second transition of the same row from a state it is no longer in is refused, as in SQL.
      expect(await unit.transitionStep(stepId, ['running'], 'failed', later)).toBe(false);
      const inserted = await unit.insertStepExecutions([{ id: nextId, runId, stepId: 'second', itemIndex: null, attempt: 1, attemptBase: 0, status: 'queued',
        input: { from: 'first' }, availableAt: later, queuedAt: later }]);
      expect([...inserted]).toEqual([nextId]);
      // The same (step, item, attempt) again is a conflict: nothing inserted.
      expect((await unit.insertStepExecutions([{ id: randomUUID(), runId, stepId: 'second', itemIndex: null, attempt: 1, attemptBase: 0,
        status: 'queued', availableAt: later, queuedAt: later }])).size).toBe(0);
      expect((await unit.loadCurrentSteps(runId)).map((step) => [step.stepId, step.status])).toEqual([['first', 'succeeded'], ['second', 'queued']]);
      await unit.updateRunStatus(runId, 'waiting', later);
      await unit.insertEvents([{ runId, type: 'step.succeeded', actor: 'test', at: later, stepExecutionId: stepId, stepId: 'first', attempt: 1 }]);
      await unit.flush();
    });
    const steps = await store.getRunSteps(runId);
    expect(steps.map((step) => [step.stepId, step.status, step.outputs ?? null, step.finishedAt?.toISOString() ?? null])).toEqual([
      ['first', 'succeeded', { total: '12.50' }, later.toISOString()],
      ['second', 'queued', null, null],
    ]);
    expect(steps[1].input).toEqual({ from: 'first' });
    expect((await store.getRun(runId))?.status).toBe('waiting');
    expect((await store.getRunEvents(runId)).map((event) => event.type)).toEqual(['step.succeeded']);
  });

  it('writes the events of one flush in the order they were logged and notes their runs as changed', async () => {
    const first = await newRun();
    const second = await newRun();
    const types = Array.from({ length: 12 }, (_, index) => `test.event-${index}`);
    const changed = new Set<string>();
    await store.transaction(async (tx) => {
      const unit = await BufferedRunTransaction.open(tx.sql, [first.runId, second.runId], changed);
      for (const [index, type] of types.entries()) {
        await unit.insertEvents([{ runId: index % 2 === 0 ? first.runId : second.runId, type, actor: 'test', at, data: { index } }]);
      }
      await unit.flush();
    });
    const logged = [...(await store.getRunEvents(first.runId)), ...(await store.getRunEvents(second.runId))]
      .sort((a, b) => Number(a.id) - Number(b.id));
    expect(logged.map((event) => event.type)).toEqual(types);
    expect([...changed].sort()).toEqual([first.runId, second.runId].sort());
  });

  it('goes to the database for runs it was not opened for', async () => {
    const opened = await newRun();
    const other = await newRun();
    await store.transaction(async (tx) => {
      const unit = await BufferedRunTransaction.open(tx.sql, [opened.runId]);
      await unit.transitionStep(opened.stepId, ['running'], 'failed', at, { error: { code: 'X', message: 'x' }, finished: true });
      // Not preloaded: the buffer is flushed first, then the statement runs directly.
      expect(await unit.transitionStep(other.stepId, ['running'], 'succeeded', at, { finished: true })).toBe(true);
      await unit.flush();
    });
    expect((await store.getRunSteps(opened.runId))[0]).toMatchObject({ status: 'failed', error: { code: 'X', message: 'x' } });
    expect((await store.getRunSteps(other.runId))[0].status).toBe('succeeded');
  });

  it('writes nothing when the transaction rolls back', async () => {
    const { runId, stepId } = await newRun();
    await expect(store.transaction(async (tx) => {
      const unit = await BufferedRunTransaction.open(tx.sql, [runId]);
      await unit.transitionStep(stepId, ['running'], 'succeeded', at, { finished: true });
      await unit.flush();
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect((await store.getRunSteps(runId))[0].status).toBe('running');
  });
});
