import { isDomainError } from '@conveyor/kernel';
import { parseStatementFile } from '../parse-statement-file';

const mt940 = (body: string): Uint8Array => Buffer.from(body.replace(/\n/g, '\r\n'), 'latin1');

const german = `:20:STARTUMSE
:25:DE89370400440532013000
:28C:00012/001
:60F:C231229EUR1000,00
:61:2312291230DR150,25NDDTNONREF//BANKREF-1
:86:105?00SEPA-BASISLASTSCHRIFT?10931?20EREF+INV-2023-0042?21MREF+M-7?22SVWZ+Rechnung 2023-0042 Kd
?23nr 9876?30COBADEFFXXX?31DE02120300000000202051?32Stadtwerke Musterstadt Gmb?33H
:61:240102C50,NTRFKREF-9
:86:166?00GUTSCHRIFT?20Zahlung?32Kunde
:61:231231RC20,00NTRFNONREF
:61:231231RD5,00NTRFNONREF
:62F:C240102EUR884,75
-`;

describe('MT940 import', () => {
  it('reads German ?-sub-fields, SEPA EREF+/SVWZ+, reversals and entry dates across New Year', () => {
    const parsed = parseStatementFile(mt940(german));
    expect(parsed.format).toBe('mt940');
    const [statement] = parsed.statements;
    expect(statement).toMatchObject({ account: { iban: 'DE89370400440532013000', currency: 'EUR' }, statementId: '00012/001', openingBalance: '1000.00', closingBalance: '884.75', from: '2023-12-29', to: '2024-01-02' });
    expect(statement.transactions[0]).toMatchObject({
      valueDate: '2023-12-29',
      bookingDate: '2023-12-30',
      amount: '-150.25',
      counterpartyName: 'Stadtwerke Musterstadt GmbH',
      counterpartyIban: 'DE02120300000000202051',
      endToEndId: 'INV-2023-0042',
      reference: 'Rechnung 2023-0042 Kdnr 9876',
      bankReference: 'BANKREF-1',
      transactionCode: 'NDDT/105',
    });
    expect(statement.transactions[1]).toMatchObject({ amount: '50.00', reference: 'Zahlung', counterpartyName: 'Kunde', description: expect.stringContaining('customer reference KREF-9') });
    // RC reverses a credit (money leaves), RD reverses a debit (money comes back).
    expect(statement.transactions.slice(2).map((line) => [line.amount, line.reversal])).toEqual([['-20.00', true], ['5.00', true]]);
    expect(parsed.issues).toEqual([]);
  });

  it('splits a multi-statement file and checks continuity between the statements', () => {
    const second = german.replace(':28C:00012/001', ':28C:00013/001').replace(':60F:C231229EUR1000,00', ':60F:C240102EUR884,70').replace(':62F:C240102EUR884,75', ':62F:C240102EUR769,45');
    const parsed = parseStatementFile(mt940(`${german}\n${second}`));
    expect(parsed.statements).toHaveLength(2);
    // The same bank lines in two statements are the same lines: same dedup keys.
    expect(parsed.statements[1].transactions.map((line) => line.dedupKey)).toEqual(parsed.statements[0].transactions.map((line) => line.dedupKey));
    expect(parsed.issues).toEqual([expect.objectContaining({ code: 'STATEMENT_CONTINUITY_GAP', statementIndex: 1, details: expect.objectContaining({ previousClosingBalance: '884.75', nextOpeningBalance: '884.70' }) })]);
  });

  it('reads an MT942 interim report inside SWIFT blocks', () => {
    const parsed = parseStatementFile(mt940(`{1:F01BANKDEFFXXXX0000000000}{2:O9421200240102BANKDEFFXXXX00000000002401021200N}{4:
:20:INTRADAY
:25:DE89370400440532013000
:28C:1/1
:34F:EURD0,
:13D:2401021200+0100
:61:240102D12,34NMSCNONREF
:86:Kartenzahlung
:90D:1EUR12,34
-}{5:{CHK:123456789ABC}}`));
    expect(parsed.format).toBe('mt942');
    expect(parsed.statements[0]).toMatchObject({ from: '2024-01-02', to: '2024-01-02', transactions: [expect.objectContaining({ amount: '-12.34', currency: 'EUR', description: 'Kartenzahlung' })] });
  });

  it('skips and reports a statement line it cannot read, keeping the others', () => {
    const parsed = parseStatementFile(mt940(german.replace(':61:240102C50,NTRFKREF-9', ':61:2401XXC50,NTRFKREF-9')));
    expect(parsed.statements[0].transactions).toHaveLength(3);
    expect(parsed.issues.map((issue) => issue.code)).toEqual(['ENTRY_SKIPPED', 'STATEMENT_BALANCE_BREAK']);
    expect(parsed.issues[0].message).toContain('line 8');
  });

  it('refuses a file whose balance cannot be read, saying where', () => {
    let caught: unknown;
    try {
      parseStatementFile(mt940(german.replace(':62F:C240102EUR884,75', ':62F:C24XX02EUR884,75')));
    } catch (error) {
      caught = error;
    }
    expect(isDomainError(caught) && { code: caught.code, message: caught.message }).toEqual({ code: 'STATEMENT_MALFORMED', message: expect.stringContaining('line 12') });
  });
});
