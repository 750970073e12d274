import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuditEntry, AuditRecorder } from '@conveyor/audit';
import { DomainError, ManualClock } from '@conveyor/kernel';
import type { DocumentRecord } from '@conveyor/documents';
import { AuditStore, SqlDocumentRepository, SqlLedgerRepository, SqlProcessFactsSource } from '@conveyor/persistence';
import { BankReconciliationService } from '@conveyor/reconciliation';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '@conveyor/testing';
import { camt053, type FixtureEntry } from './camt053-fixture';

jest.setTimeout(90_000);

const ACCOUNT = 'DE89370400440532013000';
const MULLER = { name: 'Müller Bürobedarf GmbH', iban: 'DE02120300000000202051' };
const WEBER = { name: 'Weber Consulting AG', iban: 'DE75512108001245126199' };
const coffee: FixtureEntry = { amount: '-9.90', date: '2026-03-11', name: 'Café Central', reference: 'Kaffee' };

describe.each(DATABASE_KINDS)('bank reconciliation ledger over SQL (%s)', (kind) => {
  let test: TestDatabase;
  let dataSource: DataSource;
  let audit: AuditStore;
  let service: BankReconciliationService;
  const clock = new ManualClock(new Date('2026-04-01T02:00:00Z'));

  const count = async (table: string): Promise<number> => Number((await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
  const serviceWith = (recorder: AuditRecorder) => new BankReconciliationService({ repository: new SqlLedgerRepository(dataSource), audit: recorder, clock, newId: randomUUID });

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    dataSource = test.database.dataSource;
    audit = new AuditStore(dataSource, clock);
    service = serviceWith(audit);
  });
  afterAll(async () => {
    await test?.drop();
  });
  beforeEach(async () => {
    await dataSource.query(`TRUNCATE open_item_settlements, reconciliation_allocations, reconciliation_matches, reconciliation_exceptions, reconciliation_learned_rules,
      bank_transactions, bank_statements, bank_accounts, open_items, documents CASCADE`);
  });

  const march = (entries: FixtureEntry[], extra: Partial<Parameters<typeof camt053>[0]> = {}) =>
    camt053({ iban: ACCOUNT, statementId: 'STMT-2026-03', opening: '10000.00', from: '2026-03-01', to: '2026-03-31', entries, ...extra });

  it('stores a statement once: a re-import and an overlapping statement add only new lines, identical lines are all kept', async () => {
    const first = await service.importStatement({ bytes: march([
      { amount: '-1190.50', date: '2026-03-10', ...MULLER, reference: 'RE-2026-0042', bankReference: 'B-1' },
      coffee, coffee,
    ]), fileName: 'march.xml', sourceDocumentId: null }, 'user:ada');
    expect(first).toMatchObject({ format: 'camt.053', linesTotal: 3, added: 3, duplicatesSkipped: 0, exceptions: [] });
    expect(await count('bank_transactions')).toBe(3);

    const again = await service.importStatement({ bytes: march([
      { amount: '-1190.50', date: '2026-03-10', ...MULLER, reference: 'RE-2026-0042', bankReference: 'B-1' }, coffee, coffee,
    ]), fileName: 'march-again.xml', sourceDocumentId: null }, 'user:ada');
    expect(again).toMatchObject({ added: 0, duplicatesSkipped: 3 });
    expect(again.statements[0].alreadyImported).toBe(true);

    // An intraday report for the same account overlapping the first line, plus one new line.
    const overlapping = camt053({ iban: ACCOUNT, statementId: 'STMT-2026-03-B', opening: '8809.50', from: '2026-03-10', to: '2026-03-12', entries: [
      { amount: '-1190.50', date: '2026-03-10', ...MULLER, reference: 'RE-2026-0042', bankReference: 'B-1' },
      { amount: '-300.00', date: '2026-03-12', ...WEBER, reference: 'W-77 W-78', bankReference: 'B-2' },
    ] });
    const third = await service.importStatement({ bytes: overlapping, fileName: 'overlap.xml', sourceDocumentId: null }, 'user:ada');
    expect(third).toMatchObject({ added: 1, duplicatesSkipped: 1 });
    expect(await count('bank_transactions')).toBe(4);
    const coffees = await dataSource.query(`SELECT count(*)::int AS n FROM bank_transactions WHERE amount = -9.90`);
    expect(coffees[0].n).toBe(2);
    expect(await count('bank_statements')).toBe(2);
  });

  it('refuses a malformed file and stores nothing; a failure while storing rolls the whole file back', async () => {
    const broken = Buffer.from(march([coffee]).toString('utf8').replace('</Stmt>', ''));
    await expect(service.importStatement({ bytes: broken, fileName: 'broken.xml', sourceDocumentId: null }, 'user:ada'))
      .rejects.toMatchObject({ code: expect.stringMatching(/^STATEMENT_/) });
    const failingAudit: AuditRecorder = { record: async (_entry: AuditEntry) => { throw new DomainError('AUDIT_DOWN', 'the audit trail is unavailable', {}, true); } };
    await expect(serviceWith(failingAudit).importStatement({ bytes: march([coffee, coffee]), fileName: 'march.xml', sourceDocumentId: null }, 'user:ada'))
      .rejects.toMatchObject({ code: 'AUDIT_DOWN' });
    expect([await count('bank_accounts'), await count('bank_statements'), await count('bank_transactions')]).toEqual([0, 0, 0]);
  });

  it('records a balance break as a blocking exception', async () => {
    const summary = await service.importStatement({ bytes: march([coffee], { closing: '9000.00' }), fileName: 'break.xml', sourceDocumentId: null }, 'user:ada');
    expect(summary.exceptions).toEqual([expect.objectContaining({ code: 'STATEMENT_BALANCE_BREAK' })]);
    const [exception] = await service.listExceptions({ status: 'open', limit: 10 });
    expect(exception).toMatchObject({ code: 'STATEMENT_BALANCE_BREAK', blocking: true, statementId: summary.statements[0].id });
  });

  it('auto-matches and settles, proposes the rest, records findings once, and a person confirms, rejects or links a split', async () => {
    await service.importStatement({ bytes: march([
      { amount: '-1190.50', date: '2026-03-10', ...MULLER, reference: 'RE-2026-0042' },
      { amount: '-300.00', date: '2026-03-13', ...WEBER, reference: 'W-77 W-78' },
      coffee,
    ]), fileName: 'march.xml', sourceDocumentId: null }, 'user:ada');
    const { created } = await service.createOpenItems([
      { id: 'AP-1', vendorName: MULLER.name, vendorIban: MULLER.iban, invoiceNumber: 'RE-2026-0042', currency: 'EUR', amount: '1190.50', issueDate: '2026-02-27', dueDate: '2026-03-27' },
      { id: 'AP-2', vendorName: WEBER.name, vendorIban: WEBER.iban, invoiceNumber: 'W-77', currency: 'EUR', amount: '100.00', issueDate: '2026-03-01', dueDate: '2026-03-31' },
      { id: 'AP-3', vendorName: WEBER.name, vendorIban: WEBER.iban, invoiceNumber: 'W-78', currency: 'EUR', amount: '200.00', issueDate: '2026-03-02', dueDate: '2026-03-31' },
    ], 'user:ada');
    expect(created).toHaveLength(3);
    expect((await service.createOpenItems([{ id: 'AP-1', vendorName: 'x', invoiceNumber: 'x', currency: 'EUR', amount: '1', issueDate: '2026-01-01' }], 'user:ada')).alreadyKnown).toBe(1);

    // Nothing may decide alone: every proposal is a suggestion.
    const cautious = await service.reconcile('scheduler', 'run-1', { autoThreshold: 2 });
    expect(cautious).toMatchObject({ lines: 3, openItems: 3, autoMatched: 0, suggested: 2, unmatched: 1 });
    expect(cautious.exceptionsByCode['PAYMENT_UNMATCHED']).toBe(1);
    const repeated = await service.reconcile('scheduler', 'run-2');
    expect(repeated).toMatchObject({ lines: 1, autoMatched: 0, suggested: 0 });
    expect(await service.listExceptions({ code: 'PAYMENT_UNMATCHED', limit: 10 })).toHaveLength(1);

    const suggestions = await service.listSuggestions(10);
    expect(suggestions).toHaveLength(2);
    const muller = suggestions.find((suggestion) => suggestion.transaction?.counterpartyName === MULLER.name)!;
    expect(muller.match.reasons.length).toBeGreaterThan(0);
    const confirmed = await service.confirm(muller.match.id, 'user:ada', 'looks right');
    expect(confirmed.decision).toBe('confirmed');
    await expect(service.confirm(muller.match.id, 'user:bob')).rejects.toMatchObject({ code: 'RECONCILIATION_CONFLICT' });
    const paid = (await service.listOpenItems({ status: 'paid', limit: 10 }));
    expect(paid.map((item) => [item.externalId, item.amountMinor, item.originalAmountMinor, item.settledAt?.toISOString()]))
      .toEqual([['AP-1', 0, 119050, '2026-04-01T02:00:00.000Z']]);

    const weber = suggestions.find((suggestion) => suggestion.transaction?.counterpartyName === WEBER.name)!;
    await service.reject(weber.match.id, 'user:ada', 'wrong split');
    const afterReject = await service.reconcile('scheduler', 'run-3', { autoThreshold: 2 });
    expect(afterReject.suggested).toBe(0); // the rejected proposal is not made again
    const items = await service.listOpenItems({ status: 'open', limit: 10 });
    const link = await service.link(weber.match.transactionId, items.map((item) => ({ openItemId: item.id, amount: item.externalId === 'AP-2' ? '100.00' : '150.00' })), 'user:ada');
    expect(link).toMatchObject({ decision: 'confirmed', source: 'manual' });
    const left = await service.listOpenItems({ status: 'open', limit: 10 });
    expect(left.map((item) => [item.externalId, item.amountMinor])).toEqual([['AP-3', 5000]]);
    await expect(service.link(weber.match.transactionId, [{ openItemId: left[0].id, amount: '50.00' }], 'user:ada')).rejects.toMatchObject({ code: 'RECONCILIATION_CONFLICT' });

    const actions = (await audit.query({ limit: 50 })).items.map((record) => record.action);
    expect(actions).toEqual(expect.arrayContaining(['bank-statement.imported', 'open-items.created', 'reconciliation.ran', 'reconciliation-match.confirmed',
      'reconciliation-match.rejected', 'reconciliation-match.linked']));
  });

  it('lets the engine settle a strong match alone and learns from confirmations', async () => {
    await service.importStatement({ bytes: march([{ amount: '-1190.50', date: '2026-03-10', ...MULLER, reference: 'RE-2026-0042' }]), fileName: 'm.xml', sourceDocumentId: null }, 'user:ada');
    await service.createOpenItems([{ vendorName: MULLER.name, vendorIban: MULLER.iban, invoiceNumber: 'RE-2026-0042', currency: 'EUR', amount: '1190.50', issueDate: '2026-02-27', dueDate: '2026-03-27' }], 'user:ada');
    const run = await service.reconcile('scheduler', 'run-auto');
    expect(run).toMatchObject({ autoMatched: 1, suggested: 0 });
    expect(await service.listOpenItems({ status: 'paid', limit: 5 })).toHaveLength(1);
    expect(await count('open_item_settlements')).toBe(1);

    // A payment from another account of the vendor, confirmed by a person, teaches that IBAN as an alias.
    const otherIban = 'DE44500105175407324931';
    await service.importStatement({ bytes: camt053({ iban: ACCOUNT, statementId: 'S-APR', opening: '0', from: '2026-04-01', to: '2026-04-30', entries: [
      { amount: '-80.00', date: '2026-04-03', name: 'MB Handel', iban: otherIban, reference: 'RE-2026-0050' },
    ] }), fileName: 'april.xml', sourceDocumentId: null }, 'user:ada');
    await service.createOpenItems([{ vendorName: MULLER.name, vendorIban: MULLER.iban, invoiceNumber: 'RE-2026-0050', currency: 'EUR', amount: '80.00', issueDate: '2026-03-30', dueDate: '2026-04-30' }], 'user:ada');
    await service.reconcile('scheduler', 'run-alias', { autoThreshold: 2 });
    const [suggestion] = await service.listSuggestions(5);
    await service.confirm(suggestion.match.id, 'user:ada');
    const rules = await dataSource.query(`SELECT kind, rule_key, confirmations, status FROM reconciliation_learned_rules WHERE rule_key = $1`, [`iban:${otherIban}`]);
    expect(rules).toEqual([{ kind: 'alias', rule_key: `iban:${otherIban}`, confirmations: 1, status: 'suggest' }]);
  });

  it('gives the invoice document its time to paid once its open item is settled in full', async () => {
    const documentId = randomUUID();
    const sha256 = randomUUID().replace(/-/g, '').padEnd(64, '0');
    const document: DocumentRecord = {
      id: documentId, sha256, fileName: 'invoice.pdf', mediaType: 'application/pdf', sizeBytes: 10, pages: 1, widthPx: null, heightPx: null, status: 'stored',
      errorCode: null, errorMessage: null, storageKey: `${sha256.slice(0, 2)}/${sha256}`, duplicateOf: null, uploadedBy: 'user:ada', uploadedAt: new Date('2026-03-01T09:00:00Z'),
      announcedAt: null,
    };
    await new SqlDocumentRepository(dataSource).transaction((tx) => tx.insert(document));
    const invoice = { documentId, vendorName: MULLER.name, vendorIban: MULLER.iban, invoiceNumber: 'RE-2026-0042', currency: 'EUR', amount: '1190.50', issueDate: '2026-02-27' };
    await service.recordInvoice(invoice, 'run:intake');
    const facts = () => new SqlProcessFactsSource(dataSource).load({
      from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z'), asOf: new Date('2026-04-02T00:00:00Z'), timeZone: 'Europe/Berlin', workflowId: 'invoice-intake',
    });
    expect((await facts()).cases.find((item) => item.caseId === documentId)?.paidAt).toBeNull();
    await service.importStatement({ bytes: march([{ amount: '-1190.50', date: '2026-03-10', ...MULLER, reference: 'RE-2026-0042' }]), fileName: 'm.xml', sourceDocumentId: null }, 'user:ada');
    expect(await service.reconcile('scheduler', 'run-paid')).toMatchObject({ autoMatched: 1 });
    expect((await facts()).cases.find((item) => item.caseId === documentId)?.paidAt).toEqual(new Date('2026-04-01T02:00:00Z'));
  });
});
