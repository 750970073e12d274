import { GENESIS_HASH, canonicalRecord, hashRecord, sealRecord } from './record-hash';

const place = { seq: 1, id: 'A0000000-0000-4000-8000-000000000001', at: new Date('2026-01-05T10:00:00+01:00'), prevHash: GENESIS_HASH };

describe('sealRecord', () => {
  it('normalises the entry to what the database gives back and hashes it', () => {
    const record = sealRecord(
      { actor: 'user:ada', action: 'run.started', entityType: 'run', entityId: 'r1', after: { at: new Date('2026-01-05T09:00:00Z'), x: undefined }, runId: 'ABCDEF00-0000-4000-8000-000000000001' },
      place,
    );
    expect(record).toMatchObject({
      seq: 1,
      id: 'a0000000-0000-4000-8000-000000000001',
      before: null,
      after: { at: '2026-01-05T09:00:00.000Z' },
      workflowId: null,
      revision: null,
      runId: 'abcdef00-0000-4000-8000-000000000001',
      details: null,
      prevHash: GENESIS_HASH,
    });
    expect(record.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecord(record)).toBe(record.hash);
    expect(canonicalRecord(record)).toContain('"at":"2026-01-05T09:00:00.000Z"');
  });

  it('chains: the same content after another record hashes differently', () => {
    const entry = { actor: 'user:ada', action: 'workflow.published', entityType: 'workflow', entityId: 'w' };
    const first = sealRecord(entry, place);
    const second = sealRecord(entry, { ...place, prevHash: first.hash });
    expect(second.hash).not.toBe(first.hash);
    expect(sealRecord(entry, { ...place, seq: 2 }).hash).not.toBe(first.hash);
  });

  it('refuses entries it cannot record faithfully', () => {
    const base = { actor: 'user:ada', action: 'run.started', entityType: 'run', entityId: 'r1' };
    const invalid = expect.objectContaining({ code: 'AUDIT_ENTRY_INVALID' });
    expect(() => sealRecord({ ...base, actor: '' }, place)).toThrow(invalid);
    expect(() => sealRecord({ ...base, runId: 'not-a-uuid' }, place)).toThrow(invalid);
    expect(() => sealRecord({ ...base, revision: 1.5 }, place)).toThrow(invalid);
    expect(() => sealRecord({ ...base, details: [1] as unknown as Record<string, unknown> }, place)).toThrow(invalid);
    expect(() => sealRecord(base, { ...place, at: new Date('nope') })).toThrow(invalid);
  });
});
