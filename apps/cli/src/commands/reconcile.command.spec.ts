import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Spawns the real CLI, offline: reads the two files only.
const REPOSITORY_ROOT = resolve(__dirname, '../../../..');
const CLI = join(REPOSITORY_ROOT, 'apps/cli/bin/conveyor.js');

function conveyor(...args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { cwd: REPOSITORY_ROOT, timeout: 60_000 }, (error, stdout) => {
      done({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout });
    });
  });
}

const entry = (amount: string, day: string, reference: string, creditor: string, iban: string, bankReference: string): string => `
      <Ntry>
        <Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
        <BookgDt><Dt>${day}</Dt></BookgDt><ValDt><Dt>${day}</Dt></ValDt><AcctSvcrRef>${bankReference}</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
          <RltdPties><Cdtr><Nm>${creditor}</Nm></Cdtr><CdtrAcct><Id><IBAN>${iban}</IBAN></Id></CdtrAcct></RltdPties>
          <RmtInf><Ustrd>${reference}</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>`;

/** A camt.053.001.02 statement with three debits: a referenced payment, a combined one and a card payment. */
const CAMT053 = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>CLI-SPEC-1</MsgId><CreDtTm>2026-03-31T20:00:00+02:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>2026-03</Id><CreDtTm>2026-03-31T20:00:00+02:00</CreDtTm>
      <Acct><Id><IBAN>DE44500105175407324931</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">10000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">7925.40</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-31</Dt></Dt></Bal>
      ${entry('1190.00', '2026-03-20', 'Rechnung Nr. lNV-2O26-OO42', 'NORDWIND MASCHINENBAU', 'DE89370400440532013000', 'BR-1')}
      ${entry('850.00', '2026-03-24', 'Sammelzahlung', 'Kestrel Packaging Ltd', 'GB29NWBK60161331926819', 'BR-2')}
      ${entry('34.60', '2026-03-25', 'VISA 4711 AMAZON EU', 'AMAZON EU', 'LU28001094000000000000', 'BR-3')}
    </Stmt>
  </BkToCstmrStmt>
</Document>`;

const OPEN_ITEMS = [
  { id: 'OI-1', vendorName: 'Nordwind Maschinenbau GmbH', vendorIban: 'DE89370400440532013000', invoiceNumber: 'INV-2026-0042', currency: 'EUR', amount: '1190.00', issueDate: '2026-03-01', dueDate: '2026-03-31' },
  { id: 'OI-2', vendorName: 'Kestrel Packaging Ltd', vendorIban: 'GB29NWBK60161331926819', invoiceNumber: 'KP-881', currency: 'EUR', amount: '500.00', issueDate: '2026-03-02', dueDate: '2026-03-30' },
  { id: 'OI-3', vendorName: 'Kestrel Packaging Ltd', vendorIban: 'GB29NWBK60161331926819', invoiceNumber: 'KP-882', currency: 'EUR', amount: '350.00', issueDate: '2026-03-05', dueDate: '2026-04-04' },
  { id: 'OI-4', vendorName: 'Lotus Foods SA', vendorIban: null, invoiceNumber: '2026/77', currency: 'EUR', amount: '1190.00', issueDate: '2026-03-10', dueDate: '2026-04-10' },
];

describe('conveyor reconcile --open-items <file> --statement <file> --json', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'conveyor-reconcile-'));
  const statement = join(scratch, 'march.camt053.xml');
  const openItemsJson = join(scratch, 'open-items.json');
  writeFileSync(statement, CAMT053);
  writeFileSync(openItemsJson, JSON.stringify(OPEN_ITEMS));

  it('prints exactly { matches, exceptions } with "<statement>:<transaction>" ids, decisions, scores and reasons', async () => {
    const { code, stdout } = await conveyor('reconcile', '--open-items', openItemsJson, '--statement', statement, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['matches', 'exceptions']);
    expect(result.matches).toHaveLength(2);
    for (const match of result.matches) {
      expect(Object.keys(match)).toEqual(['transactionId', 'allocations', 'decision', 'score', 'reasons']);
      expect(match.score).toBeGreaterThan(0);
      expect(match.score).toBeLessThanOrEqual(1);
      expect(match.reasons.length).toBeGreaterThan(0);
      for (const allocation of match.allocations) expect(Object.keys(allocation)).toEqual(['openItemId', 'amount']);
    }
    expect(result.matches[0]).toMatchObject({ transactionId: '0:0', decision: 'auto', allocations: [{ openItemId: 'OI-1', amount: '1190.00' }] });
    expect(result.matches[1]).toMatchObject({
      transactionId: '0:1',
      decision: 'auto',
      allocations: [
        { openItemId: 'OI-2', amount: '500.00' },
        { openItemId: 'OI-3', amount: '350.00' },
      ],
    });
    expect(result.exceptions).toEqual([{ code: 'PAYMENT_UNMATCHED', transactionId: '0:2', openItemIds: [], message: expect.any(String) }]);
  }, 60_000);

  it('reads open items from CSV too', async () => {
    const csv = join(scratch, 'open-items.csv');
    const header = Object.keys(OPEN_ITEMS[0]);
    writeFileSync(csv, [header.join(';'), ...OPEN_ITEMS.map((item) => header.map((key) => (item as Record<string, unknown>)[key] ?? '').join(';'))].join('\n'));
    const { code, stdout } = await conveyor('reconcile', '--open-items', csv, '--statement', statement, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).matches.map((match: { transactionId: string }) => match.transactionId)).toEqual(['0:0', '0:1']);
  }, 60_000);

  it.each([
    ['invalid open items', () => writeAndReturn('bad-items.json', '[{"id": "x"}]'), () => statement, 1, 'OPEN_ITEMS_INVALID'],
    ['a statement that is no statement', () => openItemsJson, () => writeAndReturn('notes.txt', 'hello, this is not a bank statement'), 1, 'STATEMENT_FORMAT_UNKNOWN'],
    ['a missing statement file', () => openItemsJson, () => join(scratch, 'missing.xml'), 2, 'FILE_UNREADABLE'],
  ])('answers %s with a JSON error and a non-zero exit', async (_case, openItems, statementFile, exitCode, errorCode) => {
    const { code, stdout } = await conveyor('reconcile', '--open-items', openItems(), '--statement', statementFile(), '--json');
    expect(code).toBe(exitCode);
    expect(JSON.parse(stdout).error).toMatchObject({ code: errorCode, message: expect.any(String) });
  }, 60_000);

  function writeAndReturn(name: string, text: string): string {
    const file = join(scratch, name);
    writeFileSync(file, text);
    return file;
  }
});
