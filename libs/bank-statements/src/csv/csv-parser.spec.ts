import { isDomainError } from '@conveyor/kernel';
import { parseStatementFile } from '../parse-statement-file';
import type { CsvMapping } from './csv-mapping';
import { detectCsvMapping } from './detect-csv-mapping';

const germanExport = `Kontoumsätze;DE89370400440532013000
Zeitraum;01.03.2024 - 31.03.2024

Buchungstag;Valuta;Auftraggeber/Empfänger;IBAN;Verwendungszweck;Betrag;Währung
04.03.2024;05.03.2024;Lieferant AG;DE02120300000000202051;RE 2024-17 Kd 9;-1.234,56;EUR
05.03.2024;05.03.2024;Kunde KG;FR1420041010050500013M02606;Rechnung 88;2.000,00;EUR
05.03.2024;05.03.2024;Kunde KG;FR1420041010050500013M02606;Rechnung 88;2.000,00;EUR
`;

const germanMapping: CsvMapping = {
  delimiter: ';',
  decimalSeparator: ',',
  dateFormat: 'dd.MM.yyyy',
  headerRows: 4,
  hasHeader: true,
  accountIban: 'DE89370400440532013000',
  columns: { date: 'Buchungstag', valueDate: 'Valuta', counterpartyName: 'Auftraggeber/Empfänger', counterpartyIban: 'IBAN', reference: 'Verwendungszweck', amount: 'Betrag', currency: 'Währung' },
};

describe('CSV import with a saved mapping', () => {
  it('reads a semicolon, comma-decimal export with junk lines above the header; identical rows are both kept', () => {
    const parsed = parseStatementFile(Buffer.from(germanExport, 'latin1'), { csvMapping: germanMapping });
    expect(parsed.format).toBe('csv');
    const [statement] = parsed.statements;
    expect(statement.account).toEqual({ iban: 'DE89370400440532013000', currency: 'EUR' });
    expect(statement.transactions[0]).toMatchObject({ bookingDate: '2024-03-04', valueDate: '2024-03-05', amount: '-1234.56', currency: 'EUR', counterpartyName: 'Lieferant AG', counterpartyIban: 'DE02120300000000202051', reference: 'RE 2024-17 Kd 9' });
    expect(statement.transactions.map((line) => line.amount)).toEqual(['-1234.56', '2000.00', '2000.00']);
    expect(new Set(statement.transactions.map((line) => line.dedupKey)).size).toBe(3);
    expect(parsed.issues).toEqual([]);
  });

  it('reads split debit/credit columns with symbols, grouping, parentheses and 0 placeholders', () => {
    const csv = 'Date,Payee,Paid out,Paid in\n07 Nov 2013,Rent,"£1,500.00",0\n08 Nov 2013,Refund,,+£20.10\n09 Nov 2013,Fee,(3.00),\n';
    const parsed = parseStatementFile(Buffer.from(csv), {
      csvMapping: { delimiter: ',', decimalSeparator: '.', dateFormat: 'dd MMM yyyy', headerRows: 1, hasHeader: true, currency: 'GBP', columns: { date: 'Date', debit: 'Paid out', credit: 'Paid in', counterpartyName: 'Payee' } },
    });
    expect(parsed.statements[0].transactions.map((line) => line.amount)).toEqual(['-1500.00', '20.10', '-3.00']);
  });

  it('skips and reports a row whose date or amount cannot be read', () => {
    const parsed = parseStatementFile(Buffer.from(germanExport.replace('05.03.2024;05.03.2024;Kunde', '32.03.2024;05.03.2024;Kunde')), { csvMapping: germanMapping });
    expect(parsed.statements[0].transactions).toHaveLength(2);
    expect(parsed.issues).toEqual([expect.objectContaining({ code: 'ENTRY_SKIPPED', message: expect.stringContaining('line 6') })]);
  });

  it.each([
    ['a column name the header does not have', { ...germanMapping, columns: { ...germanMapping.columns, amount: 'Umsatz' } }, 'STATEMENT_CSV_MAPPING_INVALID'],
    ['no amount column', { ...germanMapping, columns: { date: 'Buchungstag' } }, 'STATEMENT_CSV_MAPPING_INVALID'],
    ['a mapping that reads no row', { ...germanMapping, dateFormat: 'yyyy-MM-dd' }, 'STATEMENT_MALFORMED'],
  ])('refuses %s', (_case, mapping, code) => {
    let caught: unknown;
    try {
      parseStatementFile(Buffer.from(germanExport), { csvMapping: mapping as CsvMapping });
    } catch (error) {
      caught = error;
    }
    expect(isDomainError(caught) && caught.code).toBe(code);
  });
});

describe('CSV mapping detection', () => {
  it('proposes the mapping a person would save for a German export', () => {
    const { mapping } = detectCsvMapping(germanExport);
    expect(mapping).toMatchObject({ delimiter: ';', decimalSeparator: ',', dateFormat: 'dd.MM.yyyy', headerRows: 4, hasHeader: true, columns: { date: 'Buchungstag', valueDate: 'Valuta', amount: 'Betrag', currency: 'Währung' } });
    const parsed = parseStatementFile(Buffer.from(germanExport));
    expect(parsed.statements[0].transactions.map((line) => line.amount)).toEqual(['-1234.56', '2000.00', '2000.00']);
    expect(parsed.issues).toEqual([expect.objectContaining({ code: 'CSV_MAPPING_DETECTED', details: { mapping } })]);
  });

  it('refuses to guess when no column holds dates', () => {
    expect(() => detectCsvMapping('a;b;c\nx;1,00;y\n')).toThrow(expect.objectContaining({ code: 'STATEMENT_FORMAT_UNKNOWN' }));
  });
});
