import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { startApiTestApp, type ApiTestApp } from '../api/api-test-app';
import { signedInUsers } from '../api/signed-in-users';

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

  async function upload(name: string): Promise<string> {
    const response = await request(api.server).post('/api/documents').set(as('uploader')).attach('files', readFileSync(join(corpus, name)), name);
    expect(response.status).toBe(201);
    return response.body.items[0].id;
  }

  async function intakeRun(documentId: string, statuses: string[]): Promise<any> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      for (const summary of (await api.platform.runs.list({ workflowId: 'invoice-intake', limit: 50 })).items) {
        const run = await api.platform.runs.get(summary.id);
        if (run.inputs['documentId'] === documentId && statuses.includes(run.status)) return run;
      }
      if (Date.now() > deadline) throw new Error(`no ${statuses.join('|')} intake run for document ${documentId}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  const step = (run: any, id: string) => run.steps.find((candidate: any) => candidate.stepId === id);

  beforeAll(async () => {
    if (!existsSync(corpus)) throw new Error(`the shared corpus is missing: expected ${corpus}`);
    api = await startApiTestApp({ PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_TIME_COST: '1' });
    await people.add('uploader', ['uploader']);
    await people.add('clerk', ['accountant']);
    await people.add('auditor', ['auditor']);
    const published = await api.platform.workflows.publish(readFileSync(resolve(__dirname, '../../workflows/invoice-intake.yaml'), 'utf8'), { id: 'test' });
    expect(published.ok ? [] : published.problems).toEqual([]);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('accepts the first copy untouched, holds the second as a duplicate, and records what the accountant corrects', async () => {
    const first = await upload('EN16931_Einfach.pdf');
    const accepted = await intakeRun(first, ['succeeded', 'failed']);
    expect(accepted.status).toBe('succeeded');
    expect(step(accepted, 'duplicates').outputs).toMatchObject({ duplicate: false, checked: true });
    expect(step(accepted, 'confirm').status).toBe('skipped');

    // The same invoice (471102) with a due date added: other bytes, so intake takes it; the register does not.
    const second = await upload('EN16931_Einfach_DueDate.pdf');
    const waiting = await intakeRun(second, ['waiting']);
    const duplicates = step(waiting, 'duplicates').outputs;
    expect(duplicates.duplicate).toBe(true);
    expect(duplicates.duplicates).toEqual([expect.objectContaining({ documentId: first, reason: 'same-vendor-and-number', invoiceNumber: '471102' })]);
    expect(duplicates.issues).toEqual([expect.objectContaining({ code: 'DUPLICATE_INVOICE', severity: 'error', evidence: { documentIds: [first] } })]);

    const task = (await request(api.server).get('/api/tasks').set(as('clerk')).expect(200)).body.items.find((candidate: any) => candidate.runId === waiting.id);
    expect(task.context.issues.map((issue: any) => issue.code)).toContain('DUPLICATE_INVOICE');
    await request(api.server).post(`/api/tasks/${task.id}/decide`).set(as('clerk'))
      .send({ outcome: 'approve', data: { invoiceNumber: '471102-B', comment: 'credit of the first, renumbered' } }).expect(200);

    const done = await intakeRun(second, ['succeeded', 'failed']);
    expect(done.status).toBe('succeeded');
    expect(step(done, 'confirm').outputs).toMatchObject({ corrected: ['invoiceNumber'], corrections: [{ field: 'invoiceNumber', extracted: '471102', corrected: '471102-B' }] });
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
