import { DateTime } from 'luxon';
import { DomainError } from '@conveyor/kernel';
import type { ParsedDraft, StatementIssue, TransactionDraft } from '../bank-statement';
import { normaliseAmount } from '../amount-text';
import { STATEMENT_ERRORS } from '../statement-error';
import type { CsvColumn, CsvMapping } from './csv-mapping';
import { readCsvRows, type CsvRow } from './csv-rows';
import { detectCsvMapping } from './detect-csv-mapping';
import { readMoneyCell } from './money-text';

/**
 * A CSV export read with a saved column mapping (or, without one, the detected mapping, reported as an issue
 * so a person can save it). Rows whose date or amount cannot be read are skipped and reported; a mapping that
 * reads no row at all refuses the file.
 */
export function parseCsvStatement(text: string, savedMapping?: CsvMapping): ParsedDraft {
  const issues: StatementIssue[] = [];
  let mapping = savedMapping;
  if (!mapping) {
    const detected = detectCsvMapping(text);
    mapping = detected.mapping;
    issues.push({ code: 'CSV_MAPPING_DETECTED', severity: 'info', message: `no saved mapping: columns detected (${detected.notes.join('; ')}); save the mapping to make it permanent`, details: { mapping } });
  }
  validateMapping(mapping);
  const { header, rows } = readCsvRows(text, mapping.delimiter, mapping.headerRows);
  const columnIndex = resolveColumns(mapping, header);
  const transactions: TransactionDraft[] = [];
  const readDate = dateReader(mapping.dateFormat);
  for (const row of rows) {
    const read = readRow(row, mapping, columnIndex, readDate);
    if (typeof read === 'string') issues.push({ code: 'ENTRY_SKIPPED', severity: 'error', message: `line ${row.line} skipped: ${read}`, statementIndex: 0, details: { line: row.line, cells: row.cells } });
    else transactions.push(read);
  }
  if (transactions.length === 0 && rows.length > 0) {
    throw new DomainError(STATEMENT_ERRORS.malformed, `no row of the CSV could be read with this mapping (first problem: ${issues.find((issue) => issue.code === 'ENTRY_SKIPPED')?.message ?? 'none'})`, { rows: rows.length });
  }
  const days = transactions.map((transaction) => transaction.bookingDate!).sort();
  const currencies = [...new Set(transactions.map((transaction) => transaction.currency))];
  return {
    format: 'csv',
    statements: [
      {
        account: { iban: mapping.accountIban ?? null, currency: mapping.currency ?? (currencies.length === 1 ? currencies[0] : null) },
        statementId: null,
        openingBalance: null,
        closingBalance: null,
        from: days[0] ?? null,
        to: days.at(-1) ?? null,
        transactions,
      },
    ],
    issues,
  };
}

type ColumnName = keyof CsvMapping['columns'];
type ResolvedColumns = Partial<Record<Exclude<ColumnName, 'description'>, number>> & { description: number[] };

function resolveColumns(mapping: CsvMapping, header: string[] | null): ResolvedColumns {
  const resolve = (column: CsvColumn, role: string): number => {
    if (typeof column === 'number') return column;
    const index = header?.findIndex((name) => name.trim().toLowerCase() === column.trim().toLowerCase()) ?? -1;
    if (index < 0) throw new DomainError(STATEMENT_ERRORS.mappingInvalid, `CSV mapping names column "${column}" for ${role}, but the header row has no such column`, { column, header });
    return index;
  };
  const resolved: ResolvedColumns = { description: (mapping.columns.description ?? []).map((column) => resolve(column, 'description')) };
  for (const [role, column] of Object.entries(mapping.columns) as [ColumnName, CsvColumn | CsvColumn[] | undefined][]) {
    if (role !== 'description' && column !== undefined && !Array.isArray(column)) resolved[role] = resolve(column, role);
  }
  return resolved;
}

function validateMapping(mapping: CsvMapping): void {
  const problems: string[] = [];
  if (!mapping.delimiter || mapping.delimiter.length !== 1) problems.push('delimiter must be one character');
  if (mapping.decimalSeparator !== '.' && mapping.decimalSeparator !== ',') problems.push('decimalSeparator must be "." or ","');
  if (mapping.decimalSeparator === mapping.delimiter) problems.push('decimal separator and delimiter cannot be the same');
  if (!mapping.dateFormat) problems.push('dateFormat is required');
  if (!Number.isInteger(mapping.headerRows) || mapping.headerRows < 0) problems.push('headerRows must be a whole number ≥ 0');
  if (mapping.columns.date === undefined) problems.push('a date column is required');
  if (mapping.columns.amount === undefined && mapping.columns.debit === undefined && mapping.columns.credit === undefined) problems.push('an amount column, or debit and credit columns, are required');
  if (problems.length > 0) throw new DomainError(STATEMENT_ERRORS.mappingInvalid, `CSV mapping is invalid: ${problems.join('; ')}`, { problems });
}

function readRow(row: CsvRow, mapping: CsvMapping, columns: ResolvedColumns, readDate: (text: string) => string | null): TransactionDraft | string {
  const cell = (index: number | undefined): string => (index === undefined ? '' : (row.cells[index] ?? '').trim());
  const currency = cell(columns.currency).toUpperCase() || mapping.currency || 'XXX';
  const bookingDate = readDate(cell(columns.date));
  if (!bookingDate) return `date "${cell(columns.date)}" does not match ${mapping.dateFormat}`;
  const valueText = cell(columns.valueDate);
  const valueDate = valueText ? readDate(valueText) : bookingDate;
  if (!valueDate) return `value date "${valueText}" does not match ${mapping.dateFormat}`;
  const amount = readAmount(cell, columns, mapping, currency);
  if (typeof amount !== 'string' || amount === '') return amount === '' ? 'no amount' : amount.problem;
  const description = columns.description.map(cell).filter(Boolean).join('; ');
  return {
    bookingDate,
    valueDate,
    amount,
    currency,
    counterpartyName: cell(columns.counterpartyName) || null,
    counterpartyIban: cell(columns.counterpartyIban).replace(/\s+/g, '') || null,
    reference: cell(columns.reference) || null,
    endToEndId: null,
    bankReference: cell(columns.bankReference) || null,
    description: description || null,
  };
}

/** One signed column, or debit and credit columns (a 0 or empty cell is no movement). */
function readAmount(cell: (index: number | undefined) => string, columns: ResolvedColumns, mapping: CsvMapping, currency: string): string | { problem: string } {
  const read = (index: number | undefined): string | null | '' => (index === undefined ? '' : readMoneyCell(cell(index), mapping.decimalSeparator, currency));
  let amount: string;
  if (columns.amount !== undefined) {
    const value = read(columns.amount);
    if (value === null) return { problem: `amount "${cell(columns.amount)}" is not a number` };
    amount = value;
  } else {
    const debit = read(columns.debit);
    const credit = read(columns.credit);
    if (debit === null) return { problem: `debit "${cell(columns.debit)}" is not a number` };
    if (credit === null) return { problem: `credit "${cell(columns.credit)}" is not a number` };
    const debitMoves = debit !== '' && /[1-9]/.test(debit);
    const creditMoves = credit !== '' && /[1-9]/.test(credit);
    if (debitMoves && creditMoves) return { problem: `both debit "${debit}" and credit "${credit}" are filled` };
    if (!debitMoves && !creditMoves) amount = debit || credit;
    else amount = debitMoves ? `-${debit.replace(/^-/, '')}` : credit.replace(/^-/, '');
  }
  if (amount === '') return amount;
  return mapping.negateAmounts ? (normaliseAmount(amount, currency, true) ?? amount) : amount;
}

/** Exports repeat a few dates on many rows: each distinct text is parsed once per file. */
function dateReader(format: string): (text: string) => string | null {
  const seen = new Map<string, string | null>();
  return (text) => {
    const trimmed = text.trim();
    let day = seen.get(trimmed);
    if (day === undefined) {
      const date = DateTime.fromFormat(trimmed, format, { zone: 'utc', locale: 'en-US' });
      day = date.isValid ? date.toISODate() : null;
      seen.set(trimmed, day);
    }
    return day;
  };
}
