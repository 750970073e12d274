import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { invoiceFieldsOf, type DocumentListQuery, type DocumentRecord } from '@conveyor/documents';
import { ManualClock } from '@conveyor/kernel';
import { AuditStore, SqlDocumentRepository, SqlInvoiceRegister } from '@conveyor/persistence';
import { DocumentInvoiceFields1795434720000 } from '../migrations/1795434720000-document-invoice-fields';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '@conveyor/testing';

jest.setTimeout(60_000);

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute, 0));

/**
 * The document list's search over document_invoice_fields, on both databases: every filter, the confirmed
 * values winning over the extracted ones, exact decimal amounts, sorting with missing fields last, offset
 * paging with the total, and uploader visibility still applied.
 */
describe.each(DATABASE_KINDS)('document search (%s)', (kind) => {
  let test: TestDatabase;
  let dataSource: DataSource;
  let repository: SqlDocumentRepository;
  let register: SqlInvoiceRegister;
  let audit: AuditStore;
  const names: Record<string, string> = {};

  async function add(name: string, minute: number, values: Record<string, string | null> | null, overrides: Partial<DocumentRecord> = {}): Promise<string> {
    const id = randomUUID();
    const sha = randomUUID().replace(/-/g, '').padEnd(64, '0');
    await repository.transaction((tx) => tx.insert({
      id, sha256: sha, fileName: `${name}.pdf`, mediaType: 'application/pdf', sizeBytes: 10, pages: 1, widthPx: null, heightPx: null,
      status: 'stored', errorCode: null, errorMessage: null, storageKey: `${sha.slice(0, 2)}/${sha}`, duplicateOf: null, uploadedBy: 'user:ada',
      uploadedAt: at(minute), announcedAt: null, ...overrides,
    }));
    if (values) await register.recordExtracted(id, invoiceFieldsOf(values), at(minute));
    names[id] = name;
    return id;
  }

  const found = async (query: Partial<DocumentListQuery>) =>
    (await repository.list({ sort: '-uploadedAt', limit: 50, ...query })).map((row) => names[row.id]);
  const counted = (query: Partial<DocumentListQuery>) => repository.count({ sort: '-uploadedAt', limit: 50, ...query });

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    dataSource = test.database.dataSource;
    repository = new SqlDocumentRepository(dataSource);
    register = new SqlInvoiceRegister(dataSource);
    audit = new AuditStore(dataSource, new ManualClock(at(59)));

    const muller = await add('muller', 1, { vendorName: 'Müller Bürobedarf GmbH', invoiceNumber: 'RE-2026-0042', issueDate: '2026-02-27', totalGross: '1190.50', currency: 'EUR' });
    await add('acme', 2, { vendorName: 'Acme Corp', invoiceNumber: 'INV-7', issueDate: '2026-01-15', totalGross: '0.30', currency: 'USD' });
    await add('huge', 3, { vendorName: 'Big Iron Ltd', invoiceNumber: 'BI-1', issueDate: '2026-03-01', totalGross: '1000000000000000.01', currency: 'EUR' });
    await add('round', 4, { vendorName: 'Big Iron Ltd', invoiceNumber: 'BI-2', issueDate: '2026-03-02', totalGross: '1000000000000000.00', currency: 'EUR' });
    await add('unread', 5, null);
    await add('rejected', 6, null, { status: 'rejected', errorCode: 'DOCUMENT_EMPTY', errorMessage: 'empty' });
    // Read badly: a total of "12,50" and the 30th of February are not searchable, the rest is.
    await add('sloppy', 7, { vendorName: 'Sloppy Scans', invoiceNumber: 'S-1', issueDate: '2026-02-30', totalGross: '12,50', currency: 'eur' });
    // The same bytes uploaded again by bob: the duplicate row has the fields of the document it repeats.
    await add('again', 8, null, { status: 'duplicate', duplicateOf: muller, uploadedBy: 'user:bob' });

    // An accountant corrected Acme's vendor and total; the extractor reading it again changes nothing.
    const acme = Object.keys(names).find((id) => names[id] === 'acme')!;
    await register.confirm({
      documentId: acme, runId: randomUUID(), confirmedBy: ['user:acc'], confirmedAt: at(30),
      values: { vendorName: 'Acme Trading GmbH', invoiceNumber: 'INV-7', issueDate: '2026-01-15', totalGross: '0.35', currency: 'USD' },
      corrections: [{ field: 'totalGross', extracted: '0.30', corrected: '0.35' }, { field: 'vendorName', extracted: 'Acme Corp', corrected: 'Acme Trading GmbH' }],
    }, audit);
    await register.recordExtracted(acme, invoiceFieldsOf({ vendorName: 'Acme Corp', totalGross: '0.30' }), at(31));
  });
  afterAll(async () => {
    await test?.drop();
  });

  it('finds by vendor as a case-insensitive substring, the confirmed name replacing the extracted one', async () => {
    expect(await found({ vendor: 'MÜLLER' })).toEqual(['again', 'muller']);
    expect(await found({ vendor: 'bürobedarf gmbh' })).toEqual(['again', 'muller']);
    expect(await found({ vendor: 'trading' })).toEqual(['acme']);
    expect(await found({ vendor: 'Acme Corp' })).toEqual([]);
    expect(await found({ vendor: '%' })).toEqual([]);
    expect(await found({ vendor: 'iron', status: ['stored'] })).toEqual(['round', 'huge']);
  });

  it('finds by invoice number (substring, any case), and by q in the file name, vendor or number', async () => {
    expect(await found({ invoiceNumber: '0042' })).toEqual(['again', 'muller']);
    expect(await found({ invoiceNumber: 'bi-' })).toEqual(['round', 'huge']);
    expect(await found({ q: 'unread' })).toEqual(['unread']);
    expect(await found({ q: 'sloppy' })).toEqual(['sloppy']);
    expect(await found({ q: 'inv-7' })).toEqual(['acme']);
  });

  it('compares amounts as exact decimals, the confirmed total included', async () => {
    // As floats both of these totals are 1e15: only exact decimals keep them apart.
    expect(await found({ amountMin: '1000000000000000.01' })).toEqual(['huge']);
    expect(await found({ amountMax: '1000000000000000.00', amountMin: '1000' })).toEqual(['again', 'round', 'muller']);
    expect(await found({ amountMin: '0.35', amountMax: '0.35' })).toEqual(['acme']);
    expect(await found({ amountMax: '0.30' })).toEqual([]);
    expect(await found({ amountMin: '1190.5', amountMax: '1190.500', currency: 'EUR' })).toEqual(['again', 'muller']);
  });

  it('filters on issue dates (both ends included) and upload instants (the end excluded)', async () => {
    expect(await found({ issueDateFrom: '2026-02-27', issueDateTo: '2026-03-01' })).toEqual(['again', 'huge', 'muller']);
    expect(await found({ issueDateTo: '2026-01-15' })).toEqual(['acme']);
    expect(await found({ uploadedFrom: at(2), uploadedBefore: at(4) })).toEqual(['huge', 'acme']);
    // The sloppy document's date did not exist and its total had a comma: it lists, but no range finds it.
    expect(await found({ issueDateFrom: '2026-02-01', issueDateTo: '2026-02-28', q: 'sloppy' })).toEqual([]);
    expect((await repository.list({ sort: '-uploadedAt', limit: 5, q: 'sloppy' }))[0]?.invoice).toEqual({
      vendorName: 'Sloppy Scans', invoiceNumber: 'S-1', issueDate: null, totalGross: null, currency: null, confirmed: false,
    });
  });

  it('lists each document with its invoice fields, amounts as exact strings', async () => {
    const rows = await repository.list({ sort: '-uploadedAt', limit: 50 });
    const byName = Object.fromEntries(rows.map((row) => [names[row.id], row.invoice]));
    expect(byName['acme']).toEqual({ vendorName: 'Acme Trading GmbH', invoiceNumber: 'INV-7', issueDate: '2026-01-15', totalGross: '0.35', currency: 'USD', confirmed: true });
    expect(byName['huge']).toMatchObject({ totalGross: '1000000000000000.01' });
    expect(byName['round']).toMatchObject({ totalGross: '1000000000000000.00' });
    expect(byName['again']).toMatchObject({ vendorName: 'Müller Bürobedarf GmbH', totalGross: '1190.50' });
    expect(byName['unread']).toBeNull();
  });

  it('sorts by an invoice field with documents lacking it last, either way', async () => {
    expect(await found({ sort: 'totalGross', status: ['stored'] })).toEqual(['acme', 'muller', 'round', 'huge', 'sloppy', 'unread']);
    expect(await found({ sort: '-totalGross', status: ['stored'] })).toEqual(['huge', 'round', 'muller', 'acme', 'sloppy', 'unread']);
    expect(await found({ sort: 'vendor', status: ['stored'] })).toEqual(['acme', 'round', 'huge', 'muller', 'sloppy', 'unread']);
    expect(await found({ sort: 'issueDate', status: ['stored'] })).toEqual(['acme', 'muller', 'huge', 'round', 'sloppy', 'unread']);
    expect(await found({ sort: 'uploadedAt', limit: 3 })).toEqual(['muller', 'acme', 'huge', 'round']);
  });

  it('pages with an offset and counts every match, whatever the page', async () => {
    expect(await counted({})).toBe(8);
    expect(await counted({ vendor: 'iron' })).toBe(2);
    expect(await counted({ status: ['stored'], amountMin: '1' })).toBe(3);
    expect(await found({ limit: 3 })).toEqual(['again', 'sloppy', 'rejected', 'unread']);
    expect(await found({ limit: 3, offset: 3 })).toEqual(['unread', 'round', 'huge', 'acme']);
    expect(await found({ limit: 3, offset: 6 })).toEqual(['acme', 'muller']);
    expect(await counted({ limit: 3, offset: 6, before: { uploadedAt: at(2), id: randomUUID() } })).toBe(8);
  });

  it('still shows an uploader only their own documents and those whose bytes they sent again', async () => {
    expect(await found({ visibleTo: 'user:bob' })).toEqual(['again', 'muller']);
    expect(await found({ visibleTo: 'user:bob', vendor: 'acme' })).toEqual([]);
    expect(await counted({ visibleTo: 'user:bob', vendor: 'müller' })).toBe(2);
  });

  // Last: it rebuilds the table the other tests read.
  it('fills the table for documents read before it existed: extract outputs, then the latest confirmation', async () => {
    const unread = Object.keys(names).find((id) => names[id] === 'unread')!;
    const runId = randomUUID();
    await dataSource.query(
      `INSERT INTO runs (id, workflow_id, revision, status, inputs, trigger, created_at, updated_at) VALUES ($1, 'invoice-intake', 1, 'succeeded', '{}', '{}', $2, $2)`,
      [runId, at(40)],
    );
    const step = (stepId: string, outputs: unknown) => dataSource.query(
      `INSERT INTO step_executions (id, run_id, step_id, attempt, status, input, outputs, available_at, queued_at, finished_at) VALUES ($1, $2, $3, 1, 'succeeded', $4, $5, $6, $6, $6)`,
      [randomUUID(), runId, stepId, JSON.stringify({ documentId: unread }), JSON.stringify(outputs), at(41)],
    );
    await step('extract', { kind: 'invoice', values: { vendorName: 'Late Reader AG', invoiceNumber: 'L-1', issueDate: '2026-02-30', totalGross: '9.99' }, fields: {}, needsReview: false });
    // Another step's outputs that merely name the document are no extraction.
    await step('log', { values: { vendorName: 'Not A Vendor' } });

    await dataSource.query(`DROP TABLE document_invoice_fields`);
    const runner = dataSource.createQueryRunner();
    try {
      await new DocumentInvoiceFields1795434720000().up(runner);
    } finally {
      await runner.release();
    }
    const invoice = async (name: string) => (await repository.list({ sort: '-uploadedAt', limit: 50 })).find((row) => names[row.id] === name)?.invoice;
    expect(await invoice('unread')).toEqual({ vendorName: 'Late Reader AG', invoiceNumber: 'L-1', issueDate: null, totalGross: '9.99', currency: null, confirmed: false });
    expect(await invoice('acme')).toEqual({ vendorName: 'Acme Trading GmbH', invoiceNumber: 'INV-7', issueDate: '2026-01-15', totalGross: '0.35', currency: 'USD', confirmed: true });
    // Documents read before and never confirmed had their extraction only inside runs this test did not make.
    expect(await invoice('muller')).toBeNull();
  });
});
