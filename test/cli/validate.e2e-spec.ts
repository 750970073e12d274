import { runCli } from './run-cli';

jest.setTimeout(60_000);

const fixture = (name: string) => `test/cli/fixtures/${name}`;

describe('conveyor validate', () => {
  it('accepts valid workflows: exit 0 and a count', async () => {
    const result = await runCli(['validate', fixture('hello.yaml'), fixture('failing.yaml')]);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('ok: 2 workflows valid');
    expect(result.code).toBe(0);
  });

  it('prints file:line:col: message for each problem and exits 1', async () => {
    const result = await runCli(['validate', fixture('hello.yaml'), fixture('unknown-step.yaml'), fixture('bad-syntax.yaml')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^test\/cli\/fixtures\/unknown-step\.yaml:6:11: .*no\.such-type/));
    expect(lines).toContainEqual(expect.stringMatching(/^test\/cli\/fixtures\/bad-syntax\.yaml:5:\d+: /));
    expect(lines.some((line) => line.startsWith(fixture('hello.yaml')))).toBe(false);
    expect(lines.at(-1)).toBe('2 of 3 workflows invalid');
  });

  it('says clearly when a file cannot be read, and exits 2', async () => {
    const result = await runCli(['validate', fixture('missing.yaml'), 'test/cli/fixtures']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot read test/cli/fixtures/missing.yaml: no such file');
    expect(result.stderr).toContain('cannot read test/cli/fixtures: it is a directory');
  });

  it('exits 2 on usage errors and 0 for help', async () => {
    const noFiles = await runCli(['validate']);
    expect(noFiles.code).toBe(2);
    expect(noFiles.stderr).toContain("missing required argument 'files'");
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/validate <files\.\.\.>/);
    expect(help.stdout).toMatch(/runs/);
    expect(help.stdout).toMatch(/start/);
  });
});
