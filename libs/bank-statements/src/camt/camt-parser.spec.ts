import { isDomainError } from '@conveyor/kernel';
import { parseStatementFile } from '../parse-statement-file';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');

function camt053(version: string, entries: string, balances = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.${version}"><BkToCstmrStmt>
<GrpHdr><MsgId>M1</MsgId><CreDtTm>2024-03-01T18:00:00+01:00</CreDtTm></GrpHdr>
<Stmt><Id>S-1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>${balances}${entries}</Stmt>
</BkToCstmrStmt></Document>`;
}

const balance = (code: string, amount: string, sign = 'CRDT'): string =>
  `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${sign}</CdtDbtInd><Dt><Dt>2024-03-01</Dt></Dt></Bal>`;

/** camt.053.001.08+ shape: Sts/Cd, Pty wrappers, UETR, charges, DtTm with an offset. */
const v08Debit = `<Ntry><NtryRef>N-7</NtryRef><Amt Ccy="EUR">1000.125</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><DtTm>2024-03-01T23:30:00-05:00</DtTm></BookgDt><ValDt><Dt>2024-03-04</Dt></ValDt><AcctSvcrRef>ASR-1</AcctSvcrRef>
<Chrgs><TtlChrgsAndTaxAmt Ccy="EUR">2.50</TtlChrgsAndTaxAmt></Chrgs>
<NtryDtls><TxDtls><Refs><EndToEndId>E2E-42</EndToEndId><UETR>eb6305c9-1f7f-49de-aed0-16487c27b42d</UETR></Refs>
<RltdPties><Dbtr><Pty><Nm>Us GmbH</Nm></Pty></Dbtr><Cdtr><Pty><Nm>Lieferant AG</Nm></Pty></Cdtr><CdtrAcct><Id><IBAN>DE02120300000000202051</IBAN></Id></CdtrAcct></RltdPties>
<RmtInf><Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd><Ustrd>Invoice 2024-17</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`;

describe('camt import', () => {
  it('reads a camt.053.001.08 debit: exact 3-decimal amount, creditor as counterparty, UETR, charges, day in the bank offset', () => {
    const parsed = parseStatementFile(bytes(camt053('08', v08Debit)));
    expect(parsed.format).toBe('camt.053');
    expect(parsed.statements[0].account).toEqual({ iban: 'DE89370400440532013000', currency: 'EUR', accountId: null });
    expect(parsed.statements[0].transactions[0]).toMatchObject({
      bookingDate: '2024-03-01',
      valueDate: '2024-03-04',
      amount: '-1000.125',
      currency: 'EUR',
      counterpartyName: 'Lieferant AG',
      counterpartyIban: 'DE02120300000000202051',
      reference: 'RF18539007547034',
      endToEndId: 'E2E-42',
      bankReference: 'ASR-1',
      description: 'Invoice 2024-17',
      uetr: 'eb6305c9-1f7f-49de-aed0-16487c27b42d',
      charges: '-2.50',
      status: 'BOOK',
    });
  });

  it.each(['02', '04', '08', '10', '13'])('reads the namespace of camt.053.001.%s', (version) => {
    expect(parseStatementFile(bytes(camt053(version, v08Debit))).statements[0].transactions).toHaveLength(1);
  });

  it('decodes the predefined entities and character references, once', () => {
    const parsed = parseStatementFile(bytes(camt053('02', v08Debit.replace('Lieferant AG', 'M&amp;S &#214;l &amp;lt;GmbH&gt;'))));
    expect(parsed.statements[0].transactions[0].counterpartyName).toBe('M&S Öl &lt;GmbH>');
  });

  it('takes the debtor as counterparty on a credit, and counts only booked entries in the balance', () => {
    const credit = `<Ntry><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2024-03-01</Dt></BookgDt>
<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Kunde KG</Nm></Dbtr><DbtrAcct><Id><IBAN>FR1420041010050500013M02606</IBAN></Id></DbtrAcct></RltdPties></TxDtls></NtryDtls></Ntry>`;
    const pending = `<Ntry><Amt Ccy="EUR">99.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>PDNG</Sts><BookgDt><Dt>2024-03-01</Dt></BookgDt></Ntry>`;
    const parsed = parseStatementFile(bytes(camt053('02', credit + pending, balance('OPBD', '5.00') + balance('CLBD', '15.00'))));
    expect(parsed.statements[0].transactions[0]).toMatchObject({ amount: '10.00', counterpartyName: 'Kunde KG', counterpartyIban: 'FR1420041010050500013M02606' });
    expect(parsed.issues.filter((issue) => issue.code === 'STATEMENT_BALANCE_BREAK')).toEqual([]);
  });

  it('flags a statement that does not balance, with the numbers', () => {
    const entry = `<Ntry><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2024-03-01</Dt></BookgDt></Ntry>`;
    const parsed = parseStatementFile(bytes(camt053('02', entry, balance('OPBD', '100.00') + balance('CLBD', '95.00'))));
    expect(parsed.issues).toEqual([
      expect.objectContaining({
        code: 'STATEMENT_BALANCE_BREAK',
        statementIndex: 0,
        details: { openingBalance: '100.00', entriesTotal: '-10.00', expectedClosingBalance: '90.00', closingBalance: '95.00', difference: '5.00' },
      }),
    ]);
  });

  it('skips and reports an entry without a credit/debit mark, keeping the rest', () => {
    const broken = `<Ntry><Amt Ccy="EUR">1.00</Amt><BookgDt><Dt>2024-03-01</Dt></BookgDt></Ntry>`;
    const parsed = parseStatementFile(bytes(camt053('02', broken + v08Debit)));
    expect(parsed.statements[0].transactions).toHaveLength(1);
    expect(parsed.issues[0]).toMatchObject({ code: 'ENTRY_SKIPPED', severity: 'error', message: expect.stringContaining('entry 1') });
  });

  it.each([
    ['a DOCTYPE with an external entity (XXE)', `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>&x;</Id></Stmt></BkToCstmrStmt></Document>`, 'STATEMENT_XML_FORBIDDEN'],
    ['a billion-laughs entity', `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt/></Document>`, 'STATEMENT_XML_FORBIDDEN'],
    ['truncated XML', camt053('02', v08Debit).slice(0, 400), 'STATEMENT_MALFORMED'],
    ['an undeclared entity (never looked up)', camt053('02', v08Debit).replace('Lieferant AG', '&xxe;'), 'STATEMENT_MALFORMED'],
    ['a camt message without statements', `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>1</MsgId></GrpHdr></BkToCstmrStmt></Document>`, 'STATEMENT_MALFORMED'],
    ['an XML invoice', `<?xml version="1.0"?><Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>1</ID></Invoice>`, 'STATEMENT_FORMAT_UNKNOWN'],
  ])('refuses %s with a coded error', (_case, xml, code) => {
    let caught: unknown;
    try {
      parseStatementFile(bytes(xml));
    } catch (error) {
      caught = error;
    }
    expect(isDomainError(caught) && caught.code).toBe(code);
  });
});
