import type { AuditRecord } from './audit-entry';
import { verifyChain } from './chain-verifier';
import { GENESIS_HASH, hashRecord, sealRecord } from './record-hash';

/** A valid chain of `count` records, each linked to the one before. */
function chain(count: number): AuditRecord[] {
  const records: AuditRecord[] = [];
  for (let seq = 1; seq <= count; seq++) {
    records.push(
      sealRecord(
        {
          actor: `user:${seq % 3}`,
          action: 'run.cancelled',
          entityType: 'run',
          entityId: `00000000-0000-4000-8000-00000000000${seq}`,
          before: { status: 'running', amount: { cents: 1000 * seq, currency: 'EUR' } },
          after: { status: 'cancelled' },
          workflowId: 'invoice-check',
          revision: 2,
          runId: `00000000-0000-4000-8000-00000000000${seq}`,
        },
        { seq, id: `10000000-0000-4000-8000-00000000000${seq}`, at: new Date(Date.UTC(2026, 0, 5, 9, seq)), prevHash: records[seq - 2]?.hash ?? GENESIS_HASH },
      ),
    );
  }
  return records;
}

const head = (records: AuditRecord[]) => ({ seq: records[records.length - 1].seq, hash: records[records.length - 1].hash });

describe('verifyChain', () => {
  it('accepts an intact chain and its head', async () => {
    const records = chain(6);
    await expect(verifyChain(records, head(records))).resolves.toEqual({ ok: true, checked: 6 });
    await expect(verifyChain([], { seq: 0, hash: GENESIS_HASH })).resolves.toEqual({ ok: true, checked: 0 });
  });

  it('accepts a chain read back from storage (jsonb reorders keys, dates come back as new objects)', async () => {
    const records = chain(3).map((record) => ({
      ...record,
      at: new Date(record.at.toISOString()),
      before: JSON.parse(JSON.stringify({ amount: { currency: 'EUR', cents: (record.before as { amount: { cents: number } }).amount.cents }, status: 'running' })),
    }));
    await expect(verifyChain(records, head(records))).resolves.toEqual({ ok: true, checked: 3 });
  });

  it('finds an edited field, nested or not', async () => {
    const records = chain(5);
    const nested = records.map((record) => (record.seq === 3 ? { ...record, before: { status: 'running', amount: { cents: 1, currency: 'EUR' } } } : record));
    await expect(verifyChain(nested, head(records))).resolves.toEqual({
      ok: false,
      checked: 2,
      firstBroken: { seq: 3, reason: 'edited', message: expect.stringContaining('does not match its hash') },
    });
    const actor = records.map((record) => (record.seq === 1 ? { ...record, actor: 'user:someone-else' } : record));
    await expect(verifyChain(actor, head(records))).resolves.toMatchObject({ ok: false, checked: 0, firstBroken: { seq: 1, reason: 'edited' } });
  });

  it('finds an edit whose hash was recomputed: the next record no longer links to it', async () => {
    const records = chain(5);
    const forged = { ...records[2], after: { status: 'succeeded' } };
    forged.hash = hashRecord(forged);
    const tampered = [...records.slice(0, 2), forged, ...records.slice(3)];
    await expect(verifyChain(tampered, head(records))).resolves.toMatchObject({ ok: false, checked: 3, firstBroken: { seq: 4, reason: 'edited' } });
  });

  it('finds a deleted record in the middle', async () => {
    const records = chain(5);
    const tampered = records.filter((record) => record.seq !== 3);
    await expect(verifyChain(tampered, head(records))).resolves.toEqual({
      ok: false,
      checked: 2,
      firstBroken: { seq: 3, reason: 'missing', message: 'record 3 is missing' },
    });
    await expect(verifyChain(records.filter((record) => record.seq !== 2 && record.seq !== 3))).resolves.toMatchObject({
      firstBroken: { seq: 2, reason: 'missing', message: 'records 2 to 3 are missing' },
    });
  });

  it('finds deleted newest records through the head', async () => {
    const records = chain(5);
    await expect(verifyChain(records.slice(0, 4), head(records))).resolves.toMatchObject({ ok: false, checked: 4, firstBroken: { seq: 5, reason: 'missing' } });
    await expect(verifyChain([], head(records))).resolves.toMatchObject({ ok: false, checked: 0, firstBroken: { seq: 1, reason: 'missing' } });
    // Without the head, a shortened chain cannot be told from a short one.
    await expect(verifyChain(records.slice(0, 4))).resolves.toEqual({ ok: true, checked: 4 });
  });

  it('finds records out of order', async () => {
    const records = chain(5);
    const swapped = [records[0], records[1], records[3], records[2], records[4]];
    await expect(verifyChain(swapped, head(records))).resolves.toMatchObject({ ok: false, checked: 2, firstBroken: { seq: 3, reason: 'reordered' } });
    const repeated = [records[0], records[1], records[1], records[2]];
    await expect(verifyChain(repeated)).resolves.toMatchObject({ ok: false, checked: 2, firstBroken: { seq: 2, reason: 'reordered' } });
  });

  it('finds records moved to each other’s place (their seqs swapped in storage)', async () => {
    const records = chain(5);
    const moved = [records[0], records[1], { ...records[3], seq: 3 }, { ...records[2], seq: 4 }, records[4]];
    await expect(verifyChain(moved, head(records))).resolves.toMatchObject({ ok: false, checked: 2, firstBroken: { seq: 3, reason: 'reordered' } });
  });

  it('finds a head that disagrees with the records', async () => {
    const records = chain(4);
    await expect(verifyChain(records, { seq: 4, hash: records[2].hash })).resolves.toMatchObject({
      ok: false,
      checked: 4,
      firstBroken: { seq: 4, reason: 'head-mismatch' },
    });
    await expect(verifyChain(records, head(records.slice(0, 3)))).resolves.toMatchObject({ ok: false, firstBroken: { seq: 4, reason: 'head-mismatch' } });
  });

  it('reads async sources (a streamed export)', async () => {
    const records = chain(3);
    async function* stream(): AsyncGenerator<AuditRecord> {
      yield* records;
    }
    await expect(verifyChain(stream(), head(records))).resolves.toEqual({ ok: true, checked: 3 });
  });
});
