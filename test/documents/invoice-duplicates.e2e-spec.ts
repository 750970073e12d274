import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { startApiTestApp, type ApiTestApp } from '../api/api-test-app';
import { signedInUsers } from '../api/signed-in-users';
import { intakeRun, prepareInvoiceIntake, stepOf, taskOfRun, uploadDocument } from './invoice-intake-harness';

jest.setTimeout(180_000);

const corpus = resolve(__dirname, '../../../shared/corpus/invoices/einvoice/ferd-zugferd233/files');

/**
 * workflows/invoice-intake.yaml with the invoice register: a second document carrying an invoice already read
 * (other bytes, same vendor and number) waits for an accountant with DUPLICATE_INVOICE and the earlier document
 * as evidence; what the accountant confirms and corrects is recorded and audited.
 */
describe('invoice intake: duplicates and confirmations', () => {
  let api: ApiTestApp;
  const people = signedInUsers(() => api);
  const as = people.as;

  beforeAll(async () => {
    if (!existsSync(corpus)) throw new Error(`the shared corpus is missing: expected ${corpus}`);
    api = await startApiTestApp({ PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_TIME_COST: '1' });
    await prepareInvoiceIntake(api, people);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('accepts the first copy untouched, holds the second as a duplicate, and records what the accountant corrects', async () => {
    const first = await uploadDocument(api, as('uploader'), readFileSync(join(corpus, 'EN16931_Einfach.pdf')), 'EN16931_Einfach.pdf');
    const accepted = await intakeRun(api, first, ['succeeded', 'failed']);
    expect(accepted.status).toBe('succeeded');
    expect(stepOf(accepted, 'duplicates').outputs).toMatchObject({ duplicate: false, checked: true });
    expect(stepOf(accepted, 'confirm').status).toBe('skipped');
    // Accepted: it now awaits payment as an open item of the ledger (529.87 EUR, in cents).
    expect(stepOf(accepted, 'record_open_item').outputs).toMatchObject({ created: true, currency: 'EUR', amountMinor: 52987, status: 'open' });

    // The same invoice (471102) with a due date added: other bytes, so intake takes it; the register does not.
    const second = await uploadDocument(api, as('uploader'), readFileSync(join(corpus, 'EN16931_Einfach_DueDate.pdf')), 'EN16931_Einfach_DueDate.pdf');
    const waiting = await intakeRun(api, second, ['waiting']);
    const duplicates = stepOf(waiting, 'duplicates').outputs;
    expect(duplicates.duplicate).toBe(true);
    expect(duplicates.duplicates).toEqual([expect.objectContaining({ documentId: first, reason: 'same-vendor-and-number', invoiceNumber: '471102' })]);
    expect(duplicates.issues).toEqual([expect.objectContaining({ code: 'DUPLICATE_INVOICE', severity: 'error', evidence: { documentIds: [first] } })]);

    const task = await taskOfRun(api, as('clerk'), waiting.id);
    expect(task.context.issues.map((issue: any) => issue.code)).toContain('DUPLICATE_INVOICE');
    await request(api.server).post(`/api/tasks/${task.id}/decide`).set(as('clerk'))
      .send({ outcome: 'approve', data: { invoiceNumber: '471102-B', comment: 'credit of the first, renumbered' } }).expect(200);

    const done = await intakeRun(api, second, ['succeeded', 'failed']);
    expect(done.status).toBe('succeeded');
    expect(stepOf(done, 'confirm').outputs).toMatchObject({ corrected: ['invoiceNumber'], corrections: [{ field: 'invoiceNumber', extracted: '471102', corrected: '471102-B' }] });
    const audit = await request(api.server).get('/api/audit').query({ entityType: 'document', entityId: second }).set(as('auditor')).expect(200);
    expect(audit.body.items.map((record: any) => record.action)).toContain('invoice.confirmed');

    // The process figures see the same story: two cases, one touchless, one duplicate, one corrected field.
    const figures = (await request(api.server).get('/api/figures/process').query({ timeZone: 'Europe/Berlin' }).set(as('clerk')).expect(200)).body;
    expect(figures.cases).toMatchObject({ uploaded: 2, started: 2, finished: 2, approved: 2, inProgress: 0 });
    expect(figures.touchless).toEqual({ count: 1, of: 2, rate: 0.5 });
    expect(figures.exceptions.byCode).toEqual([{ code: 'DUPLICATE_INVOICE', count: 1, of: 2, rate: 0.5 }]);
    expect(figures.corrections.byField).toEqual([{ field: 'invoiceNumber', count: 1, of: 2, rate: 0.5 }]);
    expect(figures.timeToDecision.byStep).toEqual([expect.objectContaining({ workflowId: 'invoice-intake', stepId: 'review', count: 1 })]);
    const split = figures.cycleTime;
    expect(split.people.count).toBe(2);
    expect(split.people.medianMs).toBeGreaterThan(0);
    expect(split.shares.machine + split.shares.queue + split.shares.people).toBeCloseTo(1, 3);
    await request(api.server).get('/api/figures/process').query({ timeZone: 'Mars/Olympus' }).set(as('clerk')).expect(400);
    await request(api.server).get('/api/figures/process').set(as('uploader')).expect(403);
  });
});
