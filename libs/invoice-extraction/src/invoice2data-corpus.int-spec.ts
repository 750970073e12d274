import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Decimal from 'decimal.js';
import { readPdfTextLayout } from '@conveyor/document-reading';
import { extractInvoiceFields, type FieldExtraction } from './extract-invoice-fields';

/**
 * Real issuer invoices with text layers (shared corpus, invoices/invoice2data), scored against the corpus's
 * ground truth with its normalisers. This set was the DEVELOPMENT set of the rules: it guards against
 * regressions, it does not measure accuracy (bench/extraction does, on documents no rule was written against).
 */
const FILES = resolve(__dirname, '../../../../shared/corpus/invoices/invoice2data/files');
const FIELDS: Record<string, keyof FieldExtraction['fields']> = {
  invoice_number: 'invoiceNumber', issue_date: 'issueDate', due_date: 'dueDate', currency: 'currency', total_gross: 'totalGross', total_net: 'totalNet',
  seller_vat_id: 'vendorVatId', iban: 'iban',
};

/** Known misses, kept visible: AWS prints no net label (its net is "AWS Service Charges"); it is not inferred from gross − tax. */
const KNOWN_MISSES: Record<string, string[]> = { AmazonWebServices: ['total_net'] };

function normalised(key: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (key.startsWith('total_')) return new Decimal(String(value)).toFixed(2);
  return String(value).toUpperCase().replace(/[\s.-]/g, '');
}

describe('invoice2data PDFs (development set), through the real text-layer reader', () => {
  beforeAll(() => {
    if (!existsSync(FILES)) throw new Error(`the shared corpus is missing: expected ${FILES}`);
  });

  it.each(['AmazonWebServices', 'SammyMaystoneLinesTest', 'coolblue1', 'coolblue2', 'free_fiber'])('%s: every core field printed in the text layer', async (name) => {
    const truth = JSON.parse(readFileSync(join(FILES, `${name}.core.json`), 'utf8'));
    const result = extractInvoiceFields(await readPdfTextLayout(readFileSync(join(FILES, `${name}.pdf`))));
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    for (const [key, field] of Object.entries(FIELDS)) {
      if (!(key in truth) || truth._visible_in_text_layer?.[key] === false || KNOWN_MISSES[name]?.includes(key)) continue;
      expected[key] = normalised(key, truth[key]);
      actual[key] = normalised(key, result.fields[field]?.value);
    }
    expect(actual).toEqual(expected);
    for (const key of KNOWN_MISSES[name] ?? []) expect(result.fields[FIELDS[key]]?.value).toBeUndefined();
    for (const field of Object.values(result.fields)) expect(field).toMatchObject({ source: 'text', page: expect.any(Number), bbox: expect.any(Object) });
  }, 60_000);

  it('coolblue1: the vendor, and the items with their amounts, quantities and rates', async () => {
    const upstream = JSON.parse(readFileSync(join(FILES, 'coolblue1.json'), 'utf8'))[0].lines.filter((line: { name?: string }) => line.name);
    const result = extractInvoiceFields(await readPdfTextLayout(readFileSync(join(FILES, 'coolblue1.pdf'))));
    expect(result.fields.vendorName?.value).toBe('Coolblue B.V.');
    const read = result.lineItems.map((item) => ({ name: item.description, qty: Number(item.quantity), subtotal: Number(item.amount), tax: Number(item.taxRate) }));
    const truth = upstream.map((line: any) => ({ name: line.name, qty: line.qty, subtotal: line.price_subtotal, tax: line.line_tax_percent }));
    const byName = (a: { name: string | null }, b: { name: string | null }) => String(a.name).localeCompare(String(b.name));
    expect(read.sort(byName)).toEqual(truth.sort(byName));
  }, 60_000);
});
