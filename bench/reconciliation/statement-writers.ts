import { stringify } from 'csv-stringify/sync';
import { XMLBuilder } from 'fast-xml-parser';
import type { CsvMapping } from '@conveyor/bank-statements';
import { transliterate } from './bank-text-variants';
import type { GeneratedLine, Scenario } from './scenario-generator';

/** Writes generated statements in the formats banks deliver, to be read back by parseStatementFile. */
export interface WrittenStatement {
  bytes: Buffer;
  fileName: string;
  csvMapping?: CsvMapping;
}

const decimal = (minor: number): string => (Math.abs(minor) / 100).toFixed(2);
const last = <T>(list: T[]): T => list[list.length - 1];

export function writeStatements(scenario: Scenario, format: 'camt.053' | 'mt940' | 'csv'): WrittenStatement {
  if (format === 'camt.053') return { bytes: Buffer.from(writeCamt053(scenario)), fileName: 'statement.camt053.xml' };
  if (format === 'mt940') return { bytes: Buffer.from(writeMt940(scenario), 'latin1'), fileName: 'statement.sta' };
  return writeCsv(scenario);
}

function writeCamt053(scenario: Scenario): string {
  const balance = (code: string, minor: number, date: string): object => ({
    Tp: { CdOrPrtry: { Cd: code } },
    Amt: { '@_Ccy': 'EUR', '#text': decimal(minor) },
    CdtDbtInd: minor >= 0 ? 'CRDT' : 'DBIT',
    Dt: { Dt: date },
  });
  const entry = (line: GeneratedLine): object => {
    const credit = line.amountMinor > 0;
    const party = { Nm: line.counterpartyName ?? undefined };
    const account = line.counterpartyIban ? { Id: { IBAN: line.counterpartyIban } } : undefined;
    return {
      Amt: { '@_Ccy': 'EUR', '#text': decimal(line.amountMinor) },
      CdtDbtInd: credit ? 'CRDT' : 'DBIT',
      Sts: 'BOOK',
      BookgDt: { Dt: line.bookingDate },
      ValDt: { Dt: line.valueDate },
      AcctSvcrRef: line.bankReference,
      BkTxCd: { Domn: { Cd: 'PMNT', Fmly: { Cd: credit ? 'RCDT' : 'ICDT', SubFmlyCd: 'ESCT' } } },
      NtryDtls: {
        TxDtls: {
          Refs: { EndToEndId: line.endToEndId ?? 'NOTPROVIDED' },
          RltdPties: credit ? { Dbtr: line.counterpartyName ? party : undefined, DbtrAcct: account } : { Cdtr: line.counterpartyName ? party : undefined, CdtrAcct: account },
          RmtInf: line.reference ? { Ustrd: line.reference.slice(0, 140) } : undefined,
        },
      },
      AddtlNtryInf: line.description ?? undefined,
    };
  };
  const statements = scenario.statements.map((statement, index) => {
    const closing = statement.openingMinor + statement.lines.reduce((sum, line) => sum + line.amountMinor, 0) + statement.closingOffsetMinor;
    return {
      Id: `STMT-${index + 1}`,
      ElctrncSeqNb: index + 1,
      CreDtTm: `${last(statement.lines).bookingDate}T23:00:00+01:00`,
      FrToDt: { FrDtTm: `${statement.lines[0].bookingDate}T00:00:00+01:00`, ToDtTm: `${last(statement.lines).bookingDate}T23:59:59+01:00` },
      Acct: { Id: { IBAN: scenario.accountIban }, Ccy: 'EUR' },
      Bal: [balance('OPBD', statement.openingMinor, statement.lines[0].bookingDate), balance('CLBD', closing, last(statement.lines).bookingDate)],
      Ntry: statement.lines.map(entry),
    };
  });
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({
    Document: {
      '@_xmlns': 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02',
      BkToCstmrStmt: { GrpHdr: { MsgId: 'BENCH-1', CreDtTm: '2026-08-01T08:00:00+02:00' }, Stmt: statements },
    },
  })}`;
}

/** SWIFT's character set: banks transliterate and drop the rest. */
const swift = (text: string): string => transliterate(text).replace(/&/g, '+').replace(/[^A-Za-z0-9/\-:().,'+ ]/g, ' ');
const mtDate = (iso: string): string => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
const mtAmount = (minor: number): string => decimal(minor).replace('.', ',');

function chunks(text: string, width: number): string[] {
  const parts: string[] = [];
  for (let at = 0; at < text.length; at += width) parts.push(text.slice(at, at + width));
  return parts;
}

function writeMt940(scenario: Scenario): string {
  const out: string[] = [];
  scenario.statements.forEach((statement, index) => {
    const closing = statement.openingMinor + statement.lines.reduce((sum, line) => sum + line.amountMinor, 0) + statement.closingOffsetMinor;
    out.push(':20:STARTUMS', `:25:${scenario.accountIban}`, `:28C:${index + 1}/1`);
    out.push(`:60F:${statement.openingMinor >= 0 ? 'C' : 'D'}${mtDate(statement.lines[0].bookingDate)}EUR${mtAmount(statement.openingMinor)}`);
    for (const line of statement.lines) {
      const mark = line.amountMinor >= 0 ? 'C' : 'D';
      out.push(`:61:${mtDate(line.valueDate)}${line.bookingDate.slice(5, 7)}${line.bookingDate.slice(8, 10)}${mark}${mtAmount(line.amountMinor)}NTRFNONREF//${line.bankReference}`);
      const purpose = [line.endToEndId ? `EREF+${line.endToEndId}` : '', `SVWZ+${swift(line.reference ?? line.description ?? '')}`].filter(Boolean).join(' ');
      const purposeFields = chunks(purpose, 27).slice(0, 10).map((part, at) => `?2${at}${part}`);
      const name = swift(line.counterpartyName ?? '');
      const fields = [
        `${line.amountMinor >= 0 ? '166' : '177'}?00${line.amountMinor >= 0 ? 'GUTSCHRIFT' : 'SEPA-UEBERWEISUNG'}`,
        ...purposeFields,
        line.counterpartyIban ? `?31${line.counterpartyIban}` : '',
        name ? `?32${name.slice(0, 27)}` : '',
        name.length > 27 ? `?33${name.slice(27, 54)}` : '',
      ].join('');
      out.push(...chunks(`:86:${fields}`, 65));
    }
    out.push(`:62F:${closing >= 0 ? 'C' : 'D'}${mtDate(last(statement.lines).bookingDate)}EUR${mtAmount(closing)}`, '-');
  });
  return `${out.join('\r\n')}\r\n`;
}

function writeCsv(scenario: Scenario): WrittenStatement {
  const germanDate = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
  const rows = scenario.statements.flatMap((statement) =>
    statement.lines.map((line) => [
      germanDate(line.bookingDate),
      germanDate(line.valueDate),
      line.counterpartyName ?? '',
      line.counterpartyIban ?? '',
      line.reference ?? '',
      line.description ?? '',
      `${line.amountMinor < 0 ? '-' : ''}${decimal(line.amountMinor).replace('.', ',')}`,
      'EUR',
      line.bankReference,
    ]),
  );
  const header = ['Buchungstag', 'Valutadatum', 'Empfaenger', 'IBAN', 'Verwendungszweck', 'Buchungstext', 'Betrag', 'Waehrung', 'Bankreferenz'];
  const csvMapping: CsvMapping = {
    delimiter: ';',
    decimalSeparator: ',',
    dateFormat: 'dd.MM.yyyy',
    headerRows: 1,
    hasHeader: true,
    columns: { date: 'Buchungstag', valueDate: 'Valutadatum', amount: 'Betrag', currency: 'Waehrung', counterpartyName: 'Empfaenger', counterpartyIban: 'IBAN', reference: 'Verwendungszweck', bankReference: 'Bankreferenz', description: ['Buchungstext'] },
    accountIban: scenario.accountIban,
  };
  return { bytes: Buffer.from(stringify([header, ...rows], { delimiter: ';' })), fileName: 'umsaetze.csv', csvMapping };
}
