import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { createHash } from 'node:crypto';
import { ManualClock } from '@conveyor/kernel';
import { AuditStore, SqlOpenItemSource, SqlReportRepository, insertOpenItems } from '@conveyor/persistence';
import {
  InMemoryOpenItemSource, LocalDiskReportStore, ReportRegistry, ReportService, apAgingReport, builtInReportDefinitions, renderReport, type OpenItemRecord,
} from '@conveyor/reporting';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '@conveyor/testing';
import { generateOpenItems } from '../../libs/reporting/src/open-items.fixture';

jest.setTimeout(90_000);

async function csvOf(source: { openItems: SqlOpenItemSource['openItems'] }, asOf = '2026-11-30'): Promise<Buffer> {
  const out = new PassThrough();
  const [bytes] = await Promise.all([buffer(out), renderReport(apAgingReport(source, { asOf, timeZone: 'UTC' }, new Date(0)), 'csv', out)]);
  return bytes;
}

describe.each(DATABASE_KINDS)('reports over SQL (%s)', (kind) => {
  let test: TestDatabase;
  let storeDir: string;
  let ledger: OpenItemRecord[];
  const clock = new ManualClock('2026-12-01T06:00:00Z');

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    storeDir = mkdtempSync(join(tmpdir(), 'conveyor-report-store-'));
    ledger = [
      ...generateOpenItems(1_200, { seed: 7, vendors: 30 }),
      // Same vendor name without a vendor id, names that sort differently by locale, and a leap-day due date.
      { id: randomUUID(), vendorId: null, vendorName: 'Vendor 00003', invoiceNumber: 'NOID-1', documentId: null, currency: 'EUR', amountMinor: 999n, issueDate: '2026-01-01', dueDate: null },
      { id: randomUUID(), vendorId: null, vendorName: 'vendor lower', invoiceNumber: 'L-1', documentId: null, currency: 'EUR', amountMinor: 1n, issueDate: '2024-01-01', dueDate: '2024-02-29' },
      { id: randomUUID(), vendorId: null, vendorName: 'Ärzte AG', invoiceNumber: 'Ä-1', documentId: null, currency: 'CHF', amountMinor: 5n, issueDate: '2026-11-30', dueDate: '2026-12-30' },
    ];
    await insertOpenItems(test.database.dataSource, ledger, clock.now(), 500);
  });

  afterAll(async () => {
    await test?.drop();
    rmSync(storeDir, { recursive: true, force: true });
  });

  it('streams open items in batches in the order the port promises: the aging equals the one over the same items in memory, byte for byte', async () => {
    const sql = new SqlOpenItemSource(test.database.dataSource, 97);
    expect((await csvOf(sql)).equals(await csvOf(new InMemoryOpenItemSource(ledger)))).toBe(true);
    expect((await csvOf(sql, '2026-06-30')).equals(await csvOf(new InMemoryOpenItemSource(ledger), '2026-06-30'))).toBe(true);
    const one: OpenItemRecord[] = [];
    for await (const item of sql.openItems({ asOf: '2026-11-30', vendorName: 'Vendor 00003' })) one.push(item);
    expect(new Set(one.map((item) => item.vendorName))).toEqual(new Set(['Vendor 00003']));
    expect(one.some((item) => item.vendorId === null && item.amountMinor === 999n)).toBe(true);
  });

  it('generates, stores, lists and opens reports, records them in the audit trail, and returns the same report to a repeated step', async () => {
    const audit = new AuditStore(test.database.dataSource, clock);
    let ids = 0;
    const service = new ReportService({
      registry: new ReportRegistry(builtInReportDefinitions()),
      sources: { openItems: new SqlOpenItemSource(test.database.dataSource) },
      repository: new SqlReportRepository(test.database.dataSource),
      store: new LocalDiskReportStore(storeDir),
      audit, clock, newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    });
    const report = await service.generate({ type: 'ap-aging', format: 'xlsx', parameters: { asOf: '2026-11-30', timeZone: 'UTC' }, idempotencyKey: 'run-1.step' }, { id: 'run:1' });
    expect(report).toMatchObject({ status: 'succeeded', format: 'xlsx', createdBy: 'run:1', fileName: `ap-aging-2026-12-01-00000000.xlsx` });
    const again = await service.generate({ type: 'ap-aging', format: 'xlsx', parameters: { asOf: '2026-11-30', timeZone: 'UTC' }, idempotencyKey: 'run-1.step' }, { id: 'run:1' });
    expect(again.id).toBe(report.id);
    const opened = await service.open(report.id, { id: 'user:ada' });
    const bytes = await buffer(opened.content);
    expect(bytes.length).toBe(report.sizeBytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(report.sha256);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    await expect(service.generate({ type: 'reconciliation-summary', format: 'csv', parameters: { from: '2026-11-01', to: '2026-11-30' } }, { id: 'user:ada' }))
      .rejects.toMatchObject({ code: 'REPORT_SOURCE_UNAVAILABLE' });
    await expect(service.generate({ type: 'ap-aging', format: 'csv', parameters: { asOf: 'yesterday' } }, { id: 'user:ada' }))
      .rejects.toMatchObject({ code: 'INVALID_REPORT_PARAMETERS' });
    await expect(service.generate({ type: 'ap-aging', format: 'csv' }, { id: 'user:eve', roles: ['auditor'] })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const page = await service.list({ limit: 10 });
    expect(page.items.map((item) => item.id)).toContain(report.id);
    const records = [];
    for await (const record of audit.export({ entityType: 'report' })) records.push([record.action, record.actor, record.entityId]);
    expect(records).toEqual([['report.generated', 'run:1', report.id], ['report.downloaded', 'user:ada', report.id]]);
  });

  it.each(['pdf', 'xlsx', 'csv'] as const)('records a %s report whose source fails midway as failed, with the error, audited, and leaves no file behind', async (format) => {
    const audit = new AuditStore(test.database.dataSource, clock);
    const registry = new ReportRegistry(builtInReportDefinitions());
    const failing = {
      async *openItems() {
        yield ledger[0];
        throw new Error('connection reset by peer');
      },
    };
    const service = new ReportService({
      registry, sources: { openItems: failing }, repository: new SqlReportRepository(test.database.dataSource),
      store: new LocalDiskReportStore(storeDir), audit, clock, newId: randomUUID,
    });
    await expect(service.generate({ type: 'ap-aging', format, parameters: { asOf: '2026-11-30' } }, { id: 'user:ada' })).rejects.toThrow('connection reset by peer');
    const [failed] = (await service.list({ limit: 1 })).items;
    expect(failed).toMatchObject({ status: 'failed', fileKey: null, sha256: null, error: { code: 'REPORT_FAILED', message: 'connection reset by peer' } });
    await expect(service.open(failed.id, { id: 'user:ada' })).rejects.toMatchObject({ code: 'REPORT_NOT_READY_CONFLICT' });
    const { readdirSync } = await import('node:fs');
    const files = (readdirSync(storeDir, { recursive: true }) as string[]).filter((name) => name.endsWith('.part') || name.includes(failed.id));
    expect(files).toEqual([]);
    const actions = [];
    for await (const record of audit.export({ entityId: failed.id })) actions.push([record.action, record.details]);
    expect(actions).toEqual([['report.failed', { code: 'REPORT_FAILED', message: 'connection reset by peer' }]]);
  });
});
