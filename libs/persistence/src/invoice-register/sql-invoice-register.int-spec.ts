import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { invoiceIdentityOf, findDuplicates, type DocumentRecord } from '@conveyor/documents';
import { ManualClock } from '@conveyor/kernel';
import { AuditStore, SqlDocumentRepository, SqlInvoiceRegister } from '@conveyor/persistence';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '@conveyor/testing';

jest.setTimeout(60_000);

describe.each(DATABASE_KINDS)('SqlInvoiceRegister (%s)', (kind) => {
  let test: TestDatabase;
  let dataSource: DataSource;
  let register: SqlInvoiceRegister;
  let audit: AuditStore;

  async function storedDocument(): Promise<string> {
    const id = randomUUID();
    const sha = randomUUID().replace(/-/g, '').padEnd(64, '0');
    const record: DocumentRecord = {
      id, sha256: sha, fileName: 'invoice.pdf', mediaType: 'application/pdf', sizeBytes: 10, pages: 1, widthPx: null, heightPx: null,
      status: 'stored', errorCode: null, errorMessage: null, storageKey: `${sha.slice(0, 2)}/${sha}`, duplicateOf: null, uploadedBy: 'user:ada',
      uploadedAt: new Date('2026-03-01T10:00:00Z'), announcedAt: null,
    };
    await new SqlDocumentRepository(dataSource).transaction((tx) => tx.insert(record));
    return id;
  }

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    dataSource = test.database.dataSource;
    register = new SqlInvoiceRegister(dataSource);
    audit = new AuditStore(dataSource, new ManualClock(new Date('2026-03-02T00:00:00Z')));
  });
  afterAll(async () => {
    await test?.drop();
  });

  const muller = { vendorName: 'Müller Bürobedarf GmbH', vendorVatId: 'DE 123 456 789', invoiceNumber: 'RE-2026-0042', issueDate: '2026-02-27', totalGross: '1190.50', currency: 'EUR' };

  it('finds the earlier invoice of the same vendor with the same number, and a re-issue with the same date and amount', async () => {
    const first = await storedDocument();
    expect(await register.registerAndFindCandidates(first, randomUUID(), invoiceIdentityOf(muller), new Date('2026-03-01T10:00:00Z'))).toEqual([]);

    const copy = await storedDocument();
    const copyIdentity = invoiceIdentityOf({ ...muller, vendorVatId: null, invoiceNumber: 'Nr. RE-2026-0042', totalGross: '1190.5' });
    const candidates = await register.registerAndFindCandidates(copy, randomUUID(), copyIdentity, new Date('2026-03-01T11:00:00Z'));
    expect(findDuplicates(copyIdentity, candidates, copy)).toEqual([
      { documentId: first, reason: 'same-vendor-and-number', invoiceNumber: 'RE-2026-0042', issueDate: '2026-02-27', totalGross: '1190.5', currency: 'EUR' },
    ]);

    const reissued = await storedDocument();
    const reissuedIdentity = invoiceIdentityOf({ ...muller, invoiceNumber: 'RE-2026-0099' });
    const reasons = findDuplicates(reissuedIdentity, await register.registerAndFindCandidates(reissued, randomUUID(), reissuedIdentity, new Date('2026-03-01T12:00:00Z')), reissued)
      .map((duplicate) => [duplicate.documentId, duplicate.reason]);
    expect(reasons).toEqual([[first, 'same-vendor-date-and-amount'], [copy, 'same-vendor-date-and-amount']]);

    // Another vendor with the same number is not a duplicate; re-registering a document never finds itself.
    const other = await storedDocument();
    const otherIdentity = invoiceIdentityOf({ vendorName: 'Other Supplies Ltd', invoiceNumber: 'RE-2026-0042', issueDate: '2026-02-27', totalGross: '1190.50', currency: 'EUR' });
    expect(findDuplicates(otherIdentity, await register.registerAndFindCandidates(other, randomUUID(), otherIdentity, new Date()), other)).toEqual([]);
    expect(findDuplicates(otherIdentity, await register.registerAndFindCandidates(other, randomUUID(), otherIdentity, new Date()), other)).toEqual([]);
  });

  it('makes two copies registered at the same moment see each other', async () => {
    const identity = invoiceIdentityOf({ vendorName: 'Racing Parts BV', invoiceNumber: 'INV-7', totalGross: '10.00', currency: 'EUR' });
    const [a, b] = [await storedDocument(), await storedDocument()];
    const [seenByA, seenByB] = await Promise.all([
      register.registerAndFindCandidates(a, randomUUID(), identity, new Date()),
      register.registerAndFindCandidates(b, randomUUID(), identity, new Date()),
    ]);
    // Whichever committed second saw the first: together they found each other at least once.
    const found = [...findDuplicates(identity, seenByA, a), ...findDuplicates(identity, seenByB, b)].map((duplicate) => duplicate.documentId);
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(found.every((id) => id === a || id === b)).toBe(true);
  });

  it('records a confirmation once per run with its corrections, audited', async () => {
    const documentId = await storedDocument();
    const runId = randomUUID();
    const confirmation = {
      documentId, runId, confirmedBy: ['user:acc'], confirmedAt: new Date('2026-03-02T09:00:00Z'),
      values: { invoiceNumber: 'RE-1', totalGross: '100.00' },
      corrections: [{ field: 'totalGross', extracted: '10.00', corrected: '100.00' }],
    };
    expect(await register.confirm(confirmation, audit)).toBe(true);
    expect(await register.confirm(confirmation, audit)).toBe(false);
    expect(await register.corrections(documentId)).toEqual([{ field: 'totalGross', extracted: '10.00', corrected: '100.00' }]);
    const records = await dataSource.query(`SELECT action, actor, details FROM audit_records WHERE entity_id = $1`, [documentId]);
    expect(records).toEqual([{ action: 'invoice.confirmed', actor: 'user:acc', details: { confirmedBy: ['user:acc'], corrections: confirmation.corrections } }]);
  });
});
