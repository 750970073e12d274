import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { minorToDecimal } from '@conveyor/kernel';
import type { OpenItemRecord } from '@conveyor/reporting';
import type { ApiTestApp } from '../api/api-test-app';
import { ADMIN_TOKEN, CHEAP_HASHING, asAdminToken, bearer, createUser, type TestUser } from '../access/access-fixtures';
import { generateOpenItems } from '../../libs/reporting/src/open-items.fixture';
import { startReportTestApp } from './report-test-app';

jest.setTimeout(120_000);

/** Reports through the real API: who may generate and read what, the stored file, webhook delivery, the audit trail. */
describe('reports through the API', () => {
  let api: ApiTestApp;
  let dataDir: string;
  let accountant: TestUser;
  let auditor: TestUser;
  let approver: TestUser;
  let hook: Server;
  let hookUrl: string;
  const posted: { headers: IncomingMessage['headers']; body: Buffer }[] = [];
  const ledger: OpenItemRecord[] = generateOpenItems(800, { seed: 3, vendors: 25 });

  beforeAll(async () => {
    hook = createServer((incoming, response) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        posted.push({ headers: incoming.headers, body: Buffer.concat(chunks) });
        response.writeHead(202).end();
      });
    });
    await new Promise<void>((done) => hook.listen(0, '127.0.0.1', done));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/reports?token=secret`;
    dataDir = mkdtempSync(join(tmpdir(), 'conveyor-reports-e2e-'));
    api = await startReportTestApp(ledger, { CONVEYOR_ADMIN_TOKEN: ADMIN_TOKEN, ...CHEAP_HASHING, CONVEYOR_DATA_DIR: dataDir, HTTP_STEP_ALLOW_PRIVATE: 'true' }, ['api']);
    accountant = await createUser(api, 'accountant@example.com', ['accountant']);
    auditor = await createUser(api, 'auditor@example.com', ['auditor']);
    approver = await createUser(api, 'approver@example.com', ['approver']);
  });

  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
    await new Promise((done) => hook?.close(done));
  });

  it('generates an AP aging for an accountant, lists it, and downloads it as an attachment whose totals tie to the ledger', async () => {
    const created = await request(api.server).post('/api/reports').set(bearer(accountant.token))
      .send({ type: 'ap-aging', format: 'csv', parameters: { asOf: '2026-11-30', timeZone: 'Europe/Berlin' } }).expect(201);
    expect(created.body).toMatchObject({ type: 'ap-aging', format: 'csv', status: 'succeeded', createdBy: `user:${accountant.id}`, downloadUrl: `/api/reports/${created.body.id}/download` });
    expect(created.body).not.toHaveProperty('fileKey');

    const listed = await request(api.server).get('/api/reports').set(bearer(auditor.token)).expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);
    await request(api.server).get(`/api/reports/${created.body.id}`).set(bearer(accountant.token)).expect(200);

    const download = await request(api.server).get(created.body.downloadUrl).set(bearer(auditor.token)).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="ap-aging-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.csv"/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-type']).toMatch(/^text\/csv/);
    const bytes = download.body as Buffer;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(created.body.sha256);
    const rows = parse(bytes, { columns: true }) as Record<string, string>[];
    for (const currency of new Set(ledger.map((item) => item.currency))) {
      const expected = ledger.filter((item) => item.currency === currency && item.issueDate <= '2026-11-30').reduce((sum, item) => sum + item.amountMinor, 0n);
      expect([currency, rows.find((row) => row['Line'] === 'total' && row['Currency'] === currency)?.['Total']]).toEqual([currency, minorToDecimal(expected, currency)]);
    }
  });

  it('lets auditors generate the audit extract only, and keeps approvers out', async () => {
    await request(api.server).post('/api/reports').set(bearer(auditor.token)).send({ type: 'ap-aging', format: 'pdf' }).expect(403);
    const today = new Date().toISOString().slice(0, 10);
    const extract = await request(api.server).post('/api/reports').set(bearer(auditor.token))
      .send({ type: 'audit-extract', format: 'xlsx', parameters: { from: today, to: today } }).expect(201);
    expect(extract.body.status).toBe('succeeded');
    await request(api.server).post('/api/reports').set(bearer(approver.token)).send({ type: 'audit-extract', format: 'csv', parameters: { from: today, to: today } }).expect(403);
    await request(api.server).get('/api/reports').set(bearer(approver.token)).expect(403);
    await request(api.server).get(`/api/reports/${extract.body.id}/download`).set(bearer(approver.token)).expect(403);
  });

  it('answers bad requests with clear errors and keeps nothing', async () => {
    const before = (await request(api.server).get('/api/reports?limit=200').set(asAdminToken).expect(200)).body.items.length;
    const badDate = await request(api.server).post('/api/reports').set(asAdminToken).send({ type: 'ap-aging', format: 'csv', parameters: { asOf: '2026-02-30' } }).expect(422);
    expect(badDate.body.error.code).toBe('INVALID_REPORT_PARAMETERS');
    expect((await request(api.server).post('/api/reports').set(asAdminToken).send({ type: 'nope', format: 'csv' }).expect(422)).body.error.code).toBe('INVALID_REPORT_TYPE');
    await request(api.server).post('/api/reports').set(asAdminToken).send({ type: 'ap-aging', format: 'docx' }).expect(400);
    const badPeriod = await request(api.server).post('/api/reports').set(asAdminToken)
      .send({ type: 'reconciliation-summary', format: 'csv', parameters: { from: '2026-11-31', to: '2026-11-30' } }).expect(422);
    expect(badPeriod.body.error.code).toBe('INVALID_REPORT_PARAMETERS');
    await request(api.server).get('/api/reports/7d3f1a52-0000-4000-8000-000000000000').set(asAdminToken).expect(404);
    expect((await request(api.server).get('/api/reports?limit=200').set(asAdminToken).expect(200)).body.items.length).toBe(before);
  });

  it('posts a report to a webhook with its idempotency key and hash, and audits generation, delivery and download', async () => {
    const created = await request(api.server).post('/api/reports').set(bearer(accountant.token))
      .send({ type: 'vendor-statement', format: 'pdf', parameters: { vendorName: 'Vendor 00001', asOf: '2026-11-30' }, deliver: { webhook: hookUrl } }).expect(201);
    expect(created.body.delivered).toEqual({ webhook: { status: 202 } });
    expect(posted).toHaveLength(1);
    expect(posted[0].headers['content-type']).toBe('application/pdf');
    expect(posted[0].headers['idempotency-key']).toBe(`report:${created.body.id}:webhook`);
    expect(posted[0].headers['x-conveyor-report-sha256']).toBe(created.body.sha256);
    expect(createHash('sha256').update(posted[0].body).digest('hex')).toBe(created.body.sha256);

    const trail: [string, string, unknown][] = [];
    for await (const record of api.platform.audit.export({ entityType: 'report', entityId: created.body.id })) trail.push([record.action, record.actor, record.details]);
    expect(trail).toEqual([
      ['report.generated', `user:${accountant.id}`, null],
      ['report.delivered', `user:${accountant.id}`, { channel: 'webhook', url: hookUrl.replace('?token=secret', ''), status: 202 }],
    ]);
    const actions = [];
    for await (const record of api.platform.audit.export({ entityType: 'report', action: 'report.downloaded' })) actions.push(record.actor);
    expect(actions).toEqual([`user:${auditor.id}`]);
  });
});
