import Decimal from 'decimal.js';

/** One booked entry of a generated camt.053 statement; amounts are signed decimal strings (debit negative). */
export interface FixtureEntry {
  amount: string;
  date: string;
  /** The counterparty: the creditor of a debit (we pay), the debtor of a credit. */
  name?: string;
  iban?: string;
  reference?: string;
  /** The bank's own id (AcctSvcrRef); left out, the line is identified by its content. */
  bankReference?: string;
}

export interface FixtureStatement {
  iban: string;
  statementId: string;
  opening: string;
  /** Defaults to opening plus the entries; give another value for a balance break. */
  closing?: string;
  from: string;
  to: string;
  entries: FixtureEntry[];
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function balance(code: string, amount: Decimal, date: string): string {
  return `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount.abs().toFixed(2)}</Amt>` +
    `<CdtDbtInd>${amount.isNegative() ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
}

function entry(line: FixtureEntry): string {
  const amount = new Decimal(line.amount);
  const debit = amount.isNegative();
  const party = line.name || line.iban
    ? `<RltdPties>${debit ? '<Cdtr>' : '<Dbtr>'}${line.name ? `<Nm>${escape(line.name)}</Nm>` : ''}${debit ? '</Cdtr>' : '</Dbtr>'}` +
      `${line.iban ? `${debit ? '<CdtrAcct>' : '<DbtrAcct>'}<Id><IBAN>${line.iban}</IBAN></Id>${debit ? '</CdtrAcct>' : '</DbtrAcct>'}` : ''}</RltdPties>`
    : '';
  const remittance = line.reference ? `<RmtInf><Ustrd>${escape(line.reference)}</Ustrd></RmtInf>` : '';
  return `<Ntry><Amt Ccy="EUR">${amount.abs().toFixed(2)}</Amt><CdtDbtInd>${debit ? 'DBIT' : 'CRDT'}</CdtDbtInd><Sts>BOOK</Sts>` +
    `<BookgDt><Dt>${line.date}</Dt></BookgDt><ValDt><Dt>${line.date}</Dt></ValDt>${line.bankReference ? `<AcctSvcrRef>${line.bankReference}</AcctSvcrRef>` : ''}` +
    `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>` +
    `<NtryDtls><TxDtls>${party}${remittance}</TxDtls></NtryDtls></Ntry>`;
}

/** A camt.053.001.02 file with one statement, as a bank would deliver it. */
export function camt053(statement: FixtureStatement): Buffer {
  const opening = new Decimal(statement.opening);
  const closing = statement.closing !== undefined ? new Decimal(statement.closing) : statement.entries.reduce((sum, line) => sum.plus(line.amount), opening);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>${statement.statementId}-MSG</MsgId><CreDtTm>${statement.to}T18:00:00+01:00</CreDtTm></GrpHdr>
<Stmt><Id>${statement.statementId}</Id><CreDtTm>${statement.to}T18:00:00+01:00</CreDtTm>
<FrToDt><FrDtTm>${statement.from}T00:00:00+01:00</FrDtTm><ToDtTm>${statement.to}T23:59:59+01:00</ToDtTm></FrToDt>
<Acct><Id><IBAN>${statement.iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>
${balance('OPBD', opening, statement.from)}${balance('CLBD', closing, statement.to)}
${statement.entries.map(entry).join('\n')}
</Stmt></BkToCstmrStmt></Document>
`;
  return Buffer.from(xml, 'utf8');
}
