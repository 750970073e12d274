import { buildDocumentText } from '../layout/text-lines';
import { DEFAULT_LOW_CONFIDENCE_THRESHOLD, extractInvoiceFields } from '../extract-invoice-fields';
import { ocrLayoutOf, stacked } from '../layout-builder.fixture';
import type { DocumentLayout } from '@conveyor/document-reading';
import { findLabels } from '../lexicon/label-finder';
import { collectCandidates } from './field-candidates';
import { paymentWitness } from './receipt-payment';

/** A till receipt as OCR delivers it: one column of short lines, words at OCR confidence. */
const receipt = (lines: readonly string[], confidence = 0.9) => ocrLayoutOf(stacked(0.1, 0.05, lines).map((line) => ({ ...line, confidence })));

const HEADER = ['KEDAI RUNCIT MAJU SDN BHD', '(123456-X)', 'GST ID : 000123456789', 'TAX INVOICE', 'Date: 29/10/2017 20:18'];

describe('receipt totals', () => {
  it('a garbled TOTAL line is recovered from cash tendered less change, below the auto-accept threshold', () => {
    const result = extractInvoiceFields(receipt([...HEADER, 'SUB-TOTAL 27.27', 'GST 1.64', 'ROUNDING -0.01', 'TOTAL 28.', 'CASH 50.00', 'CHANGE 21.10']));
    expect(result.fields.totalGross?.value).toBe('28.90');
    expect(result.fields.totalGross!.confidence).toBeLessThan(DEFAULT_LOW_CONFIDENCE_THRESHOLD);
  });

  it('cash less change agreeing with the TOTAL line raises its confidence', () => {
    const alone = extractInvoiceFields(receipt([...HEADER, 'TOTAL 28.90']));
    const witnessed = extractInvoiceFields(receipt([...HEADER, 'TOTAL 28.90', 'CASH RM 50.00', 'Change : RM 21.10']));
    expect(alone.fields.totalGross?.value).toBe('28.90');
    expect(witnessed.fields.totalGross?.value).toBe('28.90');
    expect(witnessed.fields.totalGross!.confidence).toBeGreaterThan(alone.fields.totalGross!.confidence);
  });

  it('the GST registration number is not a tax amount', () => {
    const layout = receipt(['SWC ENTERPRISE SDN BHD', 'GST ID : 002017808384', 'SubTotal Incl GST 41.20', 'Total 41.', 'Cash 512.00', 'Change 470.80']);
    const text = buildDocumentText(layout);
    const result = extractInvoiceFields(layout);
    const candidates = collectCandidates({ text, hits: findLabels(text), locale: result.locale, tableHeaderLines: new Set() });
    expect(candidates.filter((candidate) => candidate.field === 'totalTax').map((candidate) => candidate.value)).not.toContain('2017808384.00');
    expect(result.fields.totalGross?.value).toBe('41.20');
  });

  it('a misread cash amount does not outvote the TOTAL line', () => {
    const result = extractInvoiceFields(receipt([...HEADER, 'SUB-TOTAL 27.27', 'TOTAL 28.90', 'CASH 58.90', 'CHANGE 0.00']));
    expect(result.fields.totalGross?.value).toBe('28.90');
    expect(result.fields.totalGross!.confidence).toBeLessThan(DEFAULT_LOW_CONFIDENCE_THRESHOLD);
  });

  it('reads Malaysian GST labels: the GST-inclusive total, not the rounding or quantity lines', () => {
    const result = extractInvoiceFields(
      receipt([...HEADER, 'Total Qty 3 636', 'Total Sales (Excluding GST) : 6.00', 'Discount : 0.00', 'Total Rounding : 0.01', 'Total Sales (Inclusive of GST) : 6.36', 'CASH : 6.36', 'Change : 0.00']),
    );
    expect(result.fields.totalGross?.value).toBe('6.36');
    expect(result.fields.totalNet?.value).toBe('6.00');
  });

  it('"NETT TOTAL" on a receipt is the amount paid, not the net', () => {
    const result = extractInvoiceFields(receipt([...HEADER, 'SUB-TOTAL 27.27', 'GST 6% (incl.) 1.54', 'NETT TOTAL 27.25']));
    expect(result.fields.totalGross?.value).toBe('27.25');
  });

  it('takes "Total Payable" as the total, its decimal comma an OCR slip among dot decimals', () => {
    const result = extractInvoiceFields(receipt([...HEADER, 'DC WHITE 2.13 2 4.26', 'Total 0% supplies: 30.23', 'Total 6% supplies (Inc. GST): 17.81', 'Total Payable: 48,04']));
    expect(result.fields.totalGross?.value).toBe('48.04');
  });

  it('a dash OCR boxed as a sliver does not split its line: "CASH CHANGE - 56.10" stays one line', () => {
    const layout: DocumentLayout = receipt(['CASH 100.00', 'CASH CHANGE - 56.10']);
    const words = layout.pages[0].words;
    const dash = words.findIndex((word) => word.text === '-');
    const amount = words.findIndex((word) => word.text === '56.10');
    // the dash's box a thin stroke at mid-height, as tesseract reports it; the amount a little lower, as on a curled roll
    words[dash] = { ...words[dash], bbox: { ...words[dash].bbox, y: words[dash].bbox.y + 0.0053, height: 0.001 } };
    words[amount] = { ...words[amount], bbox: { ...words[amount].bbox, y: words[amount].bbox.y + 0.0008 } };
    const changeLine = buildDocumentText(layout).lines.find((line) => line.tokens.some((token) => token.text === 'CHANGE'))!;
    expect(changeLine.tokens.map((token) => token.text)).toEqual(['CASH', 'CHANGE', '-', '56.10']);
    expect(paymentWitness(buildDocumentText(layout), '.')?.value).toBe('43.90');
  });

  it('a payment needs both lines, the change below the cash and smaller than it, each opening its line', () => {
    const witness = (lines: readonly string[]) => paymentWitness(buildDocumentText(receipt(lines)), '.');
    expect(witness(['CASH 50.00', 'CHANGE 21.10'])).toMatchObject({ field: 'totalGross', value: '28.90', evidence: 'amount tendered less change' });
    expect(witness(['Cash): RM 5.00', 'Change : RM 0.30'])?.value).toBe('4.70');
    expect(witness(['CASH 50.00'])).toBeUndefined();
    expect(witness(['CHANGE 21.10', 'CASH 50.00'])).toBeUndefined();
    expect(witness(['CASH 10.00', 'CHANGE 21.10'])).toBeUndefined();
    expect(witness(['STRICTLY NO CASH REFUND 50.00', 'CHANGE 21.10'])).toBeUndefined();
  });
});
