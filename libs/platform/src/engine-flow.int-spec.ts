import { current, kinds, useTestPlatform } from './platform.fixture';

describe.each(kinds)('workflow flow on %s database', (kind) => {
  const { publish, waitForRun, platform: running } = useTestPlatform(kind);

  it('runs a DAG with parallel branches and a foreach in dependency order', async () => {
    await publish(`
id: dag-${kind}
name: DAG
inputs:
  items: { type: array, default: [1, 2, 3, 4, 5] }
steps:
  - id: start
    type: noop
    with: { hello: world }
  - id: left
    type: test-sleep
    needs: start
    with: { ms: 50 }
  - id: right
    type: test-sleep
    needs: start
    with: { ms: 50 }
  - id: fan
    type: noop
    needs: [left, right]
    foreach: { items: "\${{ inputs.items }}", concurrency: 2 }
    with: { value: "\${{ item * 10 }}" }
  - id: join
    type: noop
    needs: fan
    with: { all: "\${{ steps.fan.outputs }}" }
outputs:
  joined: "\${{ steps.join.outputs.all }}"
`);
    const started = await running().runs.start({ workflowId: `dag-${kind}`, inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
    const run = await waitForRun(started.id);
    expect(run.status).toBe('succeeded');
    const finished = (id: string) => new Date(current(run, id)?.finishedAt ?? 0).getTime();
    const begun = (id: string) => new Date(current(run, id)?.startedAt ?? current(run, id)?.queuedAt ?? 0).getTime();
    expect(begun('left')).toBeGreaterThanOrEqual(finished('start'));
    expect(begun('right')).toBeGreaterThanOrEqual(finished('start'));
    expect(begun('fan')).toBeGreaterThanOrEqual(Math.max(finished('left'), finished('right')));
    expect(begun('join')).toBeGreaterThanOrEqual(finished('fan'));
    const items = run.steps.filter((s) => s.stepId === 'fan' && s.itemIndex !== null);
    expect(items).toHaveLength(5);
    expect(run.outputs?.['joined']).toEqual([{ value: 10 }, { value: 20 }, { value: 30 }, { value: 40 }, { value: 50 }]);
    // left and right overlapped in time: they ran in parallel
    const left = current(run, 'left')!;
    const right = current(run, 'right')!;
    expect(new Date(left.startedAt!).getTime()).toBeLessThan(new Date(right.finishedAt!).getTime());
    expect(new Date(right.startedAt!).getTime()).toBeLessThan(new Date(left.finishedAt!).getTime());
    expect(run.events.map((e) => e.type)).toEqual(expect.arrayContaining(['run.queued', 'run.started', 'step.queued', 'step.started', 'step.succeeded', 'run.succeeded']));
  }, 30_000);

  it('retries a failing step with backoff, then succeeds', async () => {
    await publish(`
id: retry-${kind}
name: Retry
steps:
  - id: flaky
    type: fail
    with: { failTimes: 2, message: "not yet" }
    retry: { attempts: 3, backoff: { type: fixed, delay: 200ms, jitter: 0 } }
`);
    const started = await running().runs.start({ workflowId: `retry-${kind}`, inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
    const run = await waitForRun(started.id);
    expect(run.status).toBe('succeeded');
    const attempts = run.steps.filter((s) => s.stepId === 'flaky');
    expect(attempts.map((s) => [s.attempt, s.status])).toEqual([[1, 'failed'], [2, 'failed'], [3, 'succeeded']]);
    const gap = new Date(attempts[1].startedAt!).getTime() - new Date(attempts[0].finishedAt!).getTime();
    expect(gap).toBeGreaterThanOrEqual(190);
    expect(run.events.filter((e) => e.type === 'step.retrying')).toHaveLength(2);
  }, 30_000);

  it('fails a step that exceeds its timeout', async () => {
    await publish(`
id: timeout-${kind}
name: Timeout
steps:
  - id: slow
    type: test-sleep
    with: { ms: 5000 }
    timeout: 300ms
`);
    const started = await running().runs.start({ workflowId: `timeout-${kind}`, inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
    const run = await waitForRun(started.id);
    expect(run.status).toBe('failed');
    expect(current(run, 'slow')?.error?.code).toBe('STEP_TIMEOUT');
    const took = new Date(current(run, 'slow')!.finishedAt!).getTime() - new Date(current(run, 'slow')!.startedAt!).getTime();
    expect(took).toBeLessThan(3000);
  }, 30_000);

  it('applies each onError policy', async () => {
    await publish(`
id: on-error-handler-${kind}
name: Error handler
inputs:
  failedRun: { type: string }
steps:
  - id: note
    type: noop
    with: { failedRun: "\${{ inputs.failedRun }}" }
`);
    await publish(`
id: on-error-${kind}
name: onError paths
steps:
  - id: tolerated
    type: fail
    with: { message: "tolerated failure" }
    onError: continue
  - id: after_tolerated
    type: noop
    needs: tolerated
  - id: broken
    type: fail
    with: { retryable: false, message: "broken" }
    onError: { goto: cleanup }
  - id: after_broken
    type: noop
    needs: broken
  - id: cleanup
    type: noop
`);
    const started = await running().runs.start({ workflowId: `on-error-${kind}`, inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
    const run = await waitForRun(started.id);
    expect(run.status).toBe('succeeded');
    expect(current(run, 'tolerated')?.status).toBe('failed');
    expect(current(run, "after_tolerated")?.status).toBe('succeeded');
    expect(current(run, "after_broken")?.status).toBe('skipped');
    expect(current(run, 'cleanup')?.status).toBe('succeeded');

    await publish(`
id: on-error-wf-${kind}
name: onError workflow
steps:
  - id: broken
    type: fail
    with: { retryable: false, message: "broken" }
    onError:
      workflow: on-error-handler-${kind}
      inputs: { failedRun: "\${{ run.id }}" }
`);
    const second = await running().runs.start({ workflowId: `on-error-wf-${kind}`, inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
    const failed = await waitForRun(second.id);
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBe('STEP_FAILED');
    const handlers = await running().runs.list({ workflowId: `on-error-handler-${kind}` });
    expect(handlers.items).toHaveLength(1);
    const handler = await waitForRun(handlers.items[0].id);
    expect(handler.status).toBe('succeeded');
    expect(handler.inputs['failedRun']).toBe(second.id);

    await publish(`
id: on-error-fail-${kind}
name: onError fail
steps:
  - id: broken
    type: fail
    with: { retryable: false, code: BROKEN, message: "broken" }
  - id: never
    type: noop
    needs: broken
`);
    const third = await running().runs.start({ workflowId: `on-error-fail-${kind}`, inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
    const stopped = await waitForRun(third.id);
    expect(stopped.status).toBe('failed');
    expect(stopped.error?.code).toBe('BROKEN');
    expect(current(stopped, 'never')).toBeUndefined();

    const retried = await running().runs.retry(third.id, { id: 'test' });
    expect(retried.status).toBe('running');
    const again = await waitForRun(third.id);
    expect(again.status).toBe('failed');
    expect(again.steps.filter((s) => s.stepId === 'broken').map((s) => s.attempt)).toEqual([1, 2]);
  }, 60_000);

  it('keeps runs in flight on the revision they started with', async () => {
    const v1 = `
id: revisions-${kind}
name: Revisions
steps:
  - id: wait
    type: test-sleep
    with: { ms: 600 }
  - id: mark
    type: noop
    needs: wait
    with: { version: 1 }
`;
    await publish(v1);
    const started = await running().runs.start({ workflowId: `revisions-${kind}`, inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
    await publish(v1.replace('version: 1', 'version: 2'));
    const run = await waitForRun(started.id);
    expect(run.revision).toBe(1);
    expect(current(run, 'mark')?.outputs).toEqual({ version: 1 });
    const next = await running().runs.start({ workflowId: `revisions-${kind}`, inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
    const nextRun = await waitForRun(next.id);
    expect(nextRun.revision).toBe(2);
    expect(current(nextRun, 'mark')?.outputs).toEqual({ version: 2 });
  }, 30_000);
});
