import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Spawns the real CLI, offline: reads files only.
const REPOSITORY_ROOT = resolve(__dirname, '../../../..');
const BANK_CORPUS = resolve(REPOSITORY_ROOT, '../shared/corpus/bank');
const CLI = join(REPOSITORY_ROOT, 'apps/cli/bin/conveyor.js');

function conveyor(...args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { cwd: REPOSITORY_ROOT, timeout: 60_000 }, (error, stdout) => {
      done({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout });
    });
  });
}

const TRANSACTION_KEYS = ['bookingDate', 'valueDate', 'amount', 'currency', 'counterpartyName', 'counterpartyIban', 'reference', 'endToEndId', 'bankReference', 'description'];

describe('conveyor statement <file> --json', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'conveyor-statement-'));

  it('prints { format, statements, issues } for a camt.053, the contract keys first', async () => {
    const { code, stdout } = await conveyor('statement', join(BANK_CORPUS, 'camt-viafintech/files/053/valid_example_with_debit.xml'), '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['format', 'statements', 'issues']);
    expect(result.format).toBe('camt.053');
    const [statement] = result.statements;
    expect(Object.keys(statement)).toEqual(['account', 'statementId', 'openingBalance', 'closingBalance', 'from', 'to', 'transactions']);
    expect(Object.keys(statement.transactions[0]).slice(0, TRANSACTION_KEYS.length)).toEqual(TRANSACTION_KEYS);
    expect(statement.transactions[0].amount).toMatch(/^-?\d+\.\d{2,}$/);
    expect(statement.transactions[0].dedupKey).toMatch(/^[bc]-[0-9a-f]{64}$/);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'STATEMENT_BALANCE_BREAK', statementIndex: 0 })]);
  }, 60_000);

  it('reads a CSV with a saved mapping file', async () => {
    const mapping = join(scratch, 'nordea.json');
    writeFileSync(mapping, JSON.stringify({ delimiter: ';', decimalSeparator: ',', dateFormat: 'dd-MM-yyyy', headerRows: 0, hasHeader: false, currency: 'DKK', columns: { date: 0, valueDate: 2, amount: 3, description: [1] } }));
    const { code, stdout } = await conveyor('statement', join(BANK_CORPUS, 'csv-reckon/files/danish_kroner_nordea_example/input.csv'), '--json', '--csv-mapping', mapping);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.format).toBe('csv');
    expect(result.statements[0].transactions[0]).toMatchObject({ bookingDate: '2012-11-16', amount: '-48.00', currency: 'DKK' });
    expect(result.issues).toEqual([]);
  }, 60_000);

  it('answers a malformed statement with a JSON error and exit 1', async () => {
    const { code, stdout } = await conveyor('statement', join(BANK_CORPUS, 'camt-genkgo/files/camt053.v2.wrong.xml'), '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout).error).toMatchObject({ code: 'STATEMENT_MALFORMED', message: expect.stringContaining('no Stmt') });
  }, 60_000);

  it('answers a file that is no statement with STATEMENT_FORMAT_UNKNOWN', async () => {
    const file = join(scratch, 'letter.txt');
    writeFileSync(file, 'Dear customer, please find attached.');
    const { code, stdout } = await conveyor('statement', file, '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout).error.code).toBe('STATEMENT_FORMAT_UNKNOWN');
  }, 60_000);

  it('answers a missing file with FILE_UNREADABLE (usage exit 2)', async () => {
    const { code, stdout } = await conveyor('statement', join(scratch, 'nope.sta'), '--json');
    expect(code).toBe(2);
    expect(JSON.parse(stdout).error.code).toBe('FILE_UNREADABLE');
  }, 60_000);
});
