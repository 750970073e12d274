import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { sealRecord, verifyChain, type AuditEntry } from '@conveyor/audit';
import { ManualClock } from '@conveyor/kernel';
import { AuditStore, RunStore } from '@conveyor/persistence';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '@conveyor/testing';

jest.setTimeout(60_000);

function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    actor: 'user:ada',
    action: 'run.cancelled',
    entityType: 'run',
    entityId: 'r-1',
    before: { status: 'running', amounts: { net: '100.00', gross: '119.00' }, lines: [3, 1, 2] },
    after: { status: 'cancelled' },
    ...overrides,
  };
}

/**
 * Tampering as an attacker with database rights would do it: with the store's triggers switched off
 * for this session (superuser), which is exactly what the trigger alone cannot stop.
 */
async function asSuperuserWithoutTriggers(dataSource: DataSource, work: (query: (text: string, params?: unknown[]) => Promise<unknown>) => Promise<void>) {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SET session_replication_role = replica`);
    await work((text, params) => runner.query(text, params));
  } finally {
    await runner.query(`SET session_replication_role = origin`);
    await runner.release();
  }
}

describe.each(DATABASE_KINDS)('AuditStore (%s)', (kind) => {
  let test: TestDatabase;
  let dataSource: DataSource;
  let store: AuditStore;
  const clock = new ManualClock('2026-03-02T08:00:00+01:00');

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    dataSource = test.database.dataSource;
    store = new AuditStore(dataSource, clock);
  }, 60_000);

  afterAll(async () => {
    await test?.drop();
  });

  it('chains appended records and reads them back exactly as they were hashed', async () => {
    const runId = randomUUID();
    const first = await store.append(entry({ runId, workflowId: 'invoice-check', revision: 3, details: { reason: 'duplicate', at: new Date('2026-03-01T12:00:00Z') } }));
    clock.advance(1000);
    const second = await store.append(entry({ action: 'workflow.published', entityType: 'workflow', entityId: 'invoice-check', before: undefined }));
    expect(second.seq).toBe(first.seq + 1);
    expect(second.prevHash).toBe(first.hash);

    const page = await store.query({ order: 'asc' });
    expect(page.items).toEqual([first, second]);
    expect(page.items[0]).toMatchObject({
      at: new Date('2026-03-02T07:00:00Z'),
      runId,
      revision: 3,
      details: { reason: 'duplicate', at: '2026-03-01T12:00:00.000Z' },
      before: { status: 'running', amounts: { net: '100.00', gross: '119.00' }, lines: [3, 1, 2] },
    });
    expect(page.items[1].before).toBeNull();
    await expect(store.head()).resolves.toEqual({ seq: second.seq, hash: second.hash });
    await expect(verifyChain(page.items, await store.head())).resolves.toMatchObject({ ok: true });
    await expect(store.verify()).resolves.toMatchObject({ ok: true, checked: second.seq, head: { seq: second.seq, hash: second.hash } });
  });

  it('records inside the caller’s transaction: committed with it, or not at all', async () => {
    const before = (await store.head())!;
    const runs = new RunStore(dataSource);
    await expect(
      runs.transaction(async (tx) => {
        await store.append(entry({ entityId: 'rolled-back' }), tx.sql);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await expect(store.head()).resolves.toEqual(before);
    await runs.transaction((tx) => store.record(entry({ entityId: 'committed' }), tx.sql));
    const head = (await store.head())!;
    expect(head.seq).toBe(before.seq + 1);
    await expect(store.query({ entityId: 'rolled-back' })).resolves.toEqual({ items: [] });
    await expect(store.verify()).resolves.toMatchObject({ ok: true, checked: head.seq });
  });

  it('keeps one chain under concurrent appends', async () => {
    const start = (await store.head())!.seq;
    const runs = new RunStore(dataSource);
    // Half of them inside other transactions, as services append them.
    await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        index % 2 === 0
          ? store.append(entry({ entityId: `concurrent-${index}` }))
          : runs.transaction((tx) => store.append(entry({ entityId: `concurrent-${index}` }), tx.sql)),
      ),
    );
    const records = [];
    for await (const record of store.export({})) records.push(record);
    expect(records.map((record) => record.seq)).toEqual(Array.from({ length: start + 24 }, (_, index) => index + 1));
    expect(new Set(records.map((record) => record.prevHash)).size).toBe(records.length);
    await expect(store.verify()).resolves.toMatchObject({ ok: true, checked: start + 24 });
  });

  it('filters and pages', async () => {
    const runId = randomUUID();
    clock.set('2030-01-01T00:00:00Z');
    for (let index = 0; index < 5; index++) {
      clock.advance(60_000);
      await store.append(entry({ actor: 'user:bo', runId, entityId: runId, action: index % 2 ? 'run.retried' : 'run.started' }));
    }
    const first = await store.query({ runId, limit: 2 });
    expect(first.items.map((item) => item.at.toISOString())).toEqual(['2030-01-01T00:05:00.000Z', '2030-01-01T00:04:00.000Z']);
    const second = await store.query({ runId, limit: 2, cursor: first.nextCursor });
    const third = await store.query({ runId, limit: 2, cursor: second.nextCursor });
    expect([...first.items, ...second.items, ...third.items]).toHaveLength(5);
    expect(third.nextCursor).toBeUndefined();
    const retried = await store.query({ actor: 'user:bo', action: 'run.retried', from: new Date('2030-01-01T00:02:00Z'), to: new Date('2030-01-01T00:04:00Z') });
    expect(retried.items.map((item) => item.at.toISOString())).toEqual(['2030-01-01T00:02:00.000Z']);
    const exported = [];
    for await (const record of store.export({ runId, action: 'run.started' })) exported.push(record.at.toISOString());
    expect(exported).toEqual(['2030-01-01T00:01:00.000Z', '2030-01-01T00:03:00.000Z', '2030-01-01T00:05:00.000Z']);
    await expect(store.query({ cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    await expect(store.query({ runId: 'nope' })).rejects.toMatchObject({ code: 'INVALID_AUDIT_FILTER' });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of records, and any direct change of the head', async () => {
    const appendOnly = expect.objectContaining({ message: expect.stringContaining('append-only') });
    await expect(dataSource.query(`UPDATE audit_records SET actor = 'user:mallory' WHERE seq = 1`)).rejects.toEqual(appendOnly);
    await expect(dataSource.query(`DELETE FROM audit_records WHERE seq = 1`)).rejects.toEqual(appendOnly);
    await expect(dataSource.query(`TRUNCATE audit_records`)).rejects.toEqual(appendOnly);
    await expect(dataSource.query(`UPDATE audit_head SET last_seq = 1`)).rejects.toThrow('the audit head moves only when a record is appended');
    await expect(dataSource.query(`DELETE FROM audit_head`)).rejects.toThrow('the audit head moves only when a record is appended');
    const head = (await store.head())!;
    await expect(
      dataSource.query(
        `INSERT INTO audit_records (seq, id, at, actor, action, entity_type, entity_id, prev_hash, hash) VALUES ($1, $2, date_trunc('milliseconds', now()), 'x', 'x', 'x', 'x', 'forged', 'forged')`,
        [head.seq + 1, randomUUID()],
      ),
    ).rejects.toThrow(`audit record ${head.seq + 1} does not extend the chain`);
    await expect(store.verify()).resolves.toMatchObject({ ok: true, checked: head.seq });
  });

  // Each case tampers on a copy of the trail's state and restores it, so the cases stay independent.
  describe('detects tampering done with the triggers switched off', () => {
    let snapshot: Record<string, unknown>[];

    beforeEach(async () => {
      snapshot = await dataSource.query(`SELECT * FROM audit_records ORDER BY seq`);
    });

    afterEach(async () => {
      const head = (await dataSource.query(`SELECT last_seq, last_hash FROM audit_head`))[0];
      await asSuperuserWithoutTriggers(dataSource, async (query) => {
        await query(`DELETE FROM audit_records`);
        for (const row of snapshot) {
          const columns = Object.keys(row);
          await query(
            `INSERT INTO audit_records (${columns.join(', ')}) VALUES (${columns.map((_, index) => `$${index + 1}`).join(', ')})`,
            columns.map((column) => (typeof row[column] === 'object' && row[column] !== null && !(row[column] instanceof Date) ? JSON.stringify(row[column]) : row[column])),
          );
        }
        const last = snapshot[snapshot.length - 1];
        await query(`UPDATE audit_head SET last_seq = $1, last_hash = $2`, [last['seq'], last['hash']]);
      });
      expect(head).toBeDefined();
      await expect(store.verify()).resolves.toMatchObject({ ok: true });
    });

    it('an edited field', async () => {
      await asSuperuserWithoutTriggers(dataSource, (query) => query(`UPDATE audit_records SET after = '{"status": "succeeded"}' WHERE seq = 3`).then(() => undefined));
      await expect(store.verify()).resolves.toMatchObject({ ok: false, checked: 2, firstBroken: { seq: 3, reason: 'edited' } });
    });

    it('an edited time (finer than the hashed milliseconds is refused even then)', async () => {
      await expect(
        asSuperuserWithoutTriggers(dataSource, (query) => query(`UPDATE audit_records SET at = at + interval '1 microsecond' WHERE seq = 5`).then(() => undefined)),
      ).rejects.toThrow(/check constraint/);
      await asSuperuserWithoutTriggers(dataSource, (query) => query(`UPDATE audit_records SET at = at + interval '1 millisecond' WHERE seq = 5`).then(() => undefined));
      await expect(store.verify()).resolves.toMatchObject({ ok: false, checked: 4, firstBroken: { seq: 5, reason: 'edited' } });
    });

    it('a deleted record in the middle', async () => {
      await asSuperuserWithoutTriggers(dataSource, (query) => query(`DELETE FROM audit_records WHERE seq = 4`).then(() => undefined));
      await expect(store.verify()).resolves.toMatchObject({ ok: false, checked: 3, firstBroken: { seq: 4, reason: 'missing' } });
    });

    it('deleted newest records', async () => {
      const last = Number(snapshot[snapshot.length - 1]['seq']);
      await asSuperuserWithoutTriggers(dataSource, (query) => query(`DELETE FROM audit_records WHERE seq >= $1`, [last - 1]).then(() => undefined));
      await expect(store.verify()).resolves.toMatchObject({ ok: false, checked: last - 2, firstBroken: { seq: last - 1, reason: 'missing' } });
    });

    it('two records swapped', async () => {
      await asSuperuserWithoutTriggers(dataSource, async (query) => {
        await query(`UPDATE audit_records SET seq = 1000000000 WHERE seq = 2`);
        await query(`UPDATE audit_records SET seq = 2 WHERE seq = 3`);
        await query(`UPDATE audit_records SET seq = 3 WHERE seq = 1000000000`);
      });
      await expect(store.verify()).resolves.toMatchObject({ ok: false, checked: 1, firstBroken: { seq: 2, reason: 'reordered' } });
    });

    it('a well-formed record slipped in past the head', async () => {
      const last = snapshot[snapshot.length - 1];
      const forged = sealRecord(entry({ actor: 'user:mallory' }), { seq: Number(last['seq']) + 1, id: randomUUID(), at: clock.now(), prevHash: String(last['hash']) });
      await asSuperuserWithoutTriggers(dataSource, (query) =>
        query(
          `INSERT INTO audit_records (seq, id, at, actor, action, entity_type, entity_id, before, after, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [forged.seq, forged.id, forged.at, forged.actor, forged.action, forged.entityType, forged.entityId, JSON.stringify(forged.before),
            JSON.stringify(forged.after), forged.prevHash, forged.hash],
        ).then(() => undefined),
      );
      await expect(store.verify()).resolves.toMatchObject({ ok: false, checked: forged.seq, firstBroken: { seq: forged.seq, reason: 'head-mismatch' } });
    });
  });
});
