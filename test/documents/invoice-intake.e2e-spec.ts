import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { samplePdf } from '../../libs/documents/src/sample-documents.fixture';
import { startApiTestApp, type ApiTestApp } from '../api/api-test-app';
import { signedInUsers } from '../api/signed-in-users';

jest.setTimeout(180_000);

const corpus = resolve(__dirname, '../../../shared/corpus/invoices');

/**
 * workflows/invoice-intake.yaml as users meet it: an upload starts the workflow, an e-invoice is read from its
 * XML, other PDFs from their pages; a clean one is accepted without anyone, one with a doubt about a field needed
 * to post or pay it waits in an accountant's inbox, and a document with nothing of an invoice in it goes to manual entry.
 */
describe('invoice intake, from upload to decision', () => {
  let api: ApiTestApp;
  const people = signedInUsers(() => api);
  const as = people.as;

  async function upload(file: string): Promise<string> {
    const response = await request(api.server).post('/api/documents').set(as('uploader')).attach('files', readFileSync(file), file.split('/').pop());
    expect(response.status).toBe(201);
    return response.body.documents?.[0]?.id ?? response.body[0]?.id ?? response.body.items?.[0]?.id;
  }

  async function intakeRun(documentId: string, statuses: string[]): Promise<any> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const runs = await api.platform.runs.list({ workflowId: 'invoice-intake', limit: 50 });
      for (const summary of runs.items) {
        const run = await api.platform.runs.get(summary.id);
        if (run.inputs['documentId'] === documentId && statuses.includes(run.status)) return run;
      }
      if (Date.now() > deadline) throw new Error(`no ${statuses.join('|')} intake run for document ${documentId}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  beforeAll(async () => {
    if (!existsSync(corpus)) throw new Error(`the shared corpus is missing: expected ${corpus}`);
    api = await startApiTestApp({ PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_TIME_COST: '1' });
    await people.add('uploader', ['uploader']);
    await people.add('clerk', ['accountant']);
    const published = await api.platform.workflows.publish(readFileSync(resolve(__dirname, '../../workflows/invoice-intake.yaml'), 'utf8'), { id: 'test' });
    expect(published.ok ? [] : published.problems).toEqual([]);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('accepts a clean e-invoice with nobody involved', async () => {
    const documentId = await upload(join(corpus, 'einvoice/ferd-zugferd233/files/EN16931_Einfach.pdf'));
    const run = await intakeRun(documentId, ['succeeded', 'failed']);
    expect(run.status).toBe('succeeded');
    const extract = run.steps.find((step: any) => step.stepId === 'extract');
    expect(extract.outputs).toMatchObject({ kind: 'einvoice', needsReview: false });
    expect(extract.outputs.values.invoiceNumber).toBeTruthy();
    expect(run.steps.find((step: any) => step.stepId === 'review')?.status).toBe('skipped');
    expect(run.steps.find((step: any) => step.stepId === 'accepted')?.status).toBe('succeeded');
  });

  it('sends an invoice whose printed total differs from its XML to an accountant, who approves it', async () => {
    const documentId = await upload(join(corpus, 'einvoice/mustang/files/MustangBeispiel20221026.pdf'));
    const waiting = await intakeRun(documentId, ['waiting']);
    const extract = waiting.steps.find((step: any) => step.stepId === 'extract');
    expect(extract.outputs.issues.map((issue: any) => issue.code)).toContain('XML_TOTAL_MISMATCH');
    const inbox = (await request(api.server).get('/api/tasks').set(as('clerk')).expect(200)).body.items;
    const task = inbox.find((candidate: any) => candidate.runId === waiting.id);
    expect(task.title).toContain('Check invoice');
    // The uploader may not approve their own upload.
    await request(api.server).post(`/api/tasks/${task.id}/decide`).set(as('uploader')).send({ outcome: 'approve', data: {} }).expect((response) => {
      expect([403, 404]).toContain(response.status);
    });
    await request(api.server).post(`/api/tasks/${task.id}/decide`).set(as('clerk')).send({ outcome: 'approve', data: { comment: 'printed total rounded' } }).expect(200);
    const done = await intakeRun(documentId, ['succeeded', 'failed']);
    expect(done.status).toBe('succeeded');
    expect(done.steps.find((step: any) => step.stepId === 'accepted')?.status).toBe('succeeded');
  });

  it('reads a born-digital PDF from its text layer and lets line items that miss the agreeing totals through, noted', async () => {
    // The line amounts miss the totals by a levy line, but net + tax = gross and every posting field is confident:
    // the doubt is about the line items, so the extraction needs no person and keeps the warning.
    const documentId = await upload(join(corpus, 'invoice2data/files/coolblue1.pdf'));
    const run = await intakeRun(documentId, ['waiting', 'succeeded', 'failed']);
    const extract = run.steps.find((step: any) => step.stepId === 'extract');
    expect(extract.outputs).toMatchObject({ kind: 'pdf-text', needsReview: false, values: { invoiceNumber: '993548900', totalGross: '717.97', totalNet: '593.36', totalTax: '124.61', currency: 'EUR' } });
    expect(extract.outputs.fields.totalGross).toMatchObject({ source: 'text', page: 1 });
    expect(extract.outputs.issues.map((issue: any) => issue.code)).toEqual(['LINE_SUM_MISMATCH']);
  });

  it('sends a born-digital PDF with an unsure posting field to an accountant', async () => {
    const documentId = await upload(join(corpus, 'invoice2data/files/AmazonWebServices.pdf'));
    const waiting = await intakeRun(documentId, ['waiting']);
    const extract = waiting.steps.find((step: any) => step.stepId === 'extract');
    expect(extract.outputs).toMatchObject({ kind: 'pdf-text', needsReview: true });
    const unsure = extract.outputs.issues.filter((issue: any) => issue.code === 'LOW_CONFIDENCE').flatMap((issue: any) => issue.fields);
    expect(unsure).toContain('totalGross');
    const inbox = (await request(api.server).get('/api/tasks').set(as('clerk')).expect(200)).body.items;
    expect(inbox.some((task: any) => task.runId === waiting.id && task.title.startsWith('Check invoice'))).toBe(true);
  });

  it('routes a document with nothing of an invoice in it to manual entry', async () => {
    const response = await request(api.server).post('/api/documents').set(as('uploader')).attach('files', samplePdf(1, 'blank'), 'blank.pdf');
    expect(response.status).toBe(201);
    const documentId = response.body.documents?.[0]?.id ?? response.body[0]?.id ?? response.body.items?.[0]?.id;
    const waiting = await intakeRun(documentId, ['waiting']);
    expect(waiting.steps.find((step: any) => step.stepId === 'extract')).toMatchObject({ status: 'failed', error: { code: 'NOT_AN_INVOICE' } });
    const inbox = (await request(api.server).get('/api/tasks').set(as('clerk')).expect(200)).body.items;
    expect(inbox.some((task: any) => task.runId === waiting.id && task.title.startsWith('Enter document'))).toBe(true);
  });
});
