import { isDomainError } from '@conveyor/kernel';
import type { BankStatement } from './bank-statement';
import { checkContinuity } from './checks/continuity-check';
import { parseStatementFile } from './parse-statement-file';

function refusal(bytes: Uint8Array): string | undefined {
  try {
    parseStatementFile(bytes);
  } catch (error) {
    return isDomainError(error) ? error.code : `not a DomainError: ${String(error)}`;
  }
  return undefined;
}

const ofxLine = (fitId: string, amount: string, day: string): string => `<STMTTRN><TRNTYPE>OTHER<DTPOSTED>${day}<TRNAMT>${amount}<FITID>${fitId}<NAME>X</STMTTRN>`;
const ofx = (account: string, lines: string[]): Uint8Array =>
  Buffer.from(`OFXHEADER:100\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKACCTFROM><ACCTID>${account}</BANKACCTFROM><BANKTRANLIST>${lines.join('')}</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`);

const mt940Day = (day: string, opening: string, closing: string, lines: string[]): string =>
  `:20:REF\n:25:DE89370400440532013000\n:28C:1\n:60F:C${day}EUR${opening}\n${lines.join('\n')}\n:62F:C${day}EUR${closing}\n-\n`;
const coffee = ':61:240301D9,90NMSCNONREF\n:86:CAFE AM MARKT';

describe('parseStatementFile', () => {
  it.each([
    ['an empty file', Buffer.alloc(0), 'STATEMENT_UNREADABLE'],
    ['a PDF', Buffer.from('%PDF-1.7\n1 0 obj'), 'STATEMENT_FORMAT_UNKNOWN'],
    ['an image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), 'STATEMENT_FORMAT_UNKNOWN'],
    ['plain prose', Buffer.from('Dear customer, your statement is attached.'), 'STATEMENT_FORMAT_UNKNOWN'],
    ['an OFX without a body', Buffer.from('OFXHEADER:100\nDATA:OFXSGML\n'), 'STATEMENT_MALFORMED'],
  ])('refuses %s with a coded error', (_case, bytes, code) => {
    expect(refusal(bytes)).toBe(code);
  });

  it('gives the same dedup keys when the same file is imported again', () => {
    const file = ofx('ACC-1', [ofxLine('A', '-1.00', '20240301'), ofxLine('B', '2.00', '20240302')]);
    const keys = (bytes: Uint8Array): string[] => parseStatementFile(bytes).statements[0].transactions.map((line) => line.dedupKey);
    expect(keys(file)).toEqual(keys(Buffer.from(file)));
    expect(new Set(keys(file)).size).toBe(2);
  });

  it('scopes bank ids by account: the same FITID on another account is another line', () => {
    const first = parseStatementFile(ofx('ACC-1', [ofxLine('A', '-1.00', '20240301')])).statements[0].transactions[0].dedupKey;
    const second = parseStatementFile(ofx('ACC-2', [ofxLine('A', '-1.00', '20240301')])).statements[0].transactions[0].dedupKey;
    expect(first).not.toBe(second);
  });

  it('keeps identical lines without bank ids and gives an overlapping statement the same keys for the lines it repeats', () => {
    const twoCoffees = parseStatementFile(Buffer.from(mt940Day('240301', '100,00', '80,20', [coffee, coffee]))).statements[0].transactions;
    expect(twoCoffees).toHaveLength(2);
    expect(twoCoffees[0].dedupKey).not.toBe(twoCoffees[1].dedupKey);
    const overlapping = parseStatementFile(Buffer.from(mt940Day('240301', '100,00', '70,30', [coffee, coffee, coffee]))).statements[0].transactions;
    expect(overlapping.slice(0, 2).map((line) => line.dedupKey)).toEqual(twoCoffees.map((line) => line.dedupKey));
    expect(overlapping[2].dedupKey).not.toBe(twoCoffees[1].dedupKey);
  });

  it('flags a balance break exactly when opening plus entries is not the closing balance', () => {
    const issues = (closing: string): string[] => parseStatementFile(Buffer.from(mt940Day('240301', '100,00', closing, [coffee]))).issues.map((issue) => issue.code);
    expect(issues('90,10')).toEqual([]);
    expect(issues('90,11')).toEqual(['STATEMENT_BALANCE_BREAK']);
  });
});

describe('checkContinuity (across imports)', () => {
  const statement = (overrides: Partial<BankStatement>): BankStatement => ({
    account: { iban: 'DE89370400440532013000', currency: 'EUR' },
    statementId: 'S',
    openingBalance: '0.00',
    closingBalance: '0.00',
    from: '2024-03-01',
    to: '2024-03-01',
    transactions: [],
    ...overrides,
  });

  it('accepts a statement that continues the previous one', () => {
    expect(checkContinuity(statement({ closingBalance: '10.00', to: '2024-03-01' }), statement({ openingBalance: '10.00', from: '2024-03-02' }))).toEqual([]);
  });

  it('reports a balance that does not carry over and the days missing in between', () => {
    const issues = checkContinuity(statement({ closingBalance: '10.00', to: '2024-03-01' }), statement({ openingBalance: '12.00', from: '2024-03-05' }));
    expect(issues.map((issue) => [issue.code, issue.severity])).toEqual([
      ['STATEMENT_CONTINUITY_GAP', 'warning'],
      ['STATEMENT_CONTINUITY_GAP', 'warning'],
    ]);
    expect(issues[1].details).toEqual({ previousTo: '2024-03-01', nextFrom: '2024-03-05', missingDays: 3 });
  });

  it('does not compare statements of different accounts', () => {
    expect(checkContinuity(statement({ closingBalance: '10.00' }), statement({ account: { iban: 'FR1420041010050500013M02606', currency: 'EUR' }, openingBalance: '99.00' }))).toEqual([]);
  });
});
