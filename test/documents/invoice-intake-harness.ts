import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import type { Role } from '@conveyor/identity';
import type { ApiTestApp } from '../api/api-test-app';

/** The shipped workflows/invoice-intake.yaml, published as it is. */
export async function publishInvoiceIntake(api: ApiTestApp): Promise<void> {
  const published = await api.platform.workflows.publish(readFileSync(resolve(__dirname, '../../workflows/invoice-intake.yaml'), 'utf8'), { id: 'test' });
  expect(published.ok ? [] : published.problems).toEqual([]);
}

/** Uploads one file as `headers`' caller and returns the document id. */
export async function uploadDocument(api: ApiTestApp, headers: Record<string, string>, bytes: Buffer, name: string): Promise<string> {
  const response = await request(api.server).post('/api/documents').set(headers).attach('files', bytes, name).expect(201);
  return response.body.items[0].id;
}

/** Waits until the intake run of `documentId` is in one of `statuses` and returns it with its steps. */
export async function intakeRun(api: ApiTestApp, documentId: string, statuses: string[], timeoutMs = 90_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const summary of (await api.platform.runs.list({ workflowId: 'invoice-intake', limit: 50 })).items) {
      const run = await api.platform.runs.get(summary.id);
      if (run.inputs['documentId'] === documentId && statuses.includes(run.status)) return run;
    }
    if (Date.now() > deadline) throw new Error(`no ${statuses.join('|')} intake run for document ${documentId}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

export const stepOf = (run: any, id: string): any => run.steps.find((candidate: any) => candidate.stepId === id);

/** The open task of a run in `headers`' caller's inbox. */
export async function taskOfRun(api: ApiTestApp, headers: Record<string, string>, runId: string): Promise<any> {
  const inbox = (await request(api.server).get('/api/tasks').set(headers).expect(200)).body.items;
  return inbox.find((candidate: any) => candidate.runId === runId);
}

/** The people of the invoice-intake tests (an uploader, an accountant "clerk", an auditor) and the shipped workflow. */
export async function prepareInvoiceIntake(api: ApiTestApp, people: { add(key: string, roles: Role[]): Promise<void> }): Promise<void> {
  await people.add('uploader', ['uploader']);
  await people.add('clerk', ['accountant']);
  await people.add('auditor', ['auditor']);
  await publishInvoiceIntake(api);
}
