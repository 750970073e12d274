import { isDomainError } from '@conveyor/kernel';
import { parseStatementFile } from '../parse-statement-file';

const sgml = `OFXHEADER:100
DATA:OFXSGML
VERSION:102
CHARSET:1252

<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20240102</SONRS></SIGNONMSGSRSV1>
<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS><STMTRS><CURDEF>USD
<BANKACCTFROM><BANKID>121000248<ACCTID>99887766<ACCTTYPE>CHECKING</BANKACCTFROM>
<BANKTRANLIST><DTSTART>20231201<DTEND>20231231
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20231231220000.000[-5:EST]<TRNAMT>-1,234.5<FITID>F-1<NAME>ACME &amp; SONS<MEMO>INV 77</STMTTRN>
<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20231215<TRNAMT>+00000100.00<FITID>F-2<NAME>CUSTOMER</STMTTRN>
</BANKTRANLIST><LEDGERBAL><BALAMT>500.00<DTASOF>20231231</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;

describe('OFX import', () => {
  it('reads OFX 1.x SGML: [-5:EST] dates as the bank wrote them, exact amounts, FITID as bank id', () => {
    const parsed = parseStatementFile(Buffer.from(sgml.replace('-1,234.5', '-1234.5'), 'latin1'));
    expect(parsed.format).toBe('ofx');
    expect(parsed.statements[0]).toMatchObject({ account: { currency: 'USD', accountId: '121000248 99887766' }, closingBalance: '500.00', from: '2023-12-01', to: '2023-12-31' });
    expect(parsed.statements[0].transactions.map(({ bookingDate, amount, bankReference, counterpartyName }) => ({ bookingDate, amount, bankReference, counterpartyName }))).toEqual([
      { bookingDate: '2023-12-31', amount: '-1234.50', bankReference: 'F-1', counterpartyName: 'ACME & SONS' },
      { bookingDate: '2023-12-15', amount: '100.00', bankReference: 'F-2', counterpartyName: 'CUSTOMER' },
    ]);
  });

  it('reads the same statement written as OFX 2.x XML identically', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><?OFX OFXHEADER="200" VERSION="220"?>
<OFX><BANKMSGSRSV1><STMTTRNRS><TRNUID>1</TRNUID><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS><STMTRS><CURDEF>USD</CURDEF>
<BANKACCTFROM><BANKID>121000248</BANKID><ACCTID>99887766</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM>
<BANKTRANLIST><DTSTART>20231201</DTSTART><DTEND>20231231</DTEND>
<STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>20231231220000.000[-5:EST]</DTPOSTED><TRNAMT>-1234.5</TRNAMT><FITID>F-1</FITID><NAME><![CDATA[ACME & SONS]]></NAME><MEMO>INV 77</MEMO></STMTTRN>
<STMTTRN><TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>20231215</DTPOSTED><TRNAMT>+00000100.00</TRNAMT><FITID>F-2</FITID><NAME>CUSTOMER</NAME></STMTTRN>
</BANKTRANLIST><LEDGERBAL><BALAMT>500.00</BALAMT><DTASOF>20231231</DTASOF></LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;
    const fromSgml = parseStatementFile(Buffer.from(sgml.replace('-1,234.5', '-1234.5'), 'latin1'));
    expect(parseStatementFile(Buffer.from(xml)).statements).toEqual(fromSgml.statements);
  });

  it('reports an error response instead of importing it', () => {
    const parsed = parseStatementFile(Buffer.from(sgml.replace('<TRNUID>1<STATUS><CODE>0<SEVERITY>INFO', '<TRNUID>1<STATUS><CODE>2000<SEVERITY>ERROR<MESSAGE>General Server Error').replace(/<STMTRS>[\s\S]*<\/STMTRS>/, '')));
    expect(parsed.statements).toEqual([]);
    expect(parsed.issues).toEqual([expect.objectContaining({ code: 'ERROR_RESPONSE', severity: 'error', message: expect.stringContaining('General Server Error') })]);
  });

  it('refuses an OFX with a DOCTYPE', () => {
    let caught: unknown;
    try {
      parseStatementFile(Buffer.from(`<?xml version="1.0"?><!DOCTYPE OFX [<!ENTITY x SYSTEM "file:///etc/passwd">]><OFX><SIGNONMSGSRSV1>&x;</SIGNONMSGSRSV1></OFX>`));
    } catch (error) {
      caught = error;
    }
    expect(isDomainError(caught) && caught.code).toBe('STATEMENT_XML_FORBIDDEN');
  });
});
