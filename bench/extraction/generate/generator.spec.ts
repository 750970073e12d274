import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isValidIBAN, electronicFormatIBAN } from 'ibantools';
import Decimal from 'decimal.js';
import { drawGeneratedInvoice } from './generate-corpus';
import { groundTruthOf } from './ground-truth';
import { isValidVatId } from './identifiers';
import { LAYOUTS } from './invoice-model';
import { renderInvoicePdf } from './layouts';

const pdfText = (pdf: Buffer, folder: string): string => {
  const path = join(folder, 'invoice.pdf');
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
};

describe('generated invoice corpus', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'conveyor-generator-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('gives the same ground truth for the same seed, and another for another seed', () => {
    const first = Array.from({ length: 16 }, (_, index) => groundTruthOf(drawGeneratedInvoice(4711, index)));
    const again = Array.from({ length: 16 }, (_, index) => groundTruthOf(drawGeneratedInvoice(4711, index)));
    const other = Array.from({ length: 16 }, (_, index) => groundTruthOf(drawGeneratedInvoice(4712, index)));
    expect(again).toEqual(first);
    expect(other.map((truth) => truth.invoice_number)).not.toEqual(first.map((truth) => truth.invoice_number));
  });

  it('keeps each truth consistent: lines sum to the net, net + tax = gross unless a fault is declared', () => {
    for (let index = 0; index < 60; index += 1) {
      const truth = groundTruthOf(drawGeneratedInvoice(99, index));
      const lineSum = truth.line_items.reduce((sum, line) => sum.plus(line.line_net_amount), new Decimal(0));
      expect(lineSum.toFixed(2)).toBe(truth.total_net);
      const gap = new Decimal(truth.total_net).plus(truth.total_tax).minus(truth.total_gross).abs();
      expect(gap.isZero()).toBe(!truth._expected_issues.includes('totals_off_by_cent'));
      if (truth.due_date) expect(truth.due_date < truth.issue_date).toBe(truth._expected_issues.includes('due_before_issue'));
      if (truth.iban) expect(isValidIBAN(electronicFormatIBAN(truth.iban) ?? '')).toBe(!truth._expected_issues.includes('iban_checksum'));
      if (truth.vendor_vat_id) expect(isValidVatId(truth.vendor_vat_id.replace(/[\s.-]/g, ''))).toBe(!truth._expected_issues.includes('vat_id_checksum'));
      if (truth._document_type === 'credit_note') expect(new Decimal(truth.total_gross).isNegative()).toBe(true);
    }
  });

  it.each(LAYOUTS.map((layout, index) => [layout, index] as const))('renders the %s layout with its invoice number and gross total in the text layer', async (_layout, index) => {
    const invoice = drawGeneratedInvoice(4711, index);
    const truth = groundTruthOf(invoice);
    const text = pdfText(await renderInvoicePdf(invoice), folder);
    expect(text).toContain(truth.invoice_number);
    expect(text.replace(/\s+/g, ' ')).toContain(truth._printed.issue_date.replace(/\s+/g, ' '));
    expect(text).toMatch(new RegExp(`\\b${invoice.invoiceNumber.replace(/[/.-]/g, '\\$&')}\\b`));
  });
});
