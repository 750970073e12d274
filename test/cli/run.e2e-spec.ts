import { randomUUID } from 'node:crypto';
import { startApiTestApp, type ApiTestApp } from '../api/api-test-app';
import { runCli } from './run-cli';

jest.setTimeout(120_000);

const TOKEN = 'cli-e2e-admin-token-0123456789';

describe('conveyor run / runs (against a running API)', () => {
  let api: ApiTestApp;
  let env: Record<string, string>;

  beforeAll(async () => {
    api = await startApiTestApp({ CONVEYOR_ADMIN_TOKEN: TOKEN });
    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as { port: number };
    env = { CONVEYOR_API_URL: `http://127.0.0.1:${port}`, CONVEYOR_ADMIN_TOKEN: TOKEN };
  });
  afterAll(async () => {
    await api?.close();
  });

  it('publishes, runs and follows a workflow to success (exit 0)', async () => {
    const result = await runCli(['run', 'test/cli/fixtures/hello.yaml', '--input', 'who=Ada', '-i', 'times=2'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^cli-hello revision 1 \(new\): run [0-9a-f-]{36}$/m);
    expect(result.stdout).toMatch(/^✓ greet {2}succeeded {2}\d/m);
    expect(result.stdout).toMatch(/^✓ done {2}succeeded {2}\d/m);
    expect(result.stdout).toMatch(/^✓ run [0-9a-f-]{36} succeeded in /m);
    expect(result.stdout).toContain('"greeting": "hello Ada"');

    const runId = /run ([0-9a-f-]{36})/.exec(result.stdout)![1];
    const run = await api.platform.runs.get(runId);
    expect(run.inputs).toEqual({ who: 'Ada', times: 2 });

    const shown = await runCli(['runs', 'show', runId], env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^status {4}succeeded/m);
    expect(shown.stdout).toMatch(/^ {2}✓ greet/m);
    expect(shown.stdout).toMatch(/run\.succeeded/);
    const shownJson = await runCli(['runs', 'show', runId, '--json'], env);
    expect(JSON.parse(shownJson.stdout)).toMatchObject({ id: runId, status: 'succeeded', steps: expect.any(Array), events: expect.any(Array) });

    const listed = await runCli(['runs', 'list', '--workflow', 'cli-hello', '--json'], env);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).items.map((item: { id: string }) => item.id)).toContain(runId);
    const table = await runCli(['runs', 'list', '--status', 'succeeded', '--limit', '5'], env);
    expect(table.stdout).toMatch(/^ID +WORKFLOW +REV +STATUS +CREATED +DURATION$/m);
    expect(table.stdout).toContain(runId);
  });

  it('exits 1 when the run fails and prints the failed step', async () => {
    const result = await runCli(['run', 'test/cli/fixtures/failing.yaml', '--json'], env);
    expect(result.code).toBe(1);
    const run = JSON.parse(result.stdout);
    expect(run.status).toBe('failed');
    expect(run.steps.find((step: { stepId: string }) => step.stepId === 'explode')).toMatchObject({ status: 'failed', error: { code: 'EXPLODED' } });

    const human = await runCli(['run', 'test/cli/fixtures/failing.yaml'], env);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/^✗ explode {2}failed.*EXPLODED: this step always fails$/m);
    expect(human.stdout).toMatch(/^✗ run [0-9a-f-]{36} failed/m);
  });

  it('exits 1 with file:line:col lines for an invalid workflow', async () => {
    const result = await runCli(['run', 'test/cli/fixtures/unknown-step.yaml'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^test\/cli\/fixtures\/unknown-step\.yaml:6:11: /m);
  });

  it('exits 1 for an unknown run and 2 for bad usage or a wrong token', async () => {
    const unknown = await runCli(['runs', 'show', randomUUID()], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/There is no run/);
    const badInput = await runCli(['run', 'test/cli/fixtures/hello.yaml', '--input', 'who'], env);
    expect(badInput.code).toBe(2);
    expect(badInput.stderr).toContain('write it as key=value');
    const wrongToken = await runCli(['runs', 'list'], { ...env, CONVEYOR_ADMIN_TOKEN: 'not-the-admin-token-at-all' });
    expect(wrongToken.code).toBe(2);
    expect(wrongToken.stderr).toContain('conveyor login');
  });

  it('exits 2 with a hint when no API answers', async () => {
    const result = await runCli(['runs', 'list'], { CONVEYOR_API_URL: 'http://127.0.0.1:9', CONVEYOR_ADMIN_TOKEN: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no Conveyor API at http://127.0.0.1:9: start it with `npm start`');
  });
});
