import { current, kinds, useTestPlatform } from './platform.fixture';

describe.each(kinds)('run control on %s database', (kind) => {
  const { publish, waitForRun, platform: running } = useTestPlatform(kind);

  it('cancels a run: open steps are cancelled and the running handler is aborted', async () => {
    await publish(`
id: cancel-${kind}
name: Cancel
steps:
  - id: long
    type: test-sleep
    with: { ms: 20000 }
  - id: never
    type: noop
    needs: long
`);
    const started = await running().runs.start({ workflowId: `cancel-${kind}`, inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
    const deadline = Date.now() + 10_000;
    while ((await running().runs.get(started.id)).steps[0]?.status !== 'running' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const cancelledAt = Date.now();
    await running().runs.cancel(started.id, { id: 'test' });
    await expect(running().runs.cancel(started.id, { id: 'test' })).rejects.toMatchObject({ code: 'RUN_ALREADY_FINISHED' });
    const run = await waitForRun(started.id);
    expect(run.status).toBe('cancelled');
    expect(current(run, 'long')?.status).toBe('cancelled');
    expect(current(run, 'never')).toBeUndefined();
    expect(run.events.map((e) => e.type)).toEqual(expect.arrayContaining(['step.cancelled', 'run.cancelled']));
    expect(Date.now() - cancelledAt).toBeLessThan(5000);
  }, 30_000);

  it('fails a run that outlives its workflow timeout', async () => {
    await publish(`
id: run-timeout-${kind}
name: Run timeout
timeout: 500ms
steps:
  - id: long
    type: test-sleep
    with: { ms: 20000 }
`);
    const started = await running().runs.start({ workflowId: `run-timeout-${kind}`, inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
    const run = await waitForRun(started.id);
    expect(run.status).toBe('failed');
    expect(run.error?.code).toBe('RUN_TIMEOUT');
    expect(current(run, 'long')?.status).toBe('cancelled');
    const took = new Date(run.finishedAt!).getTime() - new Date(run.startedAt!).getTime();
    expect(took).toBeGreaterThanOrEqual(500);
    expect(took).toBeLessThan(5000);
  }, 30_000);

  it('fires a cron trigger', async () => {
    await publish(`
id: cron-${kind}
name: Cron
triggers:
  - id: every-second
    type: cron
    cron: "* * * * * *"
    timezone: Europe/Berlin
steps:
  - id: tick
    type: noop
`);
    const deadline = Date.now() + 10_000;
    let runs = await running().runs.list({ workflowId: `cron-${kind}` });
    while (runs.items.length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      runs = await running().runs.list({ workflowId: `cron-${kind}` });
    }
    expect(runs.items.length).toBeGreaterThanOrEqual(2);
    expect(runs.items[0].trigger['type']).toBe('cron');
    const scheduled = runs.items.map((r) => String(r.trigger['scheduledAt']));
    expect(new Set(scheduled).size).toBe(scheduled.length);
    // Stop it firing for the remaining tests.
    await publish(`
id: cron-${kind}
name: Cron
steps:
  - id: tick
    type: noop
`);
  }, 30_000);
});
