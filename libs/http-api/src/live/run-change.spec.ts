import type { RunView } from '@conveyor/workflow-runtime';
import { runFingerprint, toRunChange } from './run-change';

function run(overrides: Partial<RunView> = {}): RunView {
  return {
    id: 'run-1', workflowId: 'invoice-intake', revision: 1, status: 'running', trigger: {}, createdAt: '2026-11-23T10:00:00.000Z',
    inputs: { documentId: 'doc-1', uploadedBy: 'user:u' }, events: [],
    steps: [
      {
        id: 's1', stepId: 'extract', itemIndex: null, attempt: 1, status: 'succeeded', queuedAt: '2026-11-23T10:00:00.000Z',
        outputs: { kind: 'einvoice', needsReview: true, values: { invoiceNumber: '471102', vendorName: 'Lieferant GmbH', totalGross: '529.87', iban: 'DE02120300000000202051' }, issues: [{ code: 'XML_TOTAL_MISMATCH' }] },
      },
      { id: 's2', stepId: 'review', itemIndex: null, attempt: 1, status: 'waiting', queuedAt: '2026-11-23T10:00:01.000Z' },
    ],
    ...overrides,
  } as RunView;
}

describe('live run changes', () => {
  it('carries the document, each step status and the headline of what was read (no bank details)', () => {
    const change = toRunChange(run());
    expect(change).toMatchObject({
      runId: 'run-1', status: 'running', documentId: 'doc-1',
      steps: [{ stepId: 'extract', status: 'succeeded' }, { stepId: 'review', status: 'waiting' }],
      extracted: { kind: 'einvoice', needsReview: true, values: { invoiceNumber: '471102', vendorName: 'Lieferant GmbH', totalGross: '529.87' }, issueCodes: ['XML_TOTAL_MISMATCH'] },
    });
    expect(change.extracted?.values).not.toHaveProperty('iban');
  });

  it('leaves out what the run does not have', () => {
    const change = toRunChange(run({ inputs: {}, steps: [] }));
    expect(change).not.toHaveProperty('documentId');
    expect(change).not.toHaveProperty('extracted');
  });

  it('changes its fingerprint when the run or any step moves, not otherwise', () => {
    const before = runFingerprint(toRunChange(run()));
    expect(runFingerprint(toRunChange(run()))).toBe(before);
    expect(runFingerprint(toRunChange(run({ status: 'waiting' })))).not.toBe(before);
    const moved = run();
    moved.steps[1] = { ...moved.steps[1], status: 'succeeded' };
    expect(runFingerprint(toRunChange(moved))).not.toBe(before);
  });
});
