import type { DataSource } from 'typeorm';
import { AuditStore, openDatabase } from '@conveyor/persistence';
import { createTestDatabase, type TestDatabase } from '@conveyor/testing';
import { runCli } from '../cli/run-cli';

jest.setTimeout(120_000);

async function appendRecords(dataSource: DataSource, count: number): Promise<void> {
  const store = new AuditStore(dataSource);
  for (let index = 1; index <= count; index++) {
    await store.append({ actor: 'user:ada', action: 'run.cancelled', entityType: 'run', entityId: `run-${index}`, before: { status: 'running' }, after: { status: 'cancelled' } });
  }
}

/** What an attacker with superuser rights can do despite the trigger: switch triggers off for the session. */
async function tamper(dataSource: DataSource, statement: string): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SET session_replication_role = replica');
    await runner.query(statement);
    await runner.query('SET session_replication_role = origin');
  } finally {
    await runner.release();
  }
}

describe('conveyor audit verify (PostgreSQL)', () => {
  let test: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    test = await createTestDatabase('postgres');
    env = { DATABASE_URL: test.config.DATABASE_URL as string, DATABASE_SCHEMA: test.config.DATABASE_SCHEMA, LOG_LEVEL: 'silent' };
    await appendRecords(test.database.dataSource, 4);
  }, 60_000);
  afterAll(async () => {
    await test?.drop();
  });

  it('passes an intact trail (exit 0)', async () => {
    const result = await runCli(['audit', 'verify'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ok: 4 records verified\nhead: record 4, hash [0-9a-f]{64}\n$/);
  });

  it('names the first tampered record (exit 1)', async () => {
    await tamper(test.database.dataSource, `UPDATE audit_records SET after = '{"status": "succeeded"}' WHERE seq = 2`);
    const result = await runCli(['audit', 'verify'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^broken at record 2: edited \(record 2 does not match its hash/);
    expect(result.stderr).toBe('1 record verified before the break\n');
  });
});

describe('conveyor audit verify (embedded)', () => {
  let test: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    test = await createTestDatabase('embedded');
    env = { DATABASE_URL: '', CONVEYOR_DATA_DIR: test.config.CONVEYOR_DATA_DIR, CONVEYOR_API_URL: 'http://127.0.0.1:3999', LOG_LEVEL: 'silent' };
    await appendRecords(test.database.dataSource, 3);
  }, 60_000);
  afterAll(async () => {
    await test?.drop();
  });

  it('sends the user to the running API while another process owns the database (exit 2)', async () => {
    const result = await runCli(['audit', 'verify'], env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('is in use by a running Conveyor');
    expect(result.stderr).toContain('GET http://127.0.0.1:3999/api/audit/verify');
  });

  it('verifies the trail once the database is free, and finds deleted newest records', async () => {
    await test.database.close();
    const intact = await runCli(['audit', 'verify'], env);
    expect(intact.stderr).toBe('');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/^ok: 3 records verified\n/);

    const database = await openDatabase(test.config);
    try {
      await tamper(database.dataSource, 'DELETE FROM audit_records WHERE seq = 3');
    } finally {
      await database.close();
    }
    const broken = await runCli(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^broken at record 3: missing \(record 3 is missing/);
  });

  it('says so when there is no embedded database at all (exit 2)', async () => {
    const result = await runCli(['audit', 'verify'], { ...env, CONVEYOR_DATA_DIR: `${test.config.CONVEYOR_DATA_DIR}/nothing-here` });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('there is no embedded database in');
  });
});
