import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestDatabase, DATABASE_KINDS, testConfig, testPostgresUrl, uniqueSchemaName, type TestDatabase } from '@conveyor/testing';
import {
  NO_ITEM_INDEX, openDatabase, PERSISTENCE_ENTITIES, PERSISTENCE_MIGRATIONS, RunEntity, RunEventEntity, StepExecutionEntity, WorkflowEntity,
} from '@conveyor/persistence';

/** The engine's tables and those of the domains built on it (audit trail, identity); later domains add theirs. */
const TABLES = ['api_keys', 'audit_head', 'audit_records', 'run_events', 'runs', 'sessions', 'step_executions', 'users', 'workflow_revisions',
  'workflow_triggers', 'workflows'];

function newRun(overrides: Partial<RunEntity> = {}): RunEntity {
  const at = new Date('2026-01-05T09:00:00.123Z');
  return Object.assign(new RunEntity(), {
    id: randomUUID(),
    workflowId: 'invoice-intake',
    revision: 1,
    status: 'queued',
    inputs: {},
    trigger: { type: 'manual' },
    idempotencyKey: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  });
}

async function insertStep(dataSource: DataSource, runId: string, stepId: string, attempt: number): Promise<void> {
  await dataSource.query(
    `INSERT INTO step_executions (id, run_id, step_id, attempt, status, available_at, queued_at)
     VALUES ($1, $2, $3, $4, 'queued', now(), now())`,
    [randomUUID(), runId, stepId, attempt],
  );
}

describe.each(DATABASE_KINDS)('openDatabase (%s)', (kind) => {
  let test: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    dataSource = test.database.dataSource;
  }, 60_000);

  afterAll(async () => {
    await test?.drop();
  });

  it('reports its mode and a URL without secrets', () => {
    expect(test.database.embedded).toBe(kind === 'embedded');
    expect(test.database.url).toMatch(/^postgres(ql)?:\/\//);
    expect(test.database.url).not.toMatch(/:[^/@]+@/); // no user:password@
  });

  it('creates every table, and the migrations table, in the configured schema only', async () => {
    const rows: { table_name: string }[] = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
      [test.database.schema],
    );
    expect(rows.map((row) => row.table_name)).toEqual(expect.arrayContaining(['migrations', ...TABLES]));
    const [{ current_schema }] = await dataSource.query('SELECT current_schema()');
    expect(current_schema).toBe(test.database.schema);
  });

  it('has entities that match the migrated columns exactly', async () => {
    const columns: { table_name: string; column_name: string; data_type: string; is_nullable: string }[] = await dataSource.query(
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = $1`,
      [test.database.schema],
    );
    const typeNames: Record<string, string> = {
      'timestamp with time zone': 'timestamptz',
      integer: 'int',
      bigint: 'bigint',
      text: 'text',
      jsonb: 'jsonb',
      uuid: 'uuid',
      boolean: 'boolean',
    };
    for (const entity of PERSISTENCE_ENTITIES) {
      const metadata = dataSource.getMetadata(entity);
      const actual = columns
        .filter((column) => column.table_name === metadata.tableName)
        .map((column) => `${column.column_name} ${typeNames[column.data_type] ?? column.data_type} ${column.is_nullable === 'YES' ? 'null' : 'not null'}`)
        .sort();
      const declared = metadata.columns
        .map((column) => `${column.databaseName} ${String(column.type)} ${column.isNullable ? 'null' : 'not null'}`)
        .sort();
      expect({ table: metadata.tableName, columns: declared }).toEqual({ table: metadata.tableName, columns: actual });
    }
  });

  it('has nothing left to migrate after opening', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
    const applied: { name: string }[] = await dataSource.query('SELECT name FROM migrations ORDER BY id');
    expect(applied.map((row) => row.name)).toEqual(PERSISTENCE_MIGRATIONS.map((migration) => migration.name));
  });

  it('round-trips jsonb and timestamptz values through entities', async () => {
    const inputs = { amount: '1234.50', currency: 'EUR', lines: [{ sku: 'A-1', qty: 2 }], note: 'ünïcode ✓', nothing: null };
    const run = newRun({ inputs, trigger: { type: 'webhook', headers: { 'x-id': '7' } } });
    await dataSource.getRepository(RunEntity).save(run);
    const loaded = await dataSource.getRepository(RunEntity).findOneByOrFail({ id: run.id });
    expect(loaded.inputs).toEqual(inputs);
    expect(loaded.trigger).toEqual({ type: 'webhook', headers: { 'x-id': '7' } });
    expect(loaded.createdAt).toBeInstanceOf(Date);
    expect(loaded.createdAt.toISOString()).toBe('2026-01-05T09:00:00.123Z');
    expect(loaded.outputs).toBeNull();
    // A time given with an offset is the same instant when it comes back.
    const [{ at }] = await dataSource.query(`SELECT $1::timestamptz AS at`, ['2026-03-29T02:30:00+02:00']);
    expect((at as Date).toISOString()).toBe('2026-03-29T00:30:00.000Z');
  });

  it('keeps scalar and array jsonb values apart from SQL NULL', async () => {
    const run = newRun();
    await dataSource.getRepository(RunEntity).save(run);
    const step = Object.assign(new StepExecutionEntity(), {
      id: randomUUID(),
      runId: run.id,
      stepId: 'fetch',
      attempt: 1,
      status: 'succeeded',
      outputs: ['a', 1, true],
      item: 'just a string',
      availableAt: new Date(),
      queuedAt: new Date(),
    });
    await dataSource.getRepository(StepExecutionEntity).save(step);
    const loaded = await dataSource.getRepository(StepExecutionEntity).findOneByOrFail({ id: step.id });
    expect(loaded.outputs).toEqual(['a', 1, true]);
    expect(loaded.item).toBe('just a string');
    expect(loaded.input).toBeNull();
    expect(loaded.itemIndex).toBe(NO_ITEM_INDEX);
    expect(loaded.superseded).toBe(false);
    expect(loaded.errorHandled).toBe(false);
  });

  it('commits a transaction and rolls one back on error', async () => {
    const kept = newRun();
    await dataSource.transaction((manager) => manager.getRepository(RunEntity).save(kept));
    const dropped = newRun();
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.getRepository(RunEntity).save(dropped);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await dataSource.getRepository(RunEntity).countBy({ id: kept.id })).toBe(1);
    expect(await dataSource.getRepository(RunEntity).countBy({ id: dropped.id })).toBe(0);
    // The connection is usable after a failed statement inside a transaction.
    await expect(dataSource.transaction((manager) => manager.query('SELECT 1/0'))).rejects.toThrow(/division by zero/);
    expect(await dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('serialises concurrent read-modify-write transactions under SELECT ... FOR UPDATE', async () => {
    const run = newRun({ outputs: { count: 0 } });
    await dataSource.getRepository(RunEntity).save(run);
    const increment = () =>
      dataSource.transaction(async (manager) => {
        const [row] = await manager.query(`SELECT outputs FROM runs WHERE id = $1 FOR UPDATE`, [run.id]);
        await new Promise((resolve) => setTimeout(resolve, 5));
        const next = { count: (row.outputs as { count: number }).count + 1 };
        await manager.query(`UPDATE runs SET outputs = $2 WHERE id = $1`, [run.id, JSON.stringify(next)]);
      });
    await Promise.all(Array.from({ length: 8 }, increment));
    const loaded = await dataSource.getRepository(RunEntity).findOneByOrFail({ id: run.id });
    expect(loaded.outputs).toEqual({ count: 8 });
  });

  it('inserts with ON CONFLICT DO NOTHING on the idempotency key', async () => {
    const key = `key-${randomUUID()}`;
    const insert = (id: string) =>
      dataSource.query(
        `INSERT INTO runs (id, workflow_id, revision, status, inputs, trigger, idempotency_key, created_at, updated_at)
         VALUES ($1, 'w', 1, 'queued', '{}', '{"type":"manual"}', $2, now(), now())
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [id, key],
      );
    const first = randomUUID();
    expect(await insert(first)).toEqual([{ id: first }]);
    expect(await insert(randomUUID())).toEqual([]);
    expect(await dataSource.getRepository(RunEntity).countBy({ idempotencyKey: key })).toBe(1);
  });

  it('rejects a second row for the same attempt and deletes steps and events with their run', async () => {
    const run = newRun();
    await dataSource.getRepository(RunEntity).save(run);
    await insertStep(dataSource, run.id, 'fetch', 1);
    await expect(insertStep(dataSource, run.id, 'fetch', 1)).rejects.toMatchObject({ driverError: { code: '23505' } });
    await insertStep(dataSource, run.id, 'fetch', 2);
    await dataSource.query(`INSERT INTO run_events (run_id, type, actor, at) VALUES ($1, 'run.queued', 'cli', now())`, [run.id]);
    await dataSource.getRepository(RunEntity).delete({ id: run.id });
    expect(await dataSource.getRepository(StepExecutionEntity).countBy({ runId: run.id })).toBe(0);
    expect(await dataSource.getRepository(RunEventEntity).countBy({ runId: run.id })).toBe(0);
  });

  it('refuses statuses the engine does not know', async () => {
    await expect(dataSource.getRepository(RunEntity).save(newRun({ status: 'paused' as never }))).rejects.toMatchObject({
      driverError: { code: '23514' },
    });
  });

  it('numbers run events in insertion order, as strings', async () => {
    const run = newRun();
    await dataSource.getRepository(RunEntity).save(run);
    const repository = dataSource.getRepository(RunEventEntity);
    for (const type of ['run.queued', 'run.started', 'run.succeeded']) {
      await repository.insert({ runId: run.id, type, actor: 'system', at: new Date(), data: { type } });
    }
    const events = await repository.find({ where: { runId: run.id }, order: { id: 'ASC' } });
    expect(events.map((event) => event.type)).toEqual(['run.queued', 'run.started', 'run.succeeded']);
    expect(typeof events[0].id).toBe('string');
    expect(BigInt(events[2].id) > BigInt(events[0].id)).toBe(true);
  });

  it('stores workflows with their optional description as null', async () => {
    const at = new Date();
    await dataSource.getRepository(WorkflowEntity).insert({ id: 'w-null', name: 'W', description: null, latestRevision: 1, createdAt: at, updatedAt: at });
    expect((await dataSource.getRepository(WorkflowEntity).findOneByOrFail({ id: 'w-null' })).description).toBeNull();
  });
});

describe('openDatabase on PostgreSQL', () => {
  it('lets several processes open a new schema at once: one migrates, the others wait', async () => {
    const schema = uniqueSchemaName();
    const config = testConfig({ DATABASE_URL: testPostgresUrl(), DATABASE_SCHEMA: schema, DATABASE_POOL_SIZE: '2' });
    const databases = await Promise.all([openDatabase(config), openDatabase(config), openDatabase(config)]);
    try {
      const applied = await databases[0].dataSource.query('SELECT name FROM migrations');
      expect(applied).toHaveLength(PERSISTENCE_MIGRATIONS.length);
      for (const database of databases) expect(await database.dataSource.showMigrations()).toBe(false);
    } finally {
      await databases[0].dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
      await Promise.all(databases.map((database) => database.close()));
    }
  });

  it('makes a concurrent FOR UPDATE wait for the lock holder (NOWAIT fails)', async () => {
    const test = await createTestDatabase('postgres');
    try {
      const { dataSource } = test.database;
      const run = newRun();
      await dataSource.getRepository(RunEntity).save(run);
      const holder = dataSource.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      await holder.query('SELECT id FROM runs WHERE id = $1 FOR UPDATE', [run.id]);
      await expect(
        dataSource.transaction((manager) => manager.query('SELECT id FROM runs WHERE id = $1 FOR UPDATE NOWAIT', [run.id])),
      ).rejects.toMatchObject({ driverError: { code: '55P03' } });
      const skipped = await dataSource.transaction((manager) =>
        manager.query('SELECT id FROM runs WHERE id = $1 FOR UPDATE SKIP LOCKED', [run.id]),
      );
      expect(skipped).toEqual([]);
      await holder.rollbackTransaction();
      await holder.release();
    } finally {
      await test.drop();
    }
  });

  it('fails with a clear, retryable error when PostgreSQL cannot be reached', async () => {
    const config = testConfig({ DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/test' });
    await expect(openDatabase(config)).rejects.toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      retryable: true,
      message: expect.stringMatching(/^cannot connect to PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\/test: /),
    });
  });
});
