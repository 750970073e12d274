import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { startApiTestApp, type ApiTestApp } from '../api/api-test-app';
import { signedInUsers } from '../api/signed-in-users';
import { intakeRun, prepareInvoiceIntake, stepOf, taskOfRun, uploadDocument } from './invoice-intake-harness';

jest.setTimeout(180_000);

const invoices = resolve(__dirname, '../../../shared/corpus/invoices/einvoice/fnfe-facturx/files');
// A Factur-X invoice for order PO201925478: 1 × support at 60.00, 3 × paper at 30.00, 1 × call at 7.00.
const INVOICE = 'Facture_F20220024-LE_FOURNISSEUR-POUR-LE_CLIENT_EN_16931.pdf';

/**
 * 3-way matching inside workflows/invoice-intake.yaml, with master data loaded through the API (CSV imports):
 * the invoice's paper line bills 3 where only 2 were received, so the run waits for an accountant with
 * QTY_OVER_RECEIVED and its evidence; an unknown order and a bad CSV are refused with reasons.
 */
describe('invoice intake: matching against purchase orders and goods receipts', () => {
  let api: ApiTestApp;
  const people = signedInUsers(() => api);
  const as = people.as;
  const csv = (kind: string, body: string, who = 'clerk') =>
    request(api.server).post(`/api/purchasing/import/${kind}`).set(as(who)).set('Content-Type', 'text/csv').send(body);

  beforeAll(async () => {
    if (!existsSync(invoices)) throw new Error(`the shared corpus is missing: expected ${invoices}`);
    api = await startApiTestApp({ PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_TIME_COST: '1' });
    await prepareInvoiceIntake(api, people);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('loads vendors, orders and receipts from CSV, all or nothing, and only for accountants and admins', async () => {
    await csv('vendors', 'name;vat_ids;ibans\nLE FOURNISSEUR;FR11123456782;FR20 1254 2547 2569 8542 5874 698\n').expect(201);
    await csv('vendors', 'name\nSomeone\n', 'auditor').expect(403);
    const refused = await csv('purchase-orders', 'po_number,vendor_name,currency,line_no,description,quantity,unit_price\nPO-X,Nobody Ltd,EUR,1,Thing,1,5\n').expect(422);
    expect(refused.body.error.message).toContain('no vendor named "Nobody Ltd"');
    await csv('purchase-orders', [
      'po_number,vendor_name,currency,line_no,item_code,description,quantity,unit_price,tax_rate',
      'PO201925478,LE FOURNISSEUR,EUR,1,,Prestation support,1,60.00,0',
      'PO201925478,LE FOURNISSEUR,EUR,2,,Fournitures papier,3,30.00,20',
      'PO201925478,LE FOURNISSEUR,EUR,3,,Appel,1,7.00,20',
    ].join('\n')).expect(201);
    const receipts = 'po_number,reference,received_at,po_line_no,quantity\nPO201925478,BL-1,2022-01-20,1,1\nPO201925478,BL-1,2022-01-20,2,2\nPO201925478,BL-1,2022-01-20,3,1\n';
    expect((await csv('goods-receipts', receipts).expect(201)).body).toEqual({ kind: 'goods-receipts', rows: 3, saved: 1 });
    // The same delivery note again changes nothing.
    expect((await csv('goods-receipts', receipts).expect(201)).body).toEqual({ kind: 'goods-receipts', rows: 3, saved: 0 });
    const order = (await request(api.server).get('/api/purchase-orders/PO201925478').set(as('auditor')).expect(200)).body;
    expect(order.lines.map((line: any) => [line.lineNo, line.quantity, line.unitPrice])).toEqual([[1, '1', '60'], [2, '3', '30'], [3, '1', '7']]);
  });

  it('holds the invoice billing more than was received, with the evidence, for an accountant', async () => {
    const documentId = await uploadDocument(api, as('uploader'), readFileSync(join(invoices, INVOICE)), INVOICE);
    const run = await intakeRun(api, documentId, ['waiting']);
    const match = stepOf(run, 'match_po').outputs;
    expect(match).toMatchObject({ mode: '3-way', purchaseOrderNumber: 'PO201925478', status: 'exceptions', blocking: true });
    expect(match.lines.map((line: any) => [line.invoiceLineIndex, line.poLineNo])).toEqual([[0, 1], [1, 2], [2, 3]]);
    expect(match.exceptions).toEqual([expect.objectContaining({ code: 'QTY_OVER_RECEIVED', evidence: expect.objectContaining({ poLine: 2, invoicedQuantity: '3', receivedQuantity: '2' }) })]);
    const task = await taskOfRun(api, as('clerk'), run.id);
    expect(task.context.issues.map((issue: any) => issue.code)).toContain('QTY_OVER_RECEIVED');
    const audit = (await request(api.server).get('/api/audit').query({ entityType: 'purchase-order' }).set(as('auditor')).expect(200)).body.items;
    expect(audit.map((record: any) => record.action).sort()).toEqual(['goods-receipt.recorded', 'purchase-order.saved']);
  });
});
