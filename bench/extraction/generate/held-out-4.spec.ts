import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { HELD_OUT_2_LAYOUTS } from './held-out-2-model';
import { HELD_OUT_3_LAYOUTS } from './held-out-3-model';
import { HELD_OUT_LAYOUTS } from './held-out-model';
import { asModel4, headerRows, heading, heldOut4Truth, renderHeldOut4Pdf } from './held-out-4-layouts';
import { DEFAULT_HELD_OUT_4_SEED, drawHeldOut4Invoice, HELD_OUT_4_LAYOUTS } from './held-out-4-model';
import { LAYOUTS } from './invoice-model';
import { isValidVatId } from './identifiers';
import { money } from './printed-text';

const squeeze = (text: string): string => text.replace(/\s+/g, ' ');

describe('fourth held-out invoice corpus', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'conveyor-held-out-4-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("is deterministic per seed, and its layouts are no earlier corpus's", () => {
    const first = Array.from({ length: 12 }, (_, index) => heldOut4Truth(drawHeldOut4Invoice(DEFAULT_HELD_OUT_4_SEED, index)));
    const again = Array.from({ length: 12 }, (_, index) => heldOut4Truth(drawHeldOut4Invoice(DEFAULT_HELD_OUT_4_SEED, index)));
    expect(again).toEqual(first);
    const earlier: readonly string[] = [...LAYOUTS, ...HELD_OUT_LAYOUTS, ...HELD_OUT_2_LAYOUTS, ...HELD_OUT_3_LAYOUTS];
    expect(HELD_OUT_4_LAYOUTS.filter((layout) => earlier.includes(layout))).toEqual([]);
  });

  it('draws what it is meant to test: many countries and legal forms, sole traders, valid ids, the number printed once', () => {
    const countries = new Set<string>();
    const forms = new Set<string>();
    const styles = new Set<string>();
    let soleTraders = 0;
    for (let index = 0; index < 160; index += 1) {
      const invoice = drawHeldOut4Invoice(DEFAULT_HELD_OUT_4_SEED, index);
      const model = asModel4(invoice);
      countries.add(invoice.sellerParty.country.code);
      if (invoice.sellerParty.legalForm) forms.add(invoice.sellerParty.legalForm);
      else soleTraders += 1;
      styles.add(invoice.numberStyle);
      expect(invoice.buyer!.name).not.toBe(invoice.seller.name);
      expect(invoice.sellerParty.split.join(' ')).toBe(invoice.seller.name);
      if (invoice.seller.vatIdPrinted) expect(isValidVatId(invoice.seller.vatIdPrinted.replace(/\s/g, ''))).toBe(true);
      if (invoice.ibanPrinted) expect(isValidIBAN(electronicFormatIBAN(invoice.ibanPrinted)!)).toBe(true);
      expect(invoice.expectedIssues.some((issue) => issue === 'iban_checksum' || issue === 'vat_id_checksum')).toBe(false);
      // The own number is in exactly one of: a header row, the title, a box or a sentence.
      const inRow = headerRows(invoice, model).some((row) => row.value === invoice.invoiceNumber);
      expect(inRow).toBe(invoice.numberStyle === 'row');
      expect(heading(invoice, model).includes(invoice.invoiceNumber)).toBe(invoice.numberStyle === 'title');
    }
    expect(countries.size).toBeGreaterThanOrEqual(18);
    expect(forms.size).toBeGreaterThanOrEqual(35);
    expect(soleTraders).toBeGreaterThan(10);
    expect(styles.size).toBe(4);
  });

  it.each(HELD_OUT_4_LAYOUTS.map((layout, index) => [layout, index] as const))("prints the %s layout's truth values in the text layer", async (_layout, index) => {
    for (const offset of [0, 4, 8, 12, 16, 20]) {
      const invoice = drawHeldOut4Invoice(DEFAULT_HELD_OUT_4_SEED, index + offset);
      const truth = heldOut4Truth(invoice);
      const path = join(folder, `${invoice.id}.pdf`);
      writeFileSync(path, await renderHeldOut4Pdf(invoice));
      const text = squeeze(execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }));
      expect(text).toContain(truth.invoice_number);
      expect(text).toContain(truth._printed.issue_date);
      // The name whole, or (split-name layout) each of its two printed lines.
      for (const part of invoice.layout === 'split-name-header' ? invoice.sellerParty.split : [truth.vendor_name]) expect(text).toContain(squeeze(part));
      expect(text).toContain(squeeze(invoice.buyer!.name));
      expect(text).toContain(squeeze(money(asModel4(invoice), invoice.gross)));
      // Footer-only sellers: the legal name is printed nowhere above the footer's company column.
      if (invoice.layout === 'footer-seller' && !invoice.sellerParty.soleTrader) expect(text.indexOf(squeeze(truth.vendor_name))).toBeGreaterThan(text.indexOf(squeeze(money(asModel4(invoice), invoice.gross))));
    }
  });
});
