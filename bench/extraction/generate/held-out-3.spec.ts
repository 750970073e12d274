import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isValidIBAN, electronicFormatIBAN } from 'ibantools';
import { HELD_OUT_2_LAYOUTS } from './held-out-2-model';
import { HELD_OUT_LAYOUTS } from './held-out-model';
import { asModel3, headerRows, heldOut3Truth, renderHeldOut3Pdf } from './held-out-3-layouts';
import { DEFAULT_HELD_OUT_3_SEED, drawHeldOut3Invoice, HELD_OUT_3_LAYOUTS } from './held-out-3-model';
import { LAYOUTS } from './invoice-model';
import { isValidVatId } from './identifiers';
import { money } from './printed-text';

const squeeze = (text: string): string => text.replace(/\s+/g, ' ');
const CODES = ['EUR', 'USD', 'GBP', 'PLN', 'CHF', 'SEK', 'NOK', 'DKK'];

describe('third held-out invoice corpus', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'conveyor-held-out-3-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("is deterministic per seed, and its layouts are no earlier corpus's", () => {
    const first = Array.from({ length: 12 }, (_, index) => heldOut3Truth(drawHeldOut3Invoice(DEFAULT_HELD_OUT_3_SEED, index)));
    const again = Array.from({ length: 12 }, (_, index) => heldOut3Truth(drawHeldOut3Invoice(DEFAULT_HELD_OUT_3_SEED, index)));
    expect(again).toEqual(first);
    const earlier: readonly string[] = [...LAYOUTS, ...HELD_OUT_LAYOUTS, ...HELD_OUT_2_LAYOUTS];
    expect(HELD_OUT_3_LAYOUTS.filter((layout) => earlier.includes(layout))).toEqual([]);
  });

  it('draws what it is meant to test: title-only numbers, cited originals that differ, kr sellers with valid ids', () => {
    let nordic = 0;
    for (let index = 0; index < 160; index += 1) {
      const invoice = drawHeldOut3Invoice(DEFAULT_HELD_OUT_3_SEED, index);
      const model = asModel3(invoice);
      const rows = headerRows(invoice, model);
      // The own number is printed once: in the title or in a labelled row, never both.
      expect(invoice.heading.includes(invoice.invoiceNumber)).toBe(invoice.numberInTitle);
      expect(rows.some((row) => row.value === invoice.invoiceNumber)).toBe(!invoice.numberInTitle);
      if (invoice.layout === 'number-in-heading') expect(invoice.numberInTitle).toBe(true);
      if (invoice.layout === 'credit-cited') expect(invoice.creditNote && invoice.gross.isNegative() && invoice.cited!.number !== invoice.invoiceNumber).toBe(true);
      expect(invoice.gross.minus(invoice.net).minus(invoice.tax).abs().lte(invoice.expectedIssues.includes('totals_off_by_cent') ? '0.01' : '0')).toBe(true);
      if (invoice.nordic) {
        nordic += 1;
        expect(invoice.money.currencyMark.startsWith('kr')).toBe(true);
        expect(invoice.currency).toBe({ SE: 'SEK', NO: 'NOK', DK: 'DKK' }[invoice.nordic]);
        if (invoice.seller.vatIdPrinted) expect(isValidVatId(invoice.seller.vatIdPrinted)).toBe(true);
        if (invoice.ibanPrinted) expect(isValidIBAN(electronicFormatIBAN(invoice.ibanPrinted)!)).toBe(true);
      }
    }
    expect(nordic).toBeGreaterThan(12);
  });

  it.each(HELD_OUT_3_LAYOUTS.map((layout, index) => [layout, index] as const))("prints the %s layout's truth values in the text layer", async (_layout, index) => {
    for (const offset of [0, 4, 8, 12, 16, 20]) {
      const invoice = drawHeldOut3Invoice(DEFAULT_HELD_OUT_3_SEED, index + offset);
      const truth = heldOut3Truth(invoice);
      const model = asModel3(invoice);
      const path = join(folder, `${invoice.id}.pdf`);
      writeFileSync(path, await renderHeldOut3Pdf(invoice));
      const text = squeeze(execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }));
      expect(text).toContain(truth.invoice_number);
      expect(text).toContain(truth._printed.issue_date);
      expect(text).toContain(squeeze(truth.vendor_name));
      expect(text).toContain(squeeze(money(model, invoice.gross)));
      if (invoice.cited) expect(text).toContain(invoice.cited.number);
      // A "kr" seller without a currency row prints no currency code anywhere.
      if (invoice.nordic && !invoice.currencyLine) for (const code of CODES) expect(text).not.toContain(code);
    }
  });
});
