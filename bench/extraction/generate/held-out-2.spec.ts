import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { HELD_OUT_LAYOUTS } from './held-out-model';
import { asModel2, heldOut2Truth, renderHeldOut2Pdf } from './held-out-2-layouts';
import { DEFAULT_HELD_OUT_2_SEED, drawHeldOut2Invoice, HELD_OUT_2_LAYOUTS } from './held-out-2-model';
import { LAYOUTS } from './invoice-model';
import { money } from './printed-text';

const squeeze = (text: string): string => text.replace(/\s+/g, ' ');
const CODES = ['EUR', 'USD', 'GBP', 'PLN', 'CHF', 'SEK'];

describe('second held-out invoice corpus', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'conveyor-held-out-2-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('is deterministic per seed, and its layouts are neither earlier corpus\'s', () => {
    const first = Array.from({ length: 12 }, (_, index) => heldOut2Truth(drawHeldOut2Invoice(DEFAULT_HELD_OUT_2_SEED, index)));
    const again = Array.from({ length: 12 }, (_, index) => heldOut2Truth(drawHeldOut2Invoice(DEFAULT_HELD_OUT_2_SEED, index)));
    expect(again).toEqual(first);
    const earlier: readonly string[] = [...LAYOUTS, ...HELD_OUT_LAYOUTS];
    expect(HELD_OUT_2_LAYOUTS.filter((layout) => earlier.includes(layout))).toEqual([]);
  });

  it('keeps its totals arithmetic: charges add up to the net, net + tax = gross (± a deliberate cent), gross − deposit = due', () => {
    for (let index = 0; index < 120; index += 1) {
      const invoice = drawHeldOut2Invoice(DEFAULT_HELD_OUT_2_SEED, index);
      const gap = invoice.gross.minus(invoice.net).minus(invoice.tax).abs();
      expect(gap.lte(invoice.expectedIssues.includes('totals_off_by_cent') ? '0.01' : '0')).toBe(true);
      expect(invoice.taxGroups.reduce((sum, group) => sum.plus(group.base), new Decimal(0)).eq(invoice.net)).toBe(true);
      if (invoice.charges) expect(invoice.charges.goodsTotal.minus(invoice.charges.discount).plus(invoice.charges.shipping).eq(invoice.net)).toBe(true);
      if (invoice.prepaid) expect(invoice.gross.minus(invoice.prepaid).eq(invoice.amountDue!)).toBe(true);
      if (invoice.layout === 'credit-note') expect(invoice.creditNote && invoice.gross.isNegative() && invoice.originalInvoice !== invoice.invoiceNumber).toBe(true);
      if (invoice.layout === 'deposit' && !invoice.creditNote) expect(invoice.amountDue!.lt(invoice.gross)).toBe(true);
    }
  });

  it.each(HELD_OUT_2_LAYOUTS.map((layout, index) => [layout, index] as const))('prints the %s layout\'s truth values in the text layer', async (_layout, index) => {
    for (const offset of [0, 6, 12, 18]) {
      const invoice = drawHeldOut2Invoice(DEFAULT_HELD_OUT_2_SEED, index + offset);
      const truth = heldOut2Truth(invoice);
      const model = asModel2(invoice);
      const path = join(folder, `${invoice.id}.pdf`);
      writeFileSync(path, await renderHeldOut2Pdf(invoice));
      const text = squeeze(execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }));
      expect(text).toContain(truth.invoice_number);
      expect(text).toContain(truth._printed.issue_date);
      expect(text).toContain(squeeze(truth.vendor_name));
      expect(text).toContain(squeeze(money(model, invoice.gross)));
      if (invoice.amountDue) expect(text).toContain(squeeze(money(model, invoice.amountDue)));
      // A field is in the truth exactly when the page prints it: the top box of totals-first prints what to pay.
      if (truth.amount_due) expect(text).toContain(squeeze(money(model, new Decimal(truth.amount_due))));
      expect(truth.amount_due !== undefined).toBe(invoice.amountDue !== null || invoice.layout === 'totals-first');
      if (!truth._not_printed.includes('total_net')) expect(text).toContain(squeeze(money(model, invoice.net)));
      if (invoice.originalInvoice) expect(text).toContain(invoice.originalInvoice);
      if (!invoice.currencyLine && invoice.money.position !== 'none' && !CODES.includes(invoice.money.currencyMark)) {
        for (const code of CODES) expect(text).not.toContain(code);
      }
      if (invoice.partner) expect(text).toContain(' / ');
    }
  });
});
