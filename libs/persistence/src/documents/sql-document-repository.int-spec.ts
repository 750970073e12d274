import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import type { DataSource } from 'typeorm';
import { DocumentIntakeService, LocalDiskDocumentStore, documentViewer, DEFAULT_DOCUMENT_LIMITS, type DocumentRecord } from '@conveyor/documents';
import { ManualClock } from '@conveyor/kernel';
import { AuditStore, SqlDocumentRepository } from '@conveyor/persistence';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '@conveyor/testing';

jest.setTimeout(60_000);

const SHA_A = 'a'.repeat(64);

function document(overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id: randomUUID(), sha256: SHA_A, fileName: 'invoice.pdf', mediaType: 'application/pdf', sizeBytes: 1234, pages: 2, widthPx: null, heightPx: null,
    status: 'received', errorCode: null, errorMessage: null, storageKey: `aa/${SHA_A}`, duplicateOf: null, uploadedBy: 'user:ada',
    uploadedAt: new Date('2026-03-01T10:00:00.123Z'), announcedAt: null, ...overrides,
  };
}

describe.each(DATABASE_KINDS)('SqlDocumentRepository (%s)', (kind) => {
  let test: TestDatabase;
  let dataSource: DataSource;
  let repository: SqlDocumentRepository;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    dataSource = test.database.dataSource;
    repository = new SqlDocumentRepository(dataSource);
  });
  afterAll(async () => {
    await test?.drop();
  });
  beforeEach(async () => {
    await dataSource.query('DELETE FROM documents WHERE duplicate_of IS NOT NULL');
    await dataSource.query('DELETE FROM documents');
  });

  it('stores a document and reads it back field for field', async () => {
    const stored = document({ sizeBytes: 3_000_000_000 });
    expect(await repository.transaction((tx) => tx.insert(stored))).toBe(true);
    expect(await repository.find(stored.id)).toEqual(stored);
    expect(await repository.findAccepted(SHA_A)).toEqual(stored);
    expect(await repository.find('not-a-uuid')).toBeUndefined();
  });

  it('lets only one accepted document have a SHA-256; rejected and duplicate rows may share it', async () => {
    const first = document();
    expect(await repository.transaction((tx) => tx.insert(first))).toBe(true);
    expect(await repository.transaction((tx) => tx.insert(document({ status: 'stored' })))).toBe(false);
    const rejected = document({ status: 'rejected', errorCode: 'DOCUMENT_CORRUPT', errorMessage: 'damaged' });
    expect(await repository.transaction((tx) => tx.insert(rejected))).toBe(true);
    expect(await repository.transaction((tx) => tx.insert(document({ status: 'duplicate', duplicateOf: first.id, uploadedBy: 'user:bob' })))).toBe(true);
    expect((await repository.findAccepted(SHA_A))?.id).toBe(first.id);
    // Two uploads of new bytes at the same moment: exactly one wins.
    const racing = await Promise.all([1, 2, 3].map(() => repository.transaction((tx) => tx.insert(document({ sha256: 'b'.repeat(64) })))));
    expect(racing.filter(Boolean)).toHaveLength(1);
  });

  it('refuses rows that break the status rules (a rejected row without its reason)', async () => {
    await expect(repository.transaction((tx) => tx.insert(document({ status: 'rejected' })))).rejects.toThrow();
  });

  it('marks a received document stored once', async () => {
    const received = document();
    await repository.transaction((tx) => tx.insert(received));
    const at = new Date('2026-03-01T10:00:05Z');
    await repository.transaction((tx) => tx.markStored(received.id, at));
    await repository.transaction((tx) => tx.markStored(received.id, new Date('2027-01-01T00:00:00Z')));
    expect(await repository.find(received.id)).toMatchObject({ status: 'stored', announcedAt: at });
  });

  it('lists newest first with filters, uploader visibility (including re-uploads) and keyset paging', async () => {
    const at = (seconds: number) => new Date(Date.UTC(2026, 2, 1, 10, 0, seconds));
    const ada1 = document({ sha256: '1'.repeat(64), uploadedAt: at(1), status: 'stored' });
    const bob1 = document({ sha256: '2'.repeat(64), uploadedAt: at(2), status: 'stored', uploadedBy: 'user:bob' });
    const ada2 = document({ sha256: '3'.repeat(64), uploadedAt: at(3), status: 'rejected', errorCode: 'DOCUMENT_EMPTY', errorMessage: 'empty' });
    const bobAgain = document({ sha256: ada1.sha256, uploadedAt: at(4), status: 'duplicate', duplicateOf: ada1.id, uploadedBy: 'user:bob' });
    for (const row of [ada1, bob1, ada2, bobAgain]) await repository.transaction((tx) => tx.insert(row));
    const ids = async (query: Omit<Parameters<SqlDocumentRepository['list']>[0], 'sort'>) => (await repository.list({ sort: '-uploadedAt', ...query })).map((row) => row.id);
    expect(await ids({ limit: 10 })).toEqual([bobAgain.id, ada2.id, bob1.id, ada1.id]);
    expect(await ids({ limit: 10, status: ['stored', 'rejected'] })).toEqual([ada2.id, bob1.id, ada1.id]);
    expect(await ids({ limit: 10, uploadedBy: 'user:ada' })).toEqual([ada2.id, ada1.id]);
    expect(await ids({ limit: 10, visibleTo: 'user:bob' })).toEqual([bobAgain.id, bob1.id, ada1.id]);
    expect(await ids({ limit: 1 })).toEqual([bobAgain.id, ada2.id]);
    expect(await ids({ limit: 10, before: { uploadedAt: at(3), id: ada2.id } })).toEqual([bob1.id, ada1.id]);
    expect(await repository.isUploadedBy(ada1.id, 'user:bob')).toBe(true);
    expect(await repository.isUploadedBy(ada2.id, 'user:bob')).toBe(false);
  });

  it('runs intake end to end on the local disk store, with the audit record in the same transaction', async () => {
    const root = await mkdtemp(join(tmpdir(), 'conveyor-documents-'));
    try {
      const store = new LocalDiskDocumentStore(root);
      const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
      const emitted: string[] = [];
      const service = new DocumentIntakeService({
        documents: repository, store, audit: new AuditStore(dataSource, clock), clock, newId: randomUUID, limits: DEFAULT_DOCUMENT_LIMITS,
        events: { emit: async (_event, payload) => (emitted.push(String(payload['documentId'])), []) },
      });
      const xml = Buffer.from('<?xml version="1.0"?><Invoice><ID>7</ID></Invoice>');
      const [first, second] = await service.intake([{ fileName: 'a.xml', read: async () => xml }, { fileName: 'b.xml', read: async () => xml }], { id: 'user:ada' });
      expect(first).toMatchObject({ duplicate: false, document: { status: 'stored' } });
      expect(second).toMatchObject({ duplicate: true, document: { id: first.document.id } });
      expect(emitted).toEqual([first.document.id]);
      const admin = documentViewer('user:root', ['admin']);
      expect(await text((await service.openContent(admin, first.document.id)).content)).toBe(xml.toString());
      const actions = await dataSource.query(`SELECT action FROM audit_records WHERE entity_type = 'document' ORDER BY seq`);
      expect(actions.map((row: { action: string }) => row.action)).toEqual(['document.uploaded', 'document.duplicate']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('LocalDiskDocumentStore', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'conveyor-store-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('keeps the bytes content-addressed under <prefix>/<sha256>, once, with no temporary file left', async () => {
    const store = new LocalDiskDocumentStore(root);
    const sha = 'ab'.padEnd(64, 'c');
    expect(await store.put(sha, Buffer.from('first'))).toBe(`ab/${sha}`);
    expect(await store.put(sha, Buffer.from('first'))).toBe(`ab/${sha}`);
    expect(await readdir(join(root, 'ab'))).toEqual([sha]);
    expect(await text(await store.open(`ab/${sha}`))).toBe('first');
  });

  it('refuses keys that are not its own (no path traversal) and reports missing content', async () => {
    const store = new LocalDiskDocumentStore(root);
    await expect(store.put('../../etc/passwd', Buffer.from('x'))).rejects.toMatchObject({ code: 'DOCUMENT_KEY_INVALID' });
    await expect(store.open(`../${'a'.repeat(64)}`)).rejects.toMatchObject({ code: 'DOCUMENT_KEY_INVALID' });
    await expect(store.open(`aa/${'a'.repeat(64)}`)).rejects.toMatchObject({ code: 'DOCUMENT_CONTENT_NOT_FOUND' });
  });
});
