import { createLogger } from '@conveyor/observability';
import { createPlatform } from './create-platform';
import { isolatedConfig, kinds, sleepStep } from './platform.fixture';

describe.each(kinds)('restarts on %s database', (kind) => {
  it('lets in-flight steps finish on shutdown and picks up the rest after a restart', async () => {
    const { config, cleanup } = isolatedConfig(kind);
    const logger = createLogger({ level: 'silent' });
    let platform = await createPlatform(config, { components: ['scheduler', 'worker'], logger, stepTypes: [sleepStep] });
    try {
      await platform.workflows.publish(`
id: shutdown
name: Shutdown
steps:
  - id: busy
    type: test-sleep
    with: { ms: 800 }
  - id: next
    type: noop
    needs: busy
`, { id: 'test' });
      const started = await platform.runs.start({ workflowId: 'shutdown', inputs: {}, trigger: { type: 'manual' } }, { id: 'test' });
      const deadline = Date.now() + 10_000;
      while ((await platform.runs.get(started.id)).steps[0]?.status !== 'running' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await platform.close();
      platform = await createPlatform(config, { components: [], logger, stepTypes: [sleepStep] });
      const afterShutdown = await platform.runs.get(started.id);
      expect(afterShutdown.steps.find((s) => s.stepId === 'busy')?.status).toBe('succeeded');
      expect(afterShutdown.status).toBe('running');
      await platform.close();
      platform = await createPlatform(config, { components: ['scheduler', 'worker'], logger, stepTypes: [sleepStep] });
      let run = await platform.runs.get(started.id);
      while (run.status === 'running' && Date.now() < deadline + 20_000) {
        await new Promise((r) => setTimeout(r, 50));
        run = await platform.runs.get(started.id);
      }
      expect(run.status).toBe('succeeded');
    } finally {
      await platform.close();
      cleanup();
    }
  }, 60_000);


  it('keeps an approval task across a restart of every process, and the decision then completes the run', async () => {
    const { config, cleanup } = isolatedConfig(kind);
    const logger = createLogger({ level: 'silent' });
    let platform = await createPlatform(config, { components: ['scheduler', 'worker'], logger });
    try {
      await platform.workflows.publish(`
id: approve-restart
name: Approval across restarts
steps:
  - id: approve
    type: approval
    with: { title: "Check it", assignees: { roles: [accountant] } }
  - id: after
    type: noop
    needs: approve
    with: { outcome: "\${{ steps.approve.outputs.outcome }}" }
`, { id: 'test' });
      const started = await platform.runs.start({ workflowId: 'approve-restart', inputs: {}, trigger: { type: 'manual' } }, { id: 'user:starter' });
      const accountant = { id: 'user:accountant-1', roles: ['accountant'], groups: [] };
      const deadline = Date.now() + 20_000;
      let tasks = await platform.approvals.listTasks(accountant);
      while (tasks.items.length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        tasks = await platform.approvals.listTasks(accountant);
      }
      expect(tasks.items).toHaveLength(1);
      await platform.close();
      platform = await createPlatform(config, { components: ['scheduler', 'worker'], logger });
      expect((await platform.runs.get(started.id)).status).toBe('waiting');
      const [task] = (await platform.approvals.listTasks(accountant)).items;
      await platform.approvals.decide(accountant, task.id, { outcome: 'approve' });
      let run = await platform.runs.get(started.id);
      while (!['succeeded', 'failed'].includes(run.status) && Date.now() < deadline + 20_000) {
        await new Promise((r) => setTimeout(r, 50));
        run = await platform.runs.get(started.id);
      }
      expect(run.status).toBe('succeeded');
      expect(run.steps.find((s) => s.stepId === 'after')?.outputs).toEqual({ outcome: 'approve' });
    } finally {
      await platform.close();
      cleanup();
    }
  }, 90_000);

  it('replays the cron firings that fell due while no scheduler ran', async () => {
    const { config, cleanup } = isolatedConfig(kind);
    const logger = createLogger({ level: 'silent' });
    let platform = await createPlatform(config, { components: ['scheduler', 'worker'], logger });
    try {
      const published = await platform.workflows.publish(`
id: restart-cron
name: Restart
triggers:
  - id: each-second
    type: cron
    cron: "* * * * * *"
    timezone: UTC
    catchUp: all
steps:
  - id: tick
    type: noop
`, { id: 'test' });
      expect(published.ok).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await platform.close();
      const downAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 3000));
      platform = await createPlatform(config, { components: ['scheduler', 'worker'], logger });
      const upAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const runs = await platform.runs.list({ workflowId: 'restart-cron', limit: 500 });
      const fired = runs.items.map((run) => new Date(String(run.trigger['scheduledAt'])).getTime()).sort((a, b) => a - b);
      // Every second from the first firing to the last has exactly one run: none lost during the downtime, none doubled.
      expect(new Set(fired).size).toBe(fired.length);
      for (let i = 1; i < fired.length; i++) expect(fired[i] - fired[i - 1]).toBe(1000);
      const duringDowntime = fired.filter((at) => at > downAt && at < upAt);
      expect(duringDowntime.length).toBeGreaterThanOrEqual(2);
    } finally {
      await platform.close();
      cleanup();
    }
  }, 60_000);
});
