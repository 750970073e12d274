import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import {
  InMemoryExceptionSource, InMemoryOpenItemSource, apAgingReport, exceptionsReport, renderReport, type RenderableReport, type ExceptionRecord,
} from '@conveyor/reporting';
import { generateOpenItems } from '../../libs/reporting/src/open-items.fixture';
import { groupedAmount } from '../../libs/reporting/src/grouped-amount';

/** PDFs as poppler sees them: each page renders (pdftoppm) and the text layer holds the figures. */
describe('PDF reports', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'conveyor-pdf-report-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function pdfOf(report: RenderableReport, name: string): Promise<string> {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    await renderReport(report, 'pdf', out);
    const path = join(dir, `${name}.pdf`);
    writeFileSync(path, Buffer.concat(chunks));
    return path;
  }

  const text = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

  it('renders the aging with its bar chart and holds the grand and vendor totals', async () => {
    const ledger = generateOpenItems(3_000, { seed: 21, vendors: 40 });
    const report = apAgingReport(new InMemoryOpenItemSource(ledger), { asOf: '2026-11-30', timeZone: 'Europe/Berlin' }, new Date('2026-12-01T06:00:00Z'));
    const path = await pdfOf(report, 'aging');
    execFileSync('pdftoppm', ['-r', '40', '-png', path, join(dir, 'aging-page')]);
    const pages = readdirSync(dir).filter((file) => file.startsWith('aging-page') && file.endsWith('.png'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(statSync(join(dir, page)).size).toBeGreaterThan(1000);
    const content = text(path);
    expect(content).toContain('Accounts payable aging');
    expect(content).toContain('Open amounts by days past due (EUR)');
    const totals = report.totals();
    const grand = totals.filter((entry) => entry.vendorName === 'All vendors');
    expect(grand.map((entry) => entry.currency)).toEqual(['CHF', 'EUR', 'JPY', 'USD']);
    for (const entry of totals) {
      // Every figure of the summary, the bar labels among them, is in the text exactly as the exact decimal.
      expect(content).toContain(groupedAmount(entry.total, entry.currency));
      for (const bucket of entry.buckets) expect(content).toContain(groupedAmount(bucket, entry.currency));
    }
    // Not one row per item: the PDF is the summary.
    expect(content).not.toContain('INV-0000001');
  });

  it('renders the exceptions with their detail rows and counts', async () => {
    const at = (day: number) => new Date(Date.UTC(2026, 10, day, 9));
    const records: ExceptionRecord[] = [1, 2, 3].map((day) => ({
      id: `e${day}`, code: day === 3 ? 'DUPLICATE_INVOICE' : 'AMOUNT_MISMATCH', title: `Check invoice ${day}`, owner: 'role:accountant',
      status: day === 1 ? 'resolved' : 'open', openedAt: at(day), resolvedAt: day === 1 ? at(4) : null, resolution: day === 1 ? 'approve' : null,
      resolvedBy: day === 1 ? 'user:ada' : null, comment: null, amount: '10.00', currency: 'EUR', workflowId: 'w', runId: 'r',
    }));
    const report = exceptionsReport(new InMemoryExceptionSource(records), { asOf: at(30), resolvedFrom: at(1), timeZone: 'UTC' }, at(30));
    const content = text(await pdfOf(report, 'exceptions'));
    expect(content).toContain('Open by code');
    expect(content).toMatch(/AMOUNT_MISMATCH\s+1\s+28/);
    expect(content).toMatch(/DUPLICATE_INVOICE\s+1\s+27/);
    expect(content).toContain('Check invoice 3');
  });
});
