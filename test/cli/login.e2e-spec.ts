import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_TOKEN_PRINCIPAL } from '@conveyor/identity';
import { startApiTestApp, type ApiTestApp } from '../api/api-test-app';
import { runCli } from './run-cli';

jest.setTimeout(120_000);

describe('conveyor login / logout', () => {
  let api: ApiTestApp;
  let env: Record<string, string>;
  let dataDir: string;

  beforeAll(async () => {
    api = await startApiTestApp({ CONVEYOR_ADMIN_TOKEN: 'cli-login-admin-token-0123456789', PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_TIME_COST: '1' });
    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as { port: number };
    dataDir = mkdtempSync(join(tmpdir(), 'conveyor-cli-login-'));
    // No admin token for the CLI: only what `conveyor login` saves.
    env = { CONVEYOR_API_URL: `http://127.0.0.1:${port}`, CONVEYOR_ADMIN_TOKEN: '', CONVEYOR_DATA_DIR: dataDir };
    await api.platform.identity.createUser(
      { email: 'ada@example.com', displayName: 'Ada', password: 'a long enough passphrase', roles: ['accountant'] },
      ADMIN_TOKEN_PRINCIPAL,
    );
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs in, uses the saved session, and signs out', async () => {
    const refused = await runCli(['runs', 'list'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('conveyor login');

    const wrong = await runCli(['login', '--email', 'ada@example.com', '--password', 'not the password at all'], env);
    expect(wrong.code).not.toBe(0);

    const login = await runCli(['login', '--email', 'ada@example.com', '--password', 'a long enough passphrase'], env);
    expect(login.stderr).toBe('');
    expect(login.code).toBe(0);
    expect(login.stdout).toContain('as ada@example.com (accountant)');
    expect(statSync(join(dataDir, 'cli-session.json')).mode & 0o777).toBe(0o600);

    const listed = await runCli(['runs', 'list'], env);
    expect(listed.code).toBe(0);

    const logout = await runCli(['logout'], env);
    expect(logout.code).toBe(0);
    const afterLogout = await runCli(['runs', 'list'], env);
    expect(afterLogout.code).toBe(2);
  });
});
