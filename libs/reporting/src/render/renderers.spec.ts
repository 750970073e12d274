import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { apAgingReport } from '../aging/ap-aging.report';
import { InMemoryOpenItemSource } from '../in-memory-sources';
import { minorToDecimal } from '@conveyor/kernel';
import { generateOpenItems } from '../open-items.fixture';
import type { ReportFormat, ReportRow } from '../report-model';
import type { OpenItemRecord } from '../report-sources';
import { renderReport } from './render-report';
import { columnLetter, moneyFormat } from './xlsx-renderer';

async function render(items: OpenItemRecord[], format: ReportFormat, generatedAt = new Date('2026-12-01T06:00:00Z')): Promise<Buffer> {
  const report = apAgingReport(new InMemoryOpenItemSource(items), { asOf: '2026-11-30', timeZone: 'Europe/Berlin' }, generatedAt);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await renderReport(report, format, out);
  return Buffer.concat(chunks);
}

async function expectedRows(items: OpenItemRecord[]): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  for await (const row of apAgingReport(new InMemoryOpenItemSource(items), { asOf: '2026-11-30', timeZone: 'Europe/Berlin' }, new Date()).detail.rows) rows.push(row);
  return rows;
}

describe('report renderers', () => {
  const items = [
    ...generateOpenItems(300, { seed: 11, vendors: 6 }),
    {
      id: 'formula', vendorId: null, vendorName: '=HYPERLINK("http://evil")', invoiceNumber: '+1', documentId: null, currency: 'KWD',
      amountMinor: 1_234_567n, issueDate: '2026-10-01', dueDate: '2026-10-31',
    },
  ];

  it('writes CSV with exact decimals in each currency, the same bytes for the same data, formulas defused', async () => {
    const first = await render(items, 'csv');
    const second = await render(items, 'csv', new Date('2027-01-01T00:00:00Z'));
    expect(second.equals(first)).toBe(true);
    const lines = first.toString('utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('Line,Vendor,Currency,Invoice,Issue date,Due date,Days past due,Bucket,Current,1-30,31-60,61-90,Over 90,Total');
    const rows = await expectedRows(items);
    expect(lines).toHaveLength(rows.length + 1);
    const kwd = lines.find((line) => line.includes(',KWD,') && line.startsWith('item'));
    expect(kwd).toBe(`item,"'=HYPERLINK(""http://evil"")",KWD,'+1,2026-10-01,2026-10-31,30,1-30,,1234.567,,,,1234.567`);
    const totals = lines.filter((line) => line.startsWith('total,'));
    const totalRows = rows.filter((row) => row.kind === 'total');
    expect(totals.map((line) => line.split(',').at(-1))).toEqual(totalRows.map((row) => minorToDecimal(row.cells['total'] as bigint, row.cells['currency'] as string)));
  });

  it('writes XLSX that reads back as written: numbers with currency formats, real dates, SUM and SUMIFS formulas with their values', async () => {
    const buffer = await render(items, 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Open items')!;
    expect(sheet.getCell('A1').value).toBe('Accounts payable aging');
    const headerRow = [...Array(sheet.rowCount).keys()].map((index) => index + 1).find((row) => sheet.getCell(`A${row}`).value === 'Line')!;
    const rows = await expectedRows(items);
    const totalColumn = columnLetter(14);
    rows.forEach((row, index) => {
      const number = headerRow + 1 + index;
      expect(sheet.getCell(`A${number}`).value).toBe(row.kind);
      const currency = row.cells['currency'] as string;
      const cell = sheet.getCell(`${totalColumn}${number}`);
      const expected = Number(minorToDecimal(row.cells['total'] as bigint, currency));
      expect(cell.numFmt).toBe(moneyFormat(currency));
      if (row.kind === 'item') {
        expect(cell.value).toBe(expected);
        expect(sheet.getCell(`E${number}`).value).toEqual(new Date(`${row.cells['issue_date']}T00:00:00.000Z`));
        expect(sheet.getCell(`E${number}`).numFmt).toBe('yyyy-mm-dd');
        expect(sheet.getCell(`G${number}`).value).toBe(row.cells['days_past_due']);
      } else {
        const formula = cell.value as { formula: string; result: number };
        expect(formula.result).toBe(expected);
        expect(formula.formula).toMatch(row.kind === 'subtotal' ? /^SUM\(N\d+:N\d+\)$/ : new RegExp(`^SUMIFS\\(N${headerRow + 1}:N\\d+,A${headerRow + 1}:A\\d+,"item",C${headerRow + 1}:C\\d+,"${currency}"\\)$`));
      }
    });
    // Each subtotal's formula covers exactly its vendor's item rows, and adding them up gives the cached value.
    for (let number = headerRow + 1; number <= headerRow + rows.length; number += 1) {
      const value = sheet.getCell(`N${number}`).value as { formula?: string; result?: number };
      if (!value?.formula?.startsWith('SUM(')) continue;
      const [, from, to] = /^SUM\(N(\d+):N(\d+)\)$/.exec(value.formula)!.map(Number);
      expect(to).toBe(number - 1);
      let sum = 0;
      for (let row = from; row <= to; row += 1) {
        expect(sheet.getCell(`A${row}`).value).toBe('item');
        sum += sheet.getCell(`N${row}`).value as number;
      }
      expect(sum).toBeCloseTo(value.result!, 6);
    }
    expect(workbook.getWorksheet('Summary')!.getCell('A1').value).toBe('Totals by currency');
    expect(moneyFormat('JPY')).toBe('#,##0 "JPY"');
    expect(moneyFormat('KWD')).toBe('#,##0.000 "KWD"');
  });

  it('writes the same XLSX sheets for the same data', async () => {
    const JSZip = (await import('jszip')).default;
    const sheets = async (buffer: Buffer) => {
      const zip = await JSZip.loadAsync(buffer);
      return Promise.all(Object.keys(zip.files).filter((name) => name.startsWith('xl/')).sort().map(async (name) => [name, await zip.file(name)!.async('string')]));
    };
    expect(await sheets(await render(items, 'xlsx'))).toEqual(await sheets(await render(items, 'xlsx')));
  });

  it('writes a PDF', async () => {
    const pdf = await render(items, 'pdf');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
