import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { SeededRandom } from './random';
import { drawReceipt, printedReceiptDate, receiptDateIsAmbiguous } from './receipt-model';
import { drawReceiptScan, renderReceiptPdf, scanReceipt } from './receipt-render';

const receiptAt = (seed: number, index: number) => drawReceipt(`r${index}`, SeededRandom.forDocument(seed, index));

describe('generated till receipts', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'conveyor-receipts-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('draws the same receipts for the same seed, others for another', () => {
    const first = Array.from({ length: 12 }, (_, index) => receiptAt(4711, index));
    expect(Array.from({ length: 12 }, (_, index) => receiptAt(4711, index))).toEqual(first);
    expect(Array.from({ length: 12 }, (_, index) => receiptAt(4712, index)).map((receipt) => receipt.total.toFixed(2))).not.toEqual(first.map((receipt) => receipt.total.toFixed(2)));
  });

  it('keeps every receipt consistent: items sum to the subtotal, the total is it rounded to 5 sen, cash less change is the total', () => {
    for (let index = 0; index < 80; index += 1) {
      const receipt = receiptAt(99, index);
      expect(receipt.lines.reduce((sum, line) => sum + Number(line.amount), 0)).toBeCloseTo(Number(receipt.subtotal), 6);
      expect(receipt.subtotal.plus(receipt.rounding).equals(receipt.total)).toBe(true);
      expect(receipt.total.times(20).isInteger()).toBe(true);
      expect(receipt.rounding.abs().lessThan(0.03)).toBe(true);
      if (receipt.tendered) expect(receipt.tendered.minus(receipt.change!).equals(receipt.total)).toBe(true);
      const [, month, day] = receipt.issueDate.split('-').map(Number);
      expect(receiptDateIsAmbiguous(receipt)).toBe(/\d+[/-]\d+[/-]\d+/.test(printedReceiptDate(receipt)) && day <= 12 && month <= 12 && day !== month);
    }
  });

  it('prints the company, the date and the total on the roll', async () => {
    for (const index of [0, 1, 2, 3]) {
      const receipt = receiptAt(4711, index);
      const path = join(folder, `r${index}.pdf`);
      writeFileSync(path, await renderReceiptPdf(receipt));
      const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
      expect(text).toContain(receipt.company);
      expect(text).toContain(printedReceiptDate(receipt));
      expect(text).toContain(receipt.total.toFixed(2));
    }
  });

  it('scans a receipt into a JPEG with faded print', async () => {
    const random = SeededRandom.forDocument(7, 0);
    const receipt = drawReceipt('r0', random);
    const scan = { ...drawReceiptScan(random), ink: 0.5, rotation: 0 };
    const jpeg = await scanReceipt(await renderReceiptPdf(receipt), scan, random);
    const { data, info } = await sharp(jpeg).greyscale().raw().toBuffer({ resolveWithObject: true });
    // half-strength ink on grey paper: below the torn edge, even the darkest print stays far from black
    const body = Array.from(data.subarray(info.width * Math.round(info.height * 0.1))).sort((a, b) => a - b);
    expect(body[Math.floor(body.length * 0.005)]).toBeGreaterThan(70);
    expect(body[Math.floor(body.length * 0.5)]).toBeGreaterThan(200);
  });
});
