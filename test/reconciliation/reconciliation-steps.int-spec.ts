import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { ManualClock } from '@conveyor/kernel';
import { AuditStore, SqlLedgerRepository } from '@conveyor/persistence';
import {
  BankReconciliationService, createImportStatementStepType, createReconcileStepType, createRecordOpenItemStepType,
} from '@conveyor/reconciliation';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '@conveyor/testing';
import type { StepContext, StepType } from '@conveyor/workflow-engine';
import { camt053 } from './camt053-fixture';

jest.setTimeout(90_000);

const MULLER = { name: 'Müller Bürobedarf GmbH', iban: 'DE02120300000000202051' };

function contextFor(stepId: string, runId = randomUUID()): StepContext {
  return {
    runId, workflowId: 'bank-reconciliation', revision: 1, stepId, itemIndex: null, attempt: 1, idempotencyKey: `${runId}:${stepId}`,
    signal: new AbortController().signal, logger: { info: () => undefined, warn: () => undefined, error: () => undefined }, now: () => new Date(),
    services: { startChildRun: async () => { throw new Error('no child runs here'); } },
  };
}

async function execute(stepType: StepType, input: unknown, context: StepContext): Promise<any> {
  const result = await stepType.execute(stepType.parseInput(input), context);
  if (result.status !== 'succeeded') throw new Error(`step ${stepType.type} is ${result.status}`);
  return result.outputs;
}

describe.each(DATABASE_KINDS)('the import-statement, reconcile and record-open-item steps (%s)', (kind) => {
  let test: TestDatabase;
  let dataSource: DataSource;
  let files: string;
  let steps: { importStatement: StepType; reconcile: StepType; recordOpenItem: StepType };

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    dataSource = test.database.dataSource;
    files = mkdtempSync(join(tmpdir(), 'conveyor-statements-'));
    const clock = new ManualClock(new Date('2026-04-01T02:30:00Z'));
    // Stored documents are files named by their id here: the steps read them through the same port as in the platform.
    const service = new BankReconciliationService({
      repository: new SqlLedgerRepository(dataSource), audit: new AuditStore(dataSource, clock), clock, newId: randomUUID,
      readDocument: async (documentId) => ({ bytes: readFileSync(join(files, documentId)), fileName: `${documentId}.xml` }),
    });
    steps = {
      importStatement: createImportStatementStepType(service) as StepType,
      reconcile: createReconcileStepType(service) as StepType,
      recordOpenItem: createRecordOpenItemStepType(service) as StepType,
    };
  });
  afterAll(async () => {
    await test?.drop();
    rmSync(files, { recursive: true, force: true });
  });

  const storedDocument = (bytes: Buffer): string => {
    const id = randomUUID();
    writeFileSync(join(files, id), bytes);
    return id;
  };

  it('records an accepted invoice once, imports a statement, and settles the invoice when reconciled', async () => {
    const invoiceDocument = randomUUID();
    const invoice = {
      documentId: invoiceDocument, vendorName: MULLER.name, vendorIban: MULLER.iban, invoiceNumber: 'RE-2026-0042', currency: 'eur', totalGross: '1190.50',
      amountDue: null, issueDate: '2026-02-27', dueDate: '2026-03-27',
    };
    const recorded = await execute(steps.recordOpenItem, invoice, contextFor('record'));
    expect(recorded).toMatchObject({ created: true, currency: 'EUR', amountMinor: 119050, status: 'open' });
    expect(await execute(steps.recordOpenItem, invoice, contextFor('record'))).toMatchObject({ openItemId: recorded.openItemId, created: false });
    expect(() => steps.recordOpenItem.parseInput({ ...invoice, totalGross: null })).toThrow(/amountDue/);

    const statement = storedDocument(camt053({ iban: 'DE89370400440532013000', statementId: 'S-03', opening: '5000.00', from: '2026-03-01', to: '2026-03-31', entries: [
      { amount: '-1190.50', date: '2026-03-10', ...MULLER, reference: 'RE-2026-0042' },
    ] }));
    const imported = await execute(steps.importStatement, { documentId: statement }, contextFor('import'));
    expect(imported).toMatchObject({ format: 'camt.053', added: 1, duplicatesSkipped: 0, blocking: false });
    expect(await execute(steps.importStatement, { documentId: statement }, contextFor('import'))).toMatchObject({ added: 0, duplicatesSkipped: 1 });

    const context = contextFor('reconcile');
    const reconciled = await execute(steps.reconcile, { direction: 'payables' }, context);
    expect(reconciled).toMatchObject({ lines: 1, autoMatched: 1, suggested: 0, blocking: false, blockingExceptions: [] });
    // The same step again (a redelivered job): nothing left to decide, nothing decided twice.
    expect(await execute(steps.reconcile, { direction: 'payables' }, context)).toMatchObject({ lines: 0, autoMatched: 0 });
    const [item] = await dataSource.query(`SELECT status, amount_minor::int AS open, settled_at FROM open_items WHERE document_id = $1`, [invoiceDocument]);
    expect(item).toMatchObject({ status: 'paid', open: 0 });
    expect(new Date(item.settled_at).toISOString()).toBe('2026-04-01T02:30:00.000Z');
  });

  it('fails the import of a file that is not a statement with the reason, storing nothing', async () => {
    const before = Number((await dataSource.query(`SELECT count(*)::int AS n FROM bank_statements`))[0].n);
    const notAStatement = storedDocument(Buffer.from('<?xml version="1.0"?><Invoice><ID>1</ID></Invoice>'));
    await expect(execute(steps.importStatement, { documentId: notAStatement }, contextFor('import'))).rejects.toMatchObject({ code: 'STATEMENT_FORMAT_UNKNOWN' });
    expect(Number((await dataSource.query(`SELECT count(*)::int AS n FROM bank_statements`))[0].n)).toBe(before);
    expect(steps.importStatement.checkWith?.({ documentId: 'not-an-id' })).toEqual([expect.objectContaining({ path: ['documentId'] })]);
    expect(steps.reconcile.checkWith?.({ autoThreshold: 3 })).toEqual([expect.objectContaining({ path: ['autoThreshold'] })]);
  });
});
