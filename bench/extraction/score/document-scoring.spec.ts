import type { ExtractedField, ExtractionResult } from '@conveyor/documents';
import { scoreDocument } from './document-scoring';
import { emptyTruth, type TruthDocument } from './truth-document';

const field = (value: string, confidence = 0.95): ExtractedField => ({ value, confidence, source: 'text', page: 1, bbox: null });

function result(fields: ExtractionResult['fields'], overrides: Partial<ExtractionResult> = {}): ExtractionResult {
  return { file: 'x.pdf', sha256: '0'.repeat(64), kind: 'pdf-text', pages: 1, fields, lineItems: [], issues: [], ...overrides };
}

function truth(): TruthDocument {
  const document = emptyTruth({ set: 'test', id: 'doc', file: '/dev/null', intendedPath: 'text' });
  document.expected = { vendor_name: 'Lieferant GmbH', invoice_number: 'RE-1', issue_date: '2024-03-07', total_gross: '963.11', total_tax: '153.77', currency: 'EUR' };
  document.printed = { total_gross: '963.12' };
  document.invisible = new Set(['total_tax']);
  document.expectedFlags = [{ reason: 'page_differs_from_xml', fields: ['totalGross'] }];
  return document;
}

describe('scoring one document', () => {
  it('scores what the page prints on the text path, with invisible fields in the inferable bucket', () => {
    const score = scoreDocument(truth(), result({ vendorName: field('LIEFERANT GMBH'), invoiceNumber: field('No. RE-1'), issueDate: field('2024-03-07'), totalGross: field('963.12'), totalTax: field('153.78'), currency: field('EUR') }), null, 5);
    const byField = new Map(score.fields.map((outcome) => [outcome.field, outcome]));
    expect(byField.get('total_gross')).toMatchObject({ truth: '963.12', correct: true, exact: true });
    expect(byField.get('total_tax')).toMatchObject({ bucket: 'inferable', correct: false });
    expect(byField.get('vendor_name')).toMatchObject({ correct: true, exact: false });
    expect(score.allCoreCorrect).toBe(true);
    expect(score.flags).toEqual([{ reason: 'page_differs_from_xml', raised: false }]);
  });

  it('scores against the XML when the values came from XML, and sees a raised flag', () => {
    const xml = (value: string): ExtractedField => ({ value, confidence: 1, source: 'xml', page: null, bbox: null });
    const score = scoreDocument(
      truth(),
      result(
        { vendorName: xml('Lieferant GmbH'), invoiceNumber: xml('RE-1'), issueDate: xml('2024-03-07'), totalGross: xml('963.11'), currency: xml('EUR') },
        { kind: 'einvoice', issues: [{ code: 'PRINTED_TOTAL_DIFFERS', severity: 'warning', message: 'page says 963,12', fields: ['totalGross'] }] },
      ),
      null,
      5,
    );
    expect(score.path).toBe('xml');
    expect(score.fields.find((outcome) => outcome.field === 'total_gross')).toMatchObject({ truth: '963.11', correct: true, flagged: true });
    expect(score.fields.find((outcome) => outcome.field === 'total_tax')).toMatchObject({ bucket: 'visible', predicted: null });
    expect(score.flags[0].raised).toBe(true);
  });

  it('fails the core share on one wrong core field and counts a wrong sign', () => {
    const score = scoreDocument(truth(), result({ vendorName: field('Lieferant GmbH'), invoiceNumber: field('RE-1'), issueDate: field('2024-07-03'), totalGross: field('-963.12'), currency: field('EUR') }), null, 5);
    expect(score.allCoreCorrect).toBe(false);
    expect(score.fields.find((outcome) => outcome.field === 'total_gross')).toMatchObject({ correct: false, signError: true });
  });

  it('does not hold a core field the page does not print against the page', () => {
    const document = truth();
    document.invisible.add('vendor_name');
    const score = scoreDocument(document, result({ vendorName: field('Sammy Maystone'), invoiceNumber: field('RE-1'), issueDate: field('2024-03-07'), totalGross: field('963.12'), currency: field('EUR') }), null, 5);
    expect(score.fields.find((outcome) => outcome.field === 'vendor_name')).toMatchObject({ bucket: 'inferable', correct: false });
    expect(score.allCoreCorrect).toBe(true);
  });

  it('counts every truth of an unextracted document as a miss', () => {
    const score = scoreDocument(truth(), null, 'UNSUPPORTED_YET', 5);
    expect(score.path).toBe('unextracted');
    expect(score.fields.every((outcome) => outcome.predicted === null && !outcome.correct)).toBe(true);
    expect(score.fields).toHaveLength(6);
  });

  it('treats a value found where the complete truth has none as a false positive', () => {
    const document = truth();
    document.complete = true;
    const score = scoreDocument(document, result({ dueDate: field('2024-04-07') }), null, 5);
    expect(score.fields.find((outcome) => outcome.field === 'due_date')).toMatchObject({ truth: null, predicted: '2024-04-07', correct: false });
  });
});
