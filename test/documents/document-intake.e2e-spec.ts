import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { samplePdf, samplePng, sampleTiff, sampleXml, sampleJpeg } from '../../libs/documents/src/sample-documents.fixture';
import type { ApiTestApp } from '../api/api-test-app';
import { asAdminToken, bearer, createUser, startAccessApp, type TestUser } from '../access/access-fixtures';

jest.setTimeout(120_000);

const MAX_BYTES = 64 * 1024;
const INTAKE_WORKFLOW = `id: document-intake-e2e
inputs:
  documentId: { type: string, required: true }
  mediaType: { type: string, required: true }
triggers:
  - id: on-upload
    type: event
    event: document.uploaded
    inputs:
      documentId: \${{ event.documentId }}
      mediaType: \${{ event.mediaType }}
steps:
  - id: only
    type: noop
`;

/**
 * Document intake through the real API: several files in one request, duplicates recognised, refused
 * files kept with their reason, oversized uploads stopped with 413, the upload event starting a workflow
 * with the document's id, and who may upload and read what.
 */
describe('document intake through the API', () => {
  let api: ApiTestApp;
  let dataDir: string;
  let uploader: TestUser;
  let otherUploader: TestUser;
  let auditor: TestUser;
  let accountant: TestUser;

  const upload = (token: string, files: [name: string, bytes: Buffer][]) => {
    let call = request(api.server).post('/api/documents').set(bearer(token));
    for (const [name, bytes] of files) call = call.attach('files', bytes, { filename: name, contentType: 'application/octet-stream' });
    return call;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'conveyor-documents-e2e-'));
    api = await startAccessApp({ CONVEYOR_DATA_DIR: dataDir, DOCUMENT_MAX_BYTES: String(MAX_BYTES), DOCUMENT_MAX_PAGES: '3' });
    await request(api.server).post('/api/workflows').set(asAdminToken).send({ yaml: INTAKE_WORKFLOW }).expect(201);
    uploader = await createUser(api, 'uploader@example.com', ['uploader']);
    otherUploader = await createUser(api, 'uploader2@example.com', ['uploader']);
    auditor = await createUser(api, 'auditor@example.com', ['auditor']);
    accountant = await createUser(api, 'accountant@example.com', ['accountant']);
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes several files in one request, detects each type from the content, and starts the listening workflow per document', async () => {
    const response = await upload(uploader.token, [
      ['invoice.pdf', samplePdf(2)],
      ['scan.png', samplePng(2, 2)],
      ['photo.jpg', sampleJpeg()],
      ['fax.tif', sampleTiff()],
      ['einvoice.xml', sampleXml('E2E-1')],
    ]).expect(201);
    expect(response.body.items.map((item: any) => [item.fileName, item.status, item.duplicate, item.mediaType, item.pages])).toEqual([
      ['invoice.pdf', 'stored', false, 'application/pdf', 2],
      ['scan.png', 'stored', false, 'image/png', 1],
      ['photo.jpg', 'stored', false, 'image/jpeg', 1],
      ['fax.tif', 'stored', false, 'image/tiff', 1],
      ['einvoice.xml', 'stored', false, 'application/xml', 1],
    ]);
    const ids = response.body.items.map((item: any) => item.id);
    const runs = (await api.platform.runs.list({ workflowId: 'document-intake-e2e', limit: 50 })).items;
    const inputs = await Promise.all(runs.map(async (run) => (await api.platform.runs.get(run.id)).inputs));
    expect(inputs.map((input) => input['documentId']).sort()).toEqual([...ids].sort());
    expect(inputs.find((input) => input['documentId'] === ids[0])).toEqual({ documentId: ids[0], mediaType: 'application/pdf' });

    const content = await request(api.server).get(`/api/documents/${ids[0]}/content`).set(bearer(uploader.token)).buffer(true).expect(200);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(content.body as Buffer, samplePdf(2))).toBe(0);
    const audit = await request(api.server).get('/api/audit?entityType=document').set(bearer(auditor.token)).expect(200);
    expect(audit.body.items.filter((record: any) => record.action === 'document.uploaded').length).toBeGreaterThanOrEqual(5);
  });

  it('recognises the same file uploaded twice: the first document, duplicate: true, and no second run', async () => {
    const bytes = sampleXml('E2E-DUPLICATE');
    const first = await upload(uploader.token, [['first.xml', bytes]]).expect(201);
    const runsBefore = (await api.platform.runs.list({ workflowId: 'document-intake-e2e', limit: 100 })).items.length;
    const again = await upload(otherUploader.token, [['second-name.xml', bytes]]).expect(201);
    expect(again.body.items[0]).toMatchObject({ id: first.body.items[0].id, sha256: first.body.items[0].sha256, duplicate: true, status: 'stored' });
    expect((await api.platform.runs.list({ workflowId: 'document-intake-e2e', limit: 100 })).items).toHaveLength(runsBefore);
    // The second uploader sent the same bytes: they may read the document now.
    await request(api.server).get(`/api/documents/${first.body.items[0].id}`).set(bearer(otherUploader.token)).expect(200);
  });

  it('refuses a file of the wrong type but keeps it, with status rejected and the reason, readable for inspection', async () => {
    const text = Buffer.from('This is a plain text file, whatever its name says.\n');
    const response = await upload(uploader.token, [['invoice.pdf', text], ['empty.pdf', Buffer.alloc(0)], ['long.pdf', samplePdf(4)]]).expect(201);
    expect(response.body.items.map((item: any) => [item.status, item.error?.code])).toEqual([
      ['rejected', 'DOCUMENT_TYPE_UNSUPPORTED'],
      ['rejected', 'DOCUMENT_EMPTY'],
      ['rejected', 'DOCUMENT_TOO_MANY_PAGES'],
    ]);
    const id = response.body.items[0].id;
    const stored = await request(api.server).get(`/api/documents/${id}`).set(bearer(accountant.token)).expect(200);
    expect(stored.body).toMatchObject({ status: 'rejected', fileName: 'invoice.pdf', mediaType: null, error: { code: 'DOCUMENT_TYPE_UNSUPPORTED' } });
    const content = await request(api.server).get(`/api/documents/${id}/content`).set(bearer(accountant.token)).buffer(true).expect(200);
    expect(content.headers['content-type']).toBe('application/octet-stream');
    expect(Buffer.compare(content.body as Buffer, text)).toBe(0);
    const rejected = await request(api.server).get('/api/documents?status=rejected').set(bearer(accountant.token)).expect(200);
    expect(rejected.body.items.map((item: any) => item.id)).toEqual(expect.arrayContaining(response.body.items.map((item: any) => item.id)));
  });

  it('stops an oversized upload with 413 and a clear error, leaving no partial file behind', async () => {
    const response = await upload(uploader.token, [['small.xml', sampleXml('E2E-SMALL')], ['huge.pdf', Buffer.alloc(MAX_BYTES + 1, 0x41)]]);
    expect(response.status).toBe(413);
    expect(response.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { reason: 'DOCUMENT_TOO_LARGE', maxBytes: MAX_BYTES } });
    expect(response.body.error.message).toContain('64 KB');
    expect(readdirSync(join(dataDir, 'documents', '.incoming'))).toEqual([]);
  });

  it('answers a request without files with 400', async () => {
    const response = await request(api.server).post('/api/documents').set(bearer(uploader.token)).send({}).expect(400);
    expect(response.body.error.code).toBe('BAD_REQUEST');
  });

  it('lets an auditor read but not upload; an uploader sees only their own documents', async () => {
    const refused = await upload(auditor.token, [['a.xml', sampleXml('E2E-AUDITOR')]]).expect(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    const mine = await upload(otherUploader.token, [['mine.xml', sampleXml('E2E-MINE')]]).expect(201);
    const theirs = await upload(uploader.token, [['theirs.xml', sampleXml('E2E-THEIRS')]]).expect(201);
    const list = await request(api.server).get('/api/documents?limit=200').set(bearer(otherUploader.token)).expect(200);
    const uploaders = new Set(list.body.items.filter((item: any) => item.status !== 'duplicate').map((item: any) => item.id));
    expect(uploaders.has(mine.body.items[0].id)).toBe(true);
    expect(uploaders.has(theirs.body.items[0].id)).toBe(false);
    await request(api.server).get(`/api/documents/${theirs.body.items[0].id}`).set(bearer(otherUploader.token)).expect(404);
    await request(api.server).get(`/api/documents/${theirs.body.items[0].id}/content`).set(bearer(otherUploader.token)).expect(404);
    const all = await request(api.server).get('/api/documents?limit=200').set(bearer(auditor.token)).expect(200);
    expect(all.body.items.map((item: any) => item.id)).toEqual(expect.arrayContaining([mine.body.items[0].id, theirs.body.items[0].id]));
  });
});
