import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { groundTruthOf } from './ground-truth';
import { asModel, renderHeldOutPdf } from './held-out-layouts';
import { DEFAULT_HELD_OUT_SEED, drawHeldOutInvoice, HELD_OUT_LAYOUTS } from './held-out-model';
import { LAYOUTS } from './invoice-model';

const squeeze = (text: string): string => text.replace(/\s+/g, ' ');

describe('held-out invoice corpus', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'conveyor-held-out-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('is deterministic per seed, and its layouts are not the development corpus\'s', () => {
    const first = Array.from({ length: 12 }, (_, index) => groundTruthOf(asModel(drawHeldOutInvoice(DEFAULT_HELD_OUT_SEED, index))));
    const again = Array.from({ length: 12 }, (_, index) => groundTruthOf(asModel(drawHeldOutInvoice(DEFAULT_HELD_OUT_SEED, index))));
    expect(again).toEqual(first);
    expect(HELD_OUT_LAYOUTS.filter((layout) => (LAYOUTS as readonly string[]).includes(layout))).toEqual([]);
  });

  it.each(HELD_OUT_LAYOUTS.map((layout, index) => [layout, index] as const))('prints the %s layout\'s truth values in the text layer', async (_layout, index) => {
    for (const offset of [0, 4, 8]) {
      const invoice = drawHeldOutInvoice(DEFAULT_HELD_OUT_SEED, index + offset);
      const truth = groundTruthOf(asModel(invoice));
      const path = join(folder, `${invoice.id}.pdf`);
      writeFileSync(path, await renderHeldOutPdf(invoice));
      const text = squeeze(execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }));
      expect(text).toContain(truth.invoice_number);
      expect(text).toContain(truth._printed.issue_date);
      expect(text).toContain(squeeze(truth.vendor_name));
      for (const reference of invoice.otherReferences) expect(text).toContain(reference.value);
    }
  });
});
