import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractionResultSchema } from '@conveyor/documents';

// Spawns the real CLI, offline: reads files only.
const REPOSITORY_ROOT = resolve(__dirname, '../../../..');
const CORPUS = resolve(REPOSITORY_ROOT, '../shared/corpus');
const CLI = join(REPOSITORY_ROOT, 'apps/cli/bin/conveyor.js');

function conveyor(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { cwd: REPOSITORY_ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('conveyor extract <file> --json', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'conveyor-extract-'));

  it('prints one JSON result for a Factur-X PDF from the corpus', async () => {
    const file = join(CORPUS, 'invoices/einvoice/ferd-zugferd233/files/EXTENDED_Fremdwaehrung.pdf');
    const { code, stdout } = await conveyor('extract', file, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(extractionResultSchema.safeParse(result).success).toBe(true);
    expect(result).toMatchObject({ file, kind: 'einvoice', pages: 3 });
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.fields.currency.value).toBe('GBP');
    expect(result.fields.totalGross).toEqual({ value: '1021.91', confidence: 1, source: 'xml', page: null, bbox: null });
    expect(result.fields.amountDue.value).toBe('521.91');
  }, 60_000);

  it('reads a UBL XML file as kind xml', async () => {
    const { code, stdout } = await conveyor('extract', join(REPOSITORY_ROOT, 'libs/einvoice/src/fixtures/ubl-invoice.xml'), '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ kind: 'xml', pages: 0, fields: { invoiceNumber: { value: 'XR-2024-1001' } } });
  }, 60_000);

  it('reads a PDF without invoice XML from its text layer, every field with confidence, source, page and box', async () => {
    const file = join(CORPUS, 'invoices/invoice2data/files/AmazonWebServices.pdf');
    const { code, stdout } = await conveyor('extract', file, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(extractionResultSchema.safeParse(result).success).toBe(true);
    expect(result).toMatchObject({ kind: 'pdf-text', pages: 1 });
    expect(result.fields.invoiceNumber).toMatchObject({ value: '42183017', source: 'text', page: 1 });
    expect(result.fields.invoiceNumber.bbox.x).toBeGreaterThan(0.5);
    expect(result.fields.issueDate.value).toBe('2014-08-03');
    expect(result.fields.totalGross.value).toBe('4.11');
    expect(result.fields.currency.value).toBe('USD');
  }, 60_000);

  it('reads a picture by OCR, whatever its name', async () => {
    const image = join(scratch, 'render.xml');
    writeFileSync(image, readFileSync(join(CORPUS, 'invoices/invoice2data/files/AmazonWebServices.png')));
    const { code, stdout } = await conveyor('extract', image, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ kind: 'image', pages: 1 });
    expect(result.fields.invoiceNumber).toMatchObject({ value: '42183017', source: 'ocr' });
    expect(result.fields.invoiceNumber.confidence).toBeLessThan(1);
  }, 180_000);

  it('with --no-ocr leaves a picture unread and says so, without failing', async () => {
    const { code, stdout } = await conveyor('extract', join(CORPUS, 'invoices/invoice2data/files/AmazonWebServices.png'), '--json', '--no-ocr');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.kind).toBe('image');
    expect(result.issues.map((issue: { code: string }) => issue.code)).toEqual(expect.arrayContaining(['OCR_UNAVAILABLE', 'NOT_AN_INVOICE']));
  }, 60_000);

  it('answers a picture that is cut short with a JSON error', async () => {
    const image = join(scratch, 'invoice.xml');
    writeFileSync(image, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const { code, stdout } = await conveyor('extract', image, '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout).error).toMatchObject({ code: expect.stringMatching(/^[A-Z_]+$/), message: expect.any(String) });
  }, 60_000);

  it.each([
    ['a truncated PDF', 'cut.pdf', Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'), 'PDF_CORRUPT', 1],
    ['malformed XML', 'bad.xml', Buffer.from('<?xml version="1.0"?><Invoice><cbc:ID>1</Invoice>'), 'XML_MALFORMED', 1],
    ['an empty file', 'empty.pdf', Buffer.alloc(0), 'FILE_EMPTY', 1],
  ])('answers %s with a JSON error and a non-zero exit', async (_case, name, bytes, errorCode, exitCode) => {
    const file = join(scratch, name);
    writeFileSync(file, bytes);
    const { code, stdout } = await conveyor('extract', file, '--json');
    expect(code).toBe(exitCode);
    expect(JSON.parse(stdout).error).toMatchObject({ code: errorCode, message: expect.any(String) });
  }, 60_000);

  it('answers a missing file with FILE_UNREADABLE (usage exit 2)', async () => {
    const { code, stdout } = await conveyor('extract', join(scratch, 'nope.pdf'), '--json');
    expect(code).toBe(2);
    expect(JSON.parse(stdout).error.code).toBe('FILE_UNREADABLE');
  }, 60_000);
});
