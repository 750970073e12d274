import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { startApiTestApp, type ApiTestApp } from '../api/api-test-app';
import { signedInUsers } from '../api/signed-in-users';
import { camt053 } from './camt053-fixture';

jest.setTimeout(180_000);

const CORPUS = resolve(__dirname, '../../../shared/corpus/bank');

const ACCOUNT = 'DE89370400440532013000';
const MULLER = { name: 'Müller Bürobedarf GmbH', iban: 'DE02120300000000202051' };
const WEBER = { name: 'Weber Consulting AG', iban: 'DE75512108001245126199' };

const march = camt053({ iban: ACCOUNT, statementId: 'STMT-2026-03', opening: '10000.00', from: '2026-03-01', to: '2026-03-31', entries: [
  { amount: '-1190.50', date: '2026-03-10', ...MULLER, reference: 'RE-2026-0042', bankReference: 'BK-0001' },
  { amount: '-300.00', date: '2026-03-13', ...WEBER, reference: 'Rechnungen W-77 und W-78', bankReference: 'BK-0002' },
  { amount: '-9.90', date: '2026-03-14', name: 'Café Central', reference: 'Kaffee' },
  { amount: '-9.90', date: '2026-03-14', name: 'Café Central', reference: 'Kaffee' },
] });

/**
 * Bank reconciliation as accountants meet it: a camt.053 uploaded through document intake starts
 * workflows/bank-reconciliation.yaml (import, reconcile); open items come through the API and CSV; a person
 * confirms a suggestion, which settles the invoice; every decision is in the audit trail; importing the same
 * statement again adds nothing; a statement whose balances do not add up waits in an accountant's inbox.
 */
describe('bank reconciliation through the API', () => {
  let api: ApiTestApp;
  const people = signedInUsers(() => api);
  const as = people.as;

  async function runFor(documentId: string, statuses: string[]): Promise<any> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const runs = await api.platform.runs.list({ workflowId: 'bank-reconciliation', limit: 50 });
      for (const summary of runs.items) {
        const run = await api.platform.runs.get(summary.id);
        if (run.inputs['documentId'] === documentId && statuses.includes(run.status)) return run;
      }
      if (Date.now() > deadline) throw new Error(`no ${statuses.join('|')} reconciliation run for document ${documentId}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  async function upload(bytes: Buffer, fileName: string, mediaType = 'application/xml'): Promise<string> {
    const response = await request(api.server).post('/api/documents').set(as('clerk')).attach('files', bytes, fileName).expect(201);
    expect(response.body.items[0]).toMatchObject({ mediaType });
    expect(response.body.items[0].error ?? null).toBeNull();
    return response.body.items[0].id;
  }

  beforeAll(async () => {
    api = await startApiTestApp({ PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_TIME_COST: '1' });
    await people.add('clerk', ['accountant']);
    await people.add('reader', ['auditor']);
    const published = await api.platform.workflows.publish(readFileSync(resolve(__dirname, '../../workflows/bank-reconciliation.yaml'), 'utf8'), { id: 'test' });
    expect(published.ok ? [] : published.problems).toEqual([]);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('imports an uploaded statement, proposes matches, settles a confirmed one and keeps the decisions in the audit trail', async () => {
    const documentId = await upload(march, 'camt053-2026-03.xml');
    const first = await runFor(documentId, ['succeeded', 'failed']);
    expect(first.status).toBe('succeeded');
    expect(first.steps.find((step: any) => step.stepId === 'import').outputs).toMatchObject({ format: 'camt.053', added: 4, duplicatesSkipped: 0, blocking: false });
    // No open items yet: every line is unmatched, nothing blocks, nobody is asked.
    expect(first.steps.find((step: any) => step.stepId === 'reconcile').outputs).toMatchObject({ lines: 4, autoMatched: 0, suggested: 0, blocking: false });
    expect(first.steps.find((step: any) => step.stepId === 'review').status).toBe('skipped');

    await request(api.server).post('/api/open-items').set(as('reader')).send({}).expect(403);
    const created = await request(api.server).post('/api/open-items').set(as('clerk')).send({ items: [
      { id: 'AP-1', vendorName: MULLER.name, vendorIban: MULLER.iban, invoiceNumber: 'RE-2026-0042', currency: 'EUR', amount: '1190.50', issueDate: '2026-02-27', dueDate: '2026-03-27' },
    ] }).expect(201);
    expect(created.body.created).toHaveLength(1);
    const csv = 'id,vendorName,vendorIban,invoiceNumber,currency,amount,issueDate,dueDate\n' +
      `AP-2,${WEBER.name},${WEBER.iban},W-77,EUR,100.00,2026-03-01,2026-03-31\nAP-3,${WEBER.name},${WEBER.iban},W-78,EUR,200.00,2026-03-02,2026-03-31\n`;
    const imported = await request(api.server).post('/api/open-items/import').set(as('clerk')).set('content-type', 'text/csv').send(csv).expect(201);
    expect(imported.body).toMatchObject({ alreadyKnown: 0 });
    expect(imported.body.created).toHaveLength(2);
    const badCsv = await request(api.server).post('/api/open-items/import').set(as('clerk')).set('content-type', 'text/csv').send('id,vendorName,currency,amount\nX,Y,EURO,1\n');
    expect(badCsv.status).toBe(422);

    // Nobody trusts the engine alone this time: everything it finds is a suggestion.
    const run = await request(api.server).post('/api/reconciliation/run').set(as('clerk')).send({ autoThreshold: 1 }).expect(200);
    expect(run.body).toMatchObject({ lines: 4, autoMatched: 0, suggested: 2, unmatched: 2 });
    const suggestions = (await request(api.server).get('/api/reconciliation/suggestions').set(as('reader')).expect(200)).body.items;
    expect(suggestions).toHaveLength(2);
    const muller = suggestions.find((item: any) => item.transaction.counterpartyName === MULLER.name);
    expect(muller.openItems.map((item: any) => item.externalId)).toEqual(['AP-1']);
    expect(muller.reasons.join(' ')).toMatch(/invoice number/);

    await request(api.server).post(`/api/reconciliation/matches/${muller.id}/confirm`).set(as('reader')).send({}).expect(403);
    const confirmed = await request(api.server).post(`/api/reconciliation/matches/${muller.id}/confirm`).set(as('clerk')).send({ note: 'checked' }).expect(200);
    expect(confirmed.body).toMatchObject({ decision: 'confirmed', allocations: [{ amount: '1190.50', currency: 'EUR' }] });
    await request(api.server).post(`/api/reconciliation/matches/${muller.id}/confirm`).set(as('clerk')).send({}).expect(409);
    const paid = (await request(api.server).get('/api/open-items?status=paid').set(as('reader')).expect(200)).body.items;
    expect(paid).toEqual([expect.objectContaining({ externalId: 'AP-1', status: 'paid', amountOpen: '0.00', amount: '1190.50', settledAt: expect.any(String) })]);

    // The AP aging as of a date before the payment still shows the invoice open; as of today it is gone.
    const agingCsv = async (asOf: string) => {
      const created = await request(api.server).post('/api/reports').set(as('clerk')).send({ type: 'ap-aging', format: 'csv', parameters: { asOf, timeZone: 'UTC' } }).expect(201);
      return (await request(api.server).get(created.body.downloadUrl).set(as('clerk')).buffer(true).parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => done(null, text));
      }).expect(200)).body as string;
    };
    expect(await agingCsv('2026-04-01')).toContain('RE-2026-0042');
    expect(await agingCsv(new Date().toISOString().slice(0, 10))).not.toContain('RE-2026-0042');

    const weber = suggestions.find((item: any) => item.transaction.counterpartyName === WEBER.name);
    await request(api.server).post(`/api/reconciliation/matches/${weber.id}/reject`).set(as('clerk')).send({ note: 'pay W-77 in full, W-78 in part' }).expect(200);
    const open = (await request(api.server).get('/api/open-items?status=open').set(as('reader')).expect(200)).body.items;
    const linked = await request(api.server).post('/api/reconciliation/links').set(as('clerk')).send({
      transactionId: weber.transactionId, allocations: open.map((item: any) => ({ openItemId: item.id, amount: item.externalId === 'AP-2' ? '100.00' : '200.00' })),
    }).expect(201);
    expect(linked.body).toMatchObject({ decision: 'confirmed', source: 'manual' });

    const lines = (await request(api.server).get('/api/bank-transactions').set(as('reader')).expect(200)).body.items;
    expect(lines.map((line: any) => line.state).sort()).toEqual(['matched', 'matched', 'unmatched', 'unmatched']);
    const unmatched = (await request(api.server).get('/api/reconciliation/exceptions?status=open&code=PAYMENT_UNMATCHED').set(as('reader')).expect(200)).body.items;
    expect(unmatched).toHaveLength(2); // the two coffees; the settled lines' findings were closed by the decisions
    const resolved = await request(api.server).post(`/api/reconciliation/exceptions/${unmatched[0].id}/resolve`).set(as('clerk')).send({ resolution: 'office expense' }).expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved' });

    const trail = (await request(api.server).get('/api/audit?limit=100').set(as('reader')).expect(200)).body.items;
    const actions = trail.map((record: any) => record.action);
    expect(actions).toEqual(expect.arrayContaining(['bank-statement.imported', 'open-items.created', 'reconciliation.ran', 'reconciliation-match.confirmed',
      'reconciliation-match.rejected', 'reconciliation-match.linked', 'reconciliation-exception.resolved']));
    expect(trail.find((record: any) => record.action === 'reconciliation-match.confirmed')).toMatchObject({ entityId: muller.id, actor: expect.stringMatching(/^user:/) });

    // The reconciliation summary report counts the lines as they now stand: two matched by people, two unmatched.
    const summary = await request(api.server).post('/api/reports').set(as('clerk'))
      .send({ type: 'reconciliation-summary', format: 'csv', parameters: { from: '2026-03-01', to: '2026-03-31' } }).expect(201);
    expect(summary.body.status).toBe('succeeded');
    const csvReport = (await request(api.server).get(summary.body.downloadUrl).set(as('clerk')).buffer(true).parse((response, done) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => done(null, text));
    }).expect(200)).body as string;
    const [header, row] = csvReport.trim().split(/\r?\n/).map((line) => line.split(','));
    const cell = (name: string) => row[header.indexOf(name)];
    expect([cell('Period'), cell('Currency'), cell('Auto-matched (lines)'), cell('Suggested (lines)'), cell('Manual (lines)'), cell('Unmatched (lines)')])
      .toEqual(['2026-03', 'EUR', '0', '0', '2', '2']);
    expect(cell('Manual (amount)')).toBe('1490.50');

    // The same file again, straight to the import route: nothing is added.
    const again = await request(api.server).post('/api/bank-statements').set(as('clerk')).attach('files', march, 'again.xml').expect(201);
    expect(again.body).toMatchObject({ added: 0, duplicatesSkipped: 4 });
    const byDocument = await request(api.server).post('/api/bank-statements').set(as('clerk')).send({ documentId }).expect(201);
    expect(byDocument.body).toMatchObject({ added: 0, duplicatesSkipped: 4 });
    const refused = await request(api.server).post('/api/bank-statements').set(as('clerk')).attach('files', Buffer.from('just some text'), 'x.txt');
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'STATEMENT_INVALID', details: { reason: 'STATEMENT_FORMAT_UNKNOWN' } });
    expect((await request(api.server).get('/api/bank-statements').set(as('reader')).expect(200)).body.items).toHaveLength(1); // the same file is one statement, however often it comes
  });

  it('sends a statement whose balances do not add up to an accountant', async () => {
    const broken = camt053({ iban: ACCOUNT, statementId: 'STMT-2026-04', opening: '8490.60', closing: '1.00', from: '2026-04-01', to: '2026-04-30', entries: [
      { amount: '-50.00', date: '2026-04-02', name: 'Stadtwerke', reference: 'Abschlag April', bankReference: 'BK-0100' },
    ] });
    const documentId = await upload(broken, 'camt053-2026-04.xml');
    const waiting = await runFor(documentId, ['waiting', 'failed']);
    expect(waiting.status).toBe('waiting');
    expect(waiting.steps.find((step: any) => step.stepId === 'reconcile').outputs.blockingExceptions).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'STATEMENT_BALANCE_BREAK' })]),
    );
    const inbox = (await request(api.server).get('/api/tasks').set(as('clerk')).expect(200)).body.items;
    expect(inbox.some((task: any) => task.runId === waiting.id && task.title.startsWith('Bank reconciliation'))).toBe(true);
  });

  it('takes OFX and MT940 statement text through document intake too (a real bank file with a balance break waits for a person)', async () => {
    const ofx = await upload(readFileSync(join(CORPUS, 'ofx-ofxparse/files/bank_medium.ofx')), 'bank_medium.ofx', 'text/plain');
    // The April balance break above is still open, so this run asks an accountant too.
    const imported = await runFor(ofx, ['waiting', 'succeeded', 'failed']);
    expect(imported.status).toBe('waiting');
    expect(imported.steps.find((step: any) => step.stepId === 'import').outputs).toMatchObject({ format: 'ofx', added: 3, duplicatesSkipped: 0 });

    const mt940 = await upload(readFileSync(join(CORPUS, 'mt940-wolph/files/jejik/ing.sta')), 'ing.sta', 'text/plain');
    const waiting = await runFor(mt940, ['waiting', 'failed']);
    expect(waiting.steps.find((step: any) => step.stepId === 'import').outputs).toMatchObject({ format: 'mt940', added: 7, exceptions: [expect.objectContaining({ code: 'STATEMENT_BALANCE_BREAK' })] });
    expect(waiting.status).toBe('waiting');
  });
});
