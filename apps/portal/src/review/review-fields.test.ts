import { describe, expect, it } from 'vitest';
import type { ExtractOutputs, TaskView } from '../api/types';
import { decisionData, fieldProblem, reviewFields } from './review-fields';

const task = {
  id: 't1', runId: 'r1', workflowId: 'invoice-intake', stepId: 'review', title: 'Check', status: 'open', outcomes: ['approve', 'reject'],
  context: {}, version: 1, createdAt: '2026-01-01T00:00:00Z',
  formSchema: { type: 'object', properties: { invoiceNumber: { type: 'string' }, totalGross: { type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?$' }, comment: { type: 'string' } } },
} as TaskView;

const outputs: ExtractOutputs = {
  kind: 'einvoice',
  needsReview: true,
  values: {},
  fields: {
    invoiceNumber: { value: 'INV-1', confidence: 1, source: 'xml', page: null, bbox: null },
    totalGross: { value: '100.00', confidence: 0.55, source: 'ocr', page: 1, bbox: { x: 0.5, y: 0.8, width: 0.2, height: 0.03 } },
    vendorName: { value: 'ACME', confidence: 0.99, source: 'text', page: 1, bbox: null },
  },
  issues: [{ code: 'XML_TOTAL_MISMATCH', severity: 'warning', message: 'Printed total differs', fields: ['totalGross'] }],
};

describe('review fields', () => {
  it('lists extracted fields, then form-only fields, and marks low-confidence or questioned ones', () => {
    const fields = reviewFields(task, outputs);
    expect(fields.map((field) => field.name)).toEqual(['invoiceNumber', 'totalGross', 'vendorName', 'comment']);
    const byName = Object.fromEntries(fields.map((field) => [field.name, field]));
    expect(byName['totalGross'].doubtful).toBe(true);
    expect(byName['totalGross'].issues).toEqual(['Printed total differs']);
    expect(byName['invoiceNumber'].doubtful).toBe(false);
    expect(byName['vendorName'].inForm).toBe(false);
    expect(byName['comment'].extracted).toBeUndefined();
  });

  it('sends the form fields as they stand, every corrected field by name, and what was read', () => {
    const fields = reviewFields(task, outputs);
    const data = decisionData(task, fields, { totalGross: '110.00', vendorName: 'ACME GmbH' });
    expect(data).toEqual({
      invoiceNumber: 'INV-1',
      totalGross: '110.00',
      vendorName: 'ACME GmbH',
      corrections: { totalGross: { from: '100.00', to: '110.00' }, vendorName: { from: 'ACME', to: 'ACME GmbH' } },
    });
  });

  it('leaves corrections out when the form allows no other properties', () => {
    const strict = { ...task, formSchema: { ...task.formSchema, additionalProperties: false } } as TaskView;
    const data = decisionData(strict, reviewFields(strict, outputs), { totalGross: '1.00' });
    expect(data).toEqual({ invoiceNumber: 'INV-1', totalGross: '1.00' });
  });

  it('checks a value against the form pattern before the server does', () => {
    const total = reviewFields(task, outputs).find((field) => field.name === 'totalGross')!;
    expect(fieldProblem(total, '1,000.00')).toMatch(/must match/);
    expect(fieldProblem(total, '1000.00')).toBeUndefined();
  });
});
