import Decimal from 'decimal.js';
import request from 'supertest';
import { startApiTestApp, type ApiTestApp } from '../api/api-test-app';
import { signedInUsers } from '../api/signed-in-users';

jest.setTimeout(180_000);

/** Intake that only reads: every uploaded document is extracted, which records its invoice fields. */
const READ_ONLY_INTAKE = `id: document-search-e2e
inputs:
  documentId: { type: string, required: true }
triggers:
  - id: uploaded
    type: event
    event: document.uploaded
    inputs:
      documentId: \${{ event.documentId }}
steps:
  - id: extract
    type: extract
    with: { documentId: "\${{ inputs.documentId }}" }
`;

interface Invoice {
  vendor: string;
  number: string;
  issued: string;
  gross: string;
  currency: string;
}

/** A small UBL invoice: one line, no VAT, so its totals agree. */
function ublInvoice(invoice: Invoice): Buffer {
  const amount = (value: string) => `<cbc:${value} currencyID="${invoice.currency}">`;
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>${invoice.number}</cbc:ID>
  <cbc:IssueDate>${invoice.issued}</cbc:IssueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:DocumentCurrencyCode>${invoice.currency}</cbc:DocumentCurrencyCode>
  <cac:AccountingSupplierParty><cac:Party>
    <cac:PartyName><cbc:Name>${invoice.vendor}</cbc:Name></cac:PartyName>
    <cac:PartyLegalEntity><cbc:RegistrationName>${invoice.vendor}</cbc:RegistrationName></cac:PartyLegalEntity>
  </cac:Party></cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>Conveyor Test Buyer</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>
  <cac:TaxTotal>${amount('TaxAmount')}0.00</cbc:TaxAmount></cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    ${amount('LineExtensionAmount')}${invoice.gross}</cbc:LineExtensionAmount>
    ${amount('TaxExclusiveAmount')}${invoice.gross}</cbc:TaxExclusiveAmount>
    ${amount('TaxInclusiveAmount')}${invoice.gross}</cbc:TaxInclusiveAmount>
    ${amount('PayableAmount')}${invoice.gross}</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
  <cac:InvoiceLine>
    <cbc:ID>1</cbc:ID>
    <cbc:InvoicedQuantity unitCode="C62">1</cbc:InvoicedQuantity>
    ${amount('LineExtensionAmount')}${invoice.gross}</cbc:LineExtensionAmount>
    <cac:Item><cbc:Name>Goods</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>Z</cbc:ID><cbc:Percent>0</cbc:Percent></cac:ClassifiedTaxCategory></cac:Item>
    <cac:Price>${amount('PriceAmount')}${invoice.gross}</cbc:PriceAmount></cac:Price>
  </cac:InvoiceLine>
</Invoice>
`, 'utf8');
}

const INVOICES: Invoice[] = [
  ...[1, 2, 3, 4, 5].map((n) => ({ vendor: 'Schmidt IT-Service GmbH', number: `SCH-2026-00${n}`, issued: `2026-01-0${n}`, gross: `${n}00.00`, currency: 'EUR' })),
  ...[1, 2, 3, 4].map((n) => ({ vendor: 'Müller Bürobedarf GmbH', number: `RE-${n}042`, issued: `2026-02-1${n}`, gross: `1190.5${n}`, currency: 'EUR' })),
  { vendor: 'Acme Trading Ltd', number: 'INV-100.09', issued: '2026-03-01', gross: '100.09', currency: 'USD' },
  { vendor: 'Acme Trading Ltd', number: 'INV-100.10', issued: '2026-03-02', gross: '100.10', currency: 'USD' },
  { vendor: 'Acme Trading Ltd', number: 'INV-100.11', issued: '2026-03-03', gross: '100.11', currency: 'USD' },
];

/**
 * GET /api/documents searches what extraction read, through the real API, worker and database: each filter,
 * sorting, paging past one page with the total, validation at the edge, and uploaders still seeing only theirs.
 */
describe('searching documents through the API', () => {
  let api: ApiTestApp;
  const people = signedInUsers(() => api);
  const ids = new Map<string, string>();
  const search = (query: Record<string, string | string[] | number>, who = 'clerk') =>
    request(api.server).get('/api/documents').query(query).set(people.as(who));
  const numbers = (body: { items: { invoice?: { invoiceNumber: string } }[] }) => body.items.map((item) => item.invoice?.invoiceNumber ?? null);

  beforeAll(async () => {
    api = await startApiTestApp({ PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_TIME_COST: '1' });
    await people.add('uploader', ['uploader']);
    await people.add('stranger', ['uploader']);
    await people.add('clerk', ['accountant']);
    const published = await api.platform.workflows.publish(READ_ONLY_INTAKE, { id: 'test' });
    expect(published.ok ? [] : published.problems).toEqual([]);
    // One at a time: the upload order is the newest-first order the tests expect.
    for (const invoice of INVOICES) {
      const uploaded = await request(api.server).post('/api/documents').set(people.as('uploader'))
        .attach('files', ublInvoice(invoice), `${invoice.number}.xml`).expect(201);
      ids.set(invoice.number, uploaded.body.items[0].id);
    }
    await request(api.server).post('/api/documents').set(people.as('uploader')).attach('files', Buffer.from('not an invoice'), 'notes.pdf').expect(201);
    const deadline = Date.now() + 120_000;
    for (;;) {
      const runs = (await api.platform.runs.list({ workflowId: 'document-search-e2e', limit: 100 })).items;
      if (runs.length === INVOICES.length && runs.every((run) => run.status === 'succeeded')) break;
      if (runs.some((run) => run.status === 'failed') || Date.now() > deadline) throw new Error(`extraction did not finish: ${JSON.stringify(runs.map((run) => run.status))}`);
      await new Promise((done) => setTimeout(done, 200));
    }
  });
  afterAll(async () => {
    await api?.close();
  });

  it('lists every document with the invoice fields read from it, newest first', async () => {
    const all = (await search({ limit: 200 }).expect(200)).body;
    expect(all.total).toBe(INVOICES.length + 1);
    expect(all.items[0]).toMatchObject({ fileName: 'notes.pdf', status: 'rejected' });
    expect(all.items[0].invoice).toBeUndefined();
    expect(all.items[1].invoice).toEqual({ vendorName: 'Acme Trading Ltd', invoiceNumber: 'INV-100.11', issueDate: '2026-03-03', totalGross: '100.11', currency: 'USD', confirmed: false });
  });

  it('filters by vendor, any case, as a substring', async () => {
    const muller = (await search({ vendor: 'MÜLLER bürobedarf' }).expect(200)).body;
    expect(muller.total).toBe(4);
    expect(numbers(muller)).toEqual(['RE-4042', 'RE-3042', 'RE-2042', 'RE-1042']);
    expect((await search({ vendor: 'it-service' }).expect(200)).body.total).toBe(5);
    expect((await search({ vendor: 'nobody' }).expect(200)).body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
  });

  it('filters by invoice number as a substring, by status, and by q over file name, vendor and number', async () => {
    expect(numbers((await search({ invoiceNumber: 'sch-2026-003' }).expect(200)).body)).toEqual(['SCH-2026-003']);
    expect(numbers((await search({ invoiceNumber: '042', sort: 'invoiceNumber' }).expect(200)).body)).toEqual(['RE-1042', 'RE-2042', 'RE-3042', 'RE-4042']);
    expect((await search({ status: 'rejected' }).expect(200)).body.items.map((item: any) => item.fileName)).toEqual(['notes.pdf']);
    expect((await search({ status: ['rejected', 'stored'], vendor: 'acme' }).expect(200)).body.total).toBe(3);
    expect((await search({ status: 'rejected', vendor: 'acme' }).expect(200)).body.total).toBe(0);
    expect((await search({ q: 'notes' }).expect(200)).body.items.map((item: any) => item.fileName)).toEqual(['notes.pdf']);
    expect((await search({ q: 'acme' }).expect(200)).body.total).toBe(3);
  });

  it('filters by total gross as exact decimals, both ends included, and by currency', async () => {
    expect(numbers((await search({ amountMin: '100.10', amountMax: '100.1' }).expect(200)).body)).toEqual(['INV-100.10']);
    expect(numbers((await search({ amountMin: '100.095', amountMax: '100.105' }).expect(200)).body)).toEqual(['INV-100.10']);
    expect(numbers((await search({ amountMin: '1190.52', amountMax: '1190.53', sort: 'totalGross' }).expect(200)).body)).toEqual(['RE-2042', 'RE-3042']);
    expect((await search({ amountMax: '100.11', currency: 'EUR' }).expect(200)).body.total).toBe(1);
    expect((await search({ currency: 'USD' }).expect(200)).body.total).toBe(3);
  });

  it('filters by issue date (both ends included) and by upload date', async () => {
    expect(numbers((await search({ issueDateFrom: '2026-01-04', issueDateTo: '2026-02-11', sort: 'issueDate' }).expect(200)).body))
      .toEqual(['SCH-2026-004', 'SCH-2026-005', 'RE-1042']);
    const today = new Date().toISOString().slice(0, 10);
    expect((await search({ uploadedFrom: today, uploadedTo: today }).expect(200)).body.total).toBe(INVOICES.length + 1);
    expect((await search({ uploadedTo: '2026-01-01' }).expect(200)).body.total).toBe(0);
    expect((await search({ uploadedFrom: new Date(Date.now() + 60_000).toISOString() }).expect(200)).body.total).toBe(0);
  });

  it('sorts by amount either way, documents without one last', async () => {
    const ascending = (await search({ sort: 'totalGross', limit: 200 }).expect(200)).body.items;
    const amounts = ascending.map((item: any) => item.invoice?.totalGross ?? null);
    expect(amounts.at(-1)).toBeNull();
    const read = amounts.slice(0, -1) as string[];
    expect(read).toEqual([...read].sort((a, b) => new Decimal(a).comparedTo(b)));
    const descending = (await search({ sort: '-totalGross', limit: 3 }).expect(200)).body;
    expect(numbers(descending)).toEqual(['RE-4042', 'RE-3042', 'RE-2042']);
  });

  it('pages through more documents than one page holds, with the total on every page', async () => {
    const seen: string[] = [];
    for (const offset of [0, 5, 10]) {
      const page = (await search({ limit: 5, offset }).expect(200)).body;
      expect(page).toMatchObject({ total: 13, limit: 5, offset });
      seen.push(...page.items.map((item: any) => item.id));
    }
    expect(seen).toHaveLength(13);
    expect(new Set(seen).size).toBe(13);
    expect((await search({ limit: 5, offset: 15 }).expect(200)).body).toMatchObject({ items: [], total: 13 });
    // A search spans pages too: page 2 of Schmidt's five invoices, two to a page.
    const second = (await search({ vendor: 'schmidt', limit: 2, offset: 2 }).expect(200)).body;
    expect(second.total).toBe(5);
    expect(numbers(second)).toEqual(['SCH-2026-003', 'SCH-2026-002']);
    // The newest-first order can also be paged by cursor.
    const first = (await search({ vendor: 'schmidt', limit: 3 }).expect(200)).body;
    const next = (await search({ vendor: 'schmidt', limit: 3, cursor: first.nextCursor }).expect(200)).body;
    expect([...numbers(first), ...numbers(next)]).toEqual(['SCH-2026-005', 'SCH-2026-004', 'SCH-2026-003', 'SCH-2026-002', 'SCH-2026-001']);
    expect(next.nextCursor).toBeUndefined();
  });

  it('refuses malformed filters with 400 and says which one', async () => {
    const refused = async (query: Record<string, string | number>, parameter: string) => {
      const response = await search(query).expect(400);
      expect(response.body.error.code).toBe('BAD_REQUEST');
      expect(response.body.error.message).toContain(parameter);
    };
    await refused({ amountMin: 'abc' }, 'amountMin');
    await refused({ amountMax: '1e3' }, 'amountMax');
    await refused({ amountMax: '12,50' }, 'amountMax');
    await refused({ issueDateFrom: '2026-13-01' }, 'issueDateFrom');
    await refused({ issueDateTo: '2026-02-30' }, 'issueDateTo');
    await refused({ uploadedFrom: 'yesterday' }, 'uploadedFrom');
    await refused({ amountMin: '10', amountMax: '9.99' }, 'amountMin');
    await refused({ issueDateFrom: '2026-02-02', issueDateTo: '2026-02-01' }, 'issueDateFrom');
    await refused({ limit: 0 }, 'limit');
    await refused({ offset: -1 }, 'offset');
    await refused({ sort: 'price' }, 'sort');
    await refused({ currency: 'euro' }, 'currency');
    await refused({ vendor: '' }, 'vendor');
    await refused({ colour: 'red' }, 'colour');
    await refused({ sort: 'totalGross', cursor: 'abc' }, 'cursor');
  });

  it('shows an uploader only their own documents, whatever they search', async () => {
    expect((await search({ vendor: 'acme' }, 'uploader').expect(200)).body.total).toBe(3);
    expect((await search({ vendor: 'acme' }, 'stranger').expect(200)).body.total).toBe(0);
    expect((await search({}, 'stranger').expect(200)).body.total).toBe(0);
  });

  it('describes every filter in the OpenAPI document', async () => {
    const document = (await request(api.server).get('/api/docs-json').expect(200)).body;
    const parameters = document.paths['/api/documents'].get.parameters.map((parameter: any) => parameter.name);
    expect(parameters).toEqual(expect.arrayContaining([
      'status', 'vendor', 'invoiceNumber', 'q', 'currency', 'amountMin', 'amountMax', 'issueDateFrom', 'issueDateTo', 'uploadedFrom', 'uploadedTo', 'sort', 'limit', 'offset', 'cursor',
    ]));
  });
});
