import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { startTestSmtpServer, type TestSmtpServer } from '@conveyor/testing';
import { minorToDecimal } from '@conveyor/kernel';
import type { OpenItemRecord } from '@conveyor/reporting';
import type { ApiTestApp } from '../api/api-test-app';
import { generateOpenItems } from '../../libs/reporting/src/open-items.fixture';
import { startReportTestApp } from './report-test-app';

jest.setTimeout(120_000);

const MONTH_END = readFileSync(join(__dirname, '../../workflows/month-end-reports.yaml'), 'utf8');
const EXCEPTION_WORKFLOW = `id: exception-source
steps:
  - id: check
    type: approval
    with: { title: "Amounts differ on INV-9", assignees: { roles: [accountant] }, context: { exceptionCode: AMOUNT_MISMATCH } }
`;

/**
 * workflows/month-end-reports.yaml as shipped, with its cron moved to every second: the scheduler fires it,
 * the worker generates the AP aging (XLSX) and the exceptions (PDF) and e-mails them, with the files
 * attached, to an SMTP server this test runs.
 */
describe('scheduled reports', () => {
  let smtp: TestSmtpServer;
  let api: ApiTestApp;
  const ledger: OpenItemRecord[] = generateOpenItems(600, { seed: 5, vendors: 12, asOf: new Date().toISOString().slice(0, 10) });

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    api = await startReportTestApp(ledger, { SMTP_URL: smtp.url, SMTP_FROM: 'Conveyor <conveyor@example.com>' }, ['api', 'scheduler', 'worker']);
  });

  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });

  it('runs month-end-reports from its cron and mails both reports to the finance team', async () => {
    expect(MONTH_END).toContain('cron: "0 22 L * *"');
    expect((await api.platform.workflows.publish(EXCEPTION_WORKFLOW, { id: 'test' })).ok).toBe(true);
    await api.platform.runs.start({ workflowId: 'exception-source', inputs: {}, trigger: { type: 'manual' } }, { id: 'user:starter' });
    const everySecond = MONTH_END.replace('cron: "0 22 L * *"', 'cron: "* * * * * *"');
    expect((await api.platform.workflows.publish(everySecond, { id: 'test' })).ok).toBe(true);

    const reportMails = async () => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const found = smtp.received.filter((mail) => /^(Accounts payable aging|Exceptions) \(/.test(mail.parsed.subject ?? ''));
        if (found.some((mail) => mail.parsed.subject!.startsWith('Accounts') && found.some((other) => other.parsed.subject!.startsWith('Exceptions')))) return found;
        if (Date.now() > deadline) throw new Error(`no report mails; received: ${smtp.received.map((mail) => mail.parsed.subject).join(', ')}`);
        await new Promise((done) => setTimeout(done, 200));
      }
    };
    const mails = await reportMails();
    // Stop the firing for good.
    expect((await api.platform.workflows.publish(everySecond.replace(/ {2}- id: month-end\n(.*\n){4}/, ''), { id: 'test' })).ok).toBe(true);

    const aging = mails.find((mail) => mail.parsed.subject!.startsWith('Accounts payable aging'))!;
    expect(aging.envelope.to).toEqual(['finance@example.com']);
    const [xlsx] = aging.parsed.attachments;
    expect(xlsx.filename).toMatch(/^ap-aging-.*\.xlsx$/);
    expect(xlsx.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.content as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Open items')!;
    const asOfLine = String(sheet.getCell('A2').value);
    const asOf = /^As of (\d{4}-\d{2}-\d{2}) \(Europe\/Berlin\)$/.exec(asOfLine)![1];
    const totals = new Map<string, number>();
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'total') totals.set(String(row.getCell(3).value), (row.getCell(14).value as { result: number }).result);
    });
    for (const currency of new Set(ledger.map((item) => item.currency))) {
      const expected = ledger.filter((item) => item.currency === currency && item.issueDate <= asOf).reduce((sum, item) => sum + item.amountMinor, 0n);
      expect([currency, totals.get(currency)]).toEqual([currency, Number(minorToDecimal(expected, currency))]);
    }

    const exceptions = mails.find((mail) => mail.parsed.subject!.startsWith('Exceptions'))!;
    expect(exceptions.parsed.attachments[0].contentType).toBe('application/pdf');
    const pdfPath = join(mkdtempSync(join(tmpdir(), 'conveyor-scheduled-')), 'exceptions.pdf');
    writeFileSync(pdfPath, exceptions.parsed.attachments[0].content);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    rmSync(dirname(pdfPath), { recursive: true, force: true });
    expect(text).toMatch(/AMOUNT_MISMATCH\s+1\s+0/);
    expect(text).toContain('Amounts differ on INV-9');

    // The reports were made as of the scheduled moment, by the run, and are stored.
    // Firings after the first may still be at work: wait for every run to finish before looking at the stored reports.
    let runs = (await api.platform.runs.list({ workflowId: 'month-end-reports', limit: 100 })).items;
    for (const deadline = Date.now() + 30_000; runs.some((run) => !['succeeded', 'failed', 'cancelled'].includes(run.status)) && Date.now() < deadline;) {
      await new Promise((done) => setTimeout(done, 200));
      runs = (await api.platform.runs.list({ workflowId: 'month-end-reports', limit: 100 })).items;
    }
    expect(runs.map((run) => run.status)).toEqual(runs.map(() => 'succeeded'));
    const stored = (await api.platform.reports.list({ type: 'ap-aging' })).items;
    expect(stored.length).toBeGreaterThan(0);
    for (const report of stored) {
      const run = runs.find((candidate) => report.createdBy === `run:${candidate.id}`);
      expect([report.status, run?.trigger['type'], report.parameters['asOf']]).toEqual(['succeeded', 'cron', run?.trigger['scheduledAt']]);
      const deliveries = [];
      for await (const record of api.platform.audit.export({ entityId: report.id, action: 'report.delivered' })) deliveries.push([record.actor, record.details]);
      expect(deliveries).toEqual([[report.createdBy, expect.objectContaining({ channel: 'email', to: ['finance@example.com'], accepted: ['finance@example.com'], sent: true })]]);
    }
  });
});
