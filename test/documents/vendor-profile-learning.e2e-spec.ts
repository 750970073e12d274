import request from 'supertest';
import { startApiTestApp, type ApiTestApp } from '../api/api-test-app';
import { signedInUsers } from '../api/signed-in-users';
import { intakeRun, prepareInvoiceIntake, stepOf, taskOfRun, uploadDocument } from './invoice-intake-harness';
import { vendorInvoicePdf } from './vendor-invoice-pdf.fixture';

jest.setTimeout(180_000);

/**
 * The learning loop of workflows/invoice-intake.yaml: a vendor prints its invoice number under an in-house label,
 * so the first invoice comes without one and waits for an accountant; the accountant types it in and approves;
 * the confirmation teaches the vendor's profile, and the vendor's next invoice is read right, from the profile.
 */
describe('invoice intake: corrections teach the vendor profile', () => {
  let api: ApiTestApp;
  const people = signedInUsers(() => api);
  const as = people.as;

  beforeAll(async () => {
    api = await startApiTestApp({ PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_TIME_COST: '1' });
    await prepareInvoiceIntake(api, people);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('reads the next invoice of a vendor right after an accountant corrected the first one', async () => {
    const first = await uploadDocument(api, as('uploader'), await vendorInvoicePdf({ number: 'NB-2026-0815', date: '12.03.2026', net: '1.250,00', tax: '237,50', gross: '1.487,50' }), 'nordlicht-1.pdf');
    const waiting = await intakeRun(api, first, ['waiting']);
    const extracted = stepOf(waiting, 'extract').outputs;
    expect(extracted.kind).toBe('pdf-text');
    expect(extracted.values.invoiceNumber ?? null).toBeNull();

    const task = await taskOfRun(api, as('clerk'), waiting.id);
    await request(api.server).post(`/api/tasks/${task.id}/decide`).set(as('clerk')).send({ outcome: 'approve', data: { invoiceNumber: 'NB-2026-0815' } }).expect(200);
    const done = await intakeRun(api, first, ['succeeded', 'failed']);
    expect(done.status).toBe('succeeded');
    expect(stepOf(done, 'confirm').outputs).toMatchObject({ corrected: ['invoiceNumber'], learned: true });

    const second = await uploadDocument(api, as('uploader'), await vendorInvoicePdf({ number: 'NB-2026-0990', date: '14.04.2026', net: '980,00', tax: '186,20', gross: '1.166,20' }), 'nordlicht-2.pdf');
    const next = await intakeRun(api, second, ['waiting', 'succeeded', 'failed']);
    const fields = stepOf(next, 'extract').outputs.fields;
    expect(fields.invoiceNumber).toMatchObject({ value: 'NB-2026-0990', source: 'vendor-profile', page: 1 });
    expect(fields.invoiceNumber.bbox).toEqual(expect.objectContaining({ x: expect.any(Number), y: expect.any(Number) }));
  });
});
