import { randomUUID } from 'node:crypto';
import type { AuditEntry, AuditRecorder } from '@conveyor/audit';
import { ManualClock } from '@conveyor/kernel';
import { documentViewer } from './document-access';
import { DocumentIntakeService } from './document-intake.service';
import { DEFAULT_DOCUMENT_LIMITS } from './document-limits';
import { InMemoryDocumentRepository, InMemoryDocumentStore, RecordingEvents } from './in-memory-documents.fixture';
import { samplePdf, samplePng, sampleXml } from './sample-documents.fixture';

class RecordingAudit implements AuditRecorder {
  readonly entries: { entry: AuditEntry; transaction: unknown }[] = [];
  async record(entry: AuditEntry, transaction?: unknown) {
    this.entries.push({ entry, transaction });
  }
}

const file = (fileName: string, bytes: Buffer) => ({ fileName, read: async () => bytes });
const ALICE = { id: 'user:alice' };
const BOB = { id: 'user:bob' };

function setUp() {
  const documents = new InMemoryDocumentRepository();
  const store = new InMemoryDocumentStore();
  const events = new RecordingEvents();
  const audit = new RecordingAudit();
  const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
  const errors: unknown[] = [];
  const service = new DocumentIntakeService({
    documents, store, events, audit, clock, newId: randomUUID, limits: { ...DEFAULT_DOCUMENT_LIMITS, maxPages: 3, maxFilesPerUpload: 4 },
    onError: (error) => errors.push(error),
  });
  return { service, documents, store, events, audit, clock, errors };
}

describe('DocumentIntakeService', () => {
  it('stores each accepted file, announces it once with its facts, and records it in the audit trail', async () => {
    const { service, store, events, audit } = setUp();
    const [pdf, png] = await service.intake([file('invoice.pdf', samplePdf(2)), file('scan.png', samplePng())], ALICE);
    expect(pdf).toMatchObject({ duplicate: false, document: { status: 'stored', mediaType: 'application/pdf', pages: 2, uploadedBy: 'user:alice' } });
    expect(pdf.document.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(png.document).toMatchObject({ status: 'stored', mediaType: 'image/png', widthPx: 1, heightPx: 1 });
    expect(store.files.get(pdf.document.storageKey)).toEqual(samplePdf(2));
    expect(events.emitted).toEqual([
      {
        event: 'document.uploaded',
        payload: { documentId: pdf.document.id, sha256: pdf.document.sha256, mediaType: 'application/pdf', fileName: 'invoice.pdf', size: samplePdf(2).length, pages: 2, uploadedBy: 'user:alice' },
        actor: 'user:alice',
        key: pdf.document.id,
      },
      expect.objectContaining({ event: 'document.uploaded', payload: expect.objectContaining({ documentId: png.document.id, mediaType: 'image/png' }) }),
    ]);
    expect(audit.entries.map(({ entry, transaction }) => [entry.action, entry.entityId, transaction])).toEqual([
      ['document.uploaded', pdf.document.id, 'in-memory'],
      ['document.uploaded', png.document.id, 'in-memory'],
    ]);
  });

  it('recognises the same bytes uploaded again: the first document comes back as a duplicate and nothing is announced', async () => {
    const { service, documents, events, audit } = setUp();
    const [first] = await service.intake([file('a.xml', sampleXml('X-1'))], ALICE);
    const [again] = await service.intake([file('renamed.xml', sampleXml('X-1'))], BOB);
    expect(again).toMatchObject({ duplicate: true, fileName: 'renamed.xml', document: { id: first.document.id, status: 'stored' } });
    expect(events.emitted).toHaveLength(1);
    const record = [...documents.rows.values()].find((row) => row.status === 'duplicate');
    expect(record).toMatchObject({ duplicateOf: first.document.id, uploadedBy: 'user:bob', fileName: 'renamed.xml' });
    expect(audit.entries.map(({ entry }) => entry.action)).toEqual(['document.uploaded', 'document.duplicate']);
    // Different bytes are a different document.
    const [other] = await service.intake([file('a.xml', sampleXml('X-2'))], ALICE);
    expect(other.duplicate).toBe(false);
  });

  it('keeps refused files with their reason, never announces them, and judges them again when sent again', async () => {
    const { service, store, events, audit } = setUp();
    const text = Buffer.from('just some text, named like a PDF');
    const results = await service.intake(
      [file('invoice.pdf', text), file('empty.pdf', Buffer.alloc(0)), file('cut.pdf', samplePdf(1).subarray(0, 100)), file('long.pdf', samplePdf(4))],
      ALICE,
    );
    expect(results.map((result) => [result.document.status, result.document.errorCode])).toEqual([
      ['rejected', 'DOCUMENT_TYPE_UNSUPPORTED'],
      ['rejected', 'DOCUMENT_EMPTY'],
      ['rejected', 'DOCUMENT_TRUNCATED'],
      ['rejected', 'DOCUMENT_TOO_MANY_PAGES'],
    ]);
    expect(results[3].document).toMatchObject({ mediaType: 'application/pdf', pages: 4, errorMessage: 'The PDF has 4 pages; at most 3 are accepted' });
    for (const result of results) expect(await store.exists(result.document.storageKey)).toBe(true);
    expect(store.files.get(results[0].document.storageKey)).toEqual(text);
    expect(events.emitted).toEqual([]);
    expect(audit.entries.map(({ entry }) => [entry.action, entry.details?.['code']])).toEqual([
      ['document.rejected', 'DOCUMENT_TYPE_UNSUPPORTED'],
      ['document.rejected', 'DOCUMENT_EMPTY'],
      ['document.rejected', 'DOCUMENT_TRUNCATED'],
      ['document.rejected', 'DOCUMENT_TOO_MANY_PAGES'],
    ]);
    const [again] = await service.intake([file('invoice.pdf', text)], ALICE);
    expect(again).toMatchObject({ duplicate: false, document: { status: 'rejected' } });
    expect(again.document.id).not.toBe(results[0].document.id);
  });

  it('leaves a document received when announcing fails, and announces it when the same bytes come again', async () => {
    const { service, events, errors } = setUp();
    events.failNext = true;
    const [first] = await service.intake([file('a.png', samplePng(2, 2))], ALICE);
    expect(first.document.status).toBe('received');
    expect(errors).toHaveLength(1);
    const [again] = await service.intake([file('a.png', samplePng(2, 2))], ALICE);
    expect(again).toMatchObject({ duplicate: true, document: { id: first.document.id, status: 'stored' } });
    expect(events.emitted.map((emitted) => emitted.key)).toEqual([first.document.id]);
  });

  it('refuses an upload without files, or with more than the limit, before reading any', async () => {
    const { service } = setUp();
    await expect(service.intake([], ALICE)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const five = Array.from({ length: 5 }, (_, index) => file(`${index}.xml`, sampleXml(String(index))));
    await expect(service.intake(five, ALICE)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { maxFiles: 4 } });
  });

  it('keeps only the base name of what the uploader called the file', async () => {
    const { service } = setUp();
    const [result] = await service.intake([file('C:\\scans\\..\\inv\u0007oice.xml', sampleXml())], ALICE);
    expect(result.document.fileName).toBe('invoice.xml');
  });

  it('shows an uploader only what they uploaded (or uploaded again); other roles see everything', async () => {
    const { service, clock } = setUp();
    const [alices] = await service.intake([file('a.xml', sampleXml('A'))], ALICE);
    clock.advance(1000);
    const [bobs] = await service.intake([file('b.xml', sampleXml('B'))], BOB);
    const bob = documentViewer('user:bob', ['uploader']);
    await expect(service.get(bob, alices.document.id)).rejects.toMatchObject({ code: 'DOCUMENT_NOT_FOUND' });
    expect((await service.list(bob, {})).items.map((item) => item.id)).toEqual([bobs.document.id]);
    clock.advance(1000);
    await service.intake([file('copy.xml', sampleXml('A'))], BOB);
    expect((await service.get(bob, alices.document.id)).id).toBe(alices.document.id);
    const accountant = documentViewer('user:carol', ['accountant']);
    expect((await service.list(accountant, { status: ['stored'] })).items.map((item) => item.id)).toEqual([bobs.document.id, alices.document.id]);
  });

  it('pages through the list newest first with an opaque cursor or an offset, with the total', async () => {
    const { service, clock } = setUp();
    const ids: string[] = [];
    for (let index = 0; index < 3; index++) {
      ids.unshift((await service.intake([file(`${index}.xml`, sampleXml(String(index)))], ALICE))[0].document.id);
      clock.advance(1000);
    }
    const admin = documentViewer('user:root', ['admin']);
    const first = await service.list(admin, { limit: 2 });
    expect(first.items.map((item) => item.id)).toEqual(ids.slice(0, 2));
    const second = await service.list(admin, { limit: 2, cursor: first.nextCursor });
    // The total counts every match, whichever page this is.
    expect(second).toEqual({ items: [expect.objectContaining({ id: ids[2] })], total: 3, limit: 2, offset: 0 });
    expect(await service.list(admin, { limit: 2, offset: 2 })).toEqual({ items: [expect.objectContaining({ id: ids[2] })], total: 3, limit: 2, offset: 2 });
    await expect(service.list(admin, { cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'CURSOR_INVALID' });
    // A cursor is a position in the newest-first order: meaningless in another order or after an offset.
    await expect(service.list(admin, { cursor: first.nextCursor, sort: 'totalGross' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(service.list(admin, { cursor: first.nextCursor, offset: 2 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
