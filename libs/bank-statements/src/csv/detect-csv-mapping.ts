import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { DomainError } from '@conveyor/kernel';
import { STATEMENT_ERRORS } from '../statement-error';
import type { CsvMapping } from './csv-mapping';
import { readMoneyCell } from './money-text';

export interface DetectedCsvMapping {
  mapping: CsvMapping;
  /** What was guessed and why, for the person who saves the mapping. */
  notes: string[];
}

const DELIMITERS = [';', ',', '\t', '|'];
/** Day-first before month-first: the order only matters when every value fits both (then the notes say so). */
const DATE_FORMATS = ['yyyy-MM-dd', 'dd.MM.yyyy', 'd.M.yyyy', 'dd/MM/yyyy', 'MM/dd/yyyy', 'd/M/yyyy', 'M/d/yyyy', 'dd-MM-yyyy', 'yyyyMMdd', 'dd MMM yyyy', 'd MMM yyyy', 'dd.MM.yy', 'dd/MM/yy', 'MM/dd/yy', 'yyyy/MM/dd', 'dd-MMM-yyyy'];
const DEBIT_NAMES = /debit|soll|paid out|withdrawal|d[ée]bit|ausgang|belastung|af$/i;
const CREDIT_NAMES = /credit|haben|paid in|deposit|cr[ée]dit|eingang|gutschrift|bij$/i;
const BALANCE_NAMES = /balance|saldo|solde|kontostand/i;
const AMOUNT_NAMES = /amount|betrag|montant|importe|bedrag|bel[øo]b|gross|umsatz/i;

/**
 * Proposes a mapping for an unknown CSV export: the delimiter that splits lines most consistently, the header
 * row (junk lines above it skipped), a date column and its format, the amount column (or a debit and a credit
 * column; a running balance is left out), currency and text columns. Refuses when no date or amount is found.
 */
export function detectCsvMapping(text: string): DetectedCsvMapping {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const delimiter = pickDelimiter(lines);
  const table = lines.map((line) => splitLine(line, delimiter));
  const width = mode(table.filter((cells) => cells.length > 1).map((cells) => cells.length));
  const dateColumnOf = (cells: string[]): number => cells.findIndex((cell) => DATE_FORMATS.some((format) => DateTime.fromFormat(cell, format, { locale: 'en-US' }).isValid));
  const firstData = table.findIndex((cells) => cells.length === width && dateColumnOf(cells) >= 0);
  if (firstData < 0) throw undetectable('no row with a date was found');
  const hasHeader = firstData > 0 && table[firstData - 1].length === width && dateColumnOf(table[firstData - 1]) < 0;
  const header = hasHeader ? table[firstData - 1] : null;
  const rows = table.slice(firstData).filter((cells) => cells.length === width);
  const notes = [`delimiter "${delimiter === '\t' ? '\\t' : delimiter}"`, `${firstData} line(s) before the data${hasHeader ? ', the last one a header' : ''}`];

  const dateColumns = columnsWhere(width, (column) => pickDateFormat(rows.map((cells) => cells[column])) !== null);
  if (dateColumns.length === 0) throw undetectable('no column holds dates in every row');
  const dateFormat = pickDateFormat(rows.map((cells) => cells[dateColumns[0]]))!;
  if (dateFormat.startsWith('MM/dd') || dateFormat.startsWith('M/d')) notes.push(`dates read month-first (${dateFormat})`);
  else notes.push(`dates read as ${dateFormat}`);
  const decimalSeparator = rows.some((cells) => cells.some((cell) => /^[-+]?[^,]*\d,\d{1,2}(\s*[A-Z]{3})?$/.test(cell))) && delimiter !== ',' ? ',' : '.';
  const moneyColumns = columnsWhere(width, (column) => !dateColumns.includes(column) && isMoneyColumn(rows.map((cells) => cells[column]), decimalSeparator));
  const named = (pattern: RegExp): number | undefined => moneyColumns.find((column) => header !== null && pattern.test(header[column]));
  const balance = named(BALANCE_NAMES) ?? (moneyColumns.length > 1 && !header ? moneyColumns.at(-1) : undefined);
  const candidates = moneyColumns.filter((column) => column !== balance);
  const columns: CsvMapping['columns'] = { date: dateColumns[0] };
  if (dateColumns[1] !== undefined) columns.valueDate = dateColumns[1];
  const debit = named(DEBIT_NAMES);
  const credit = named(CREDIT_NAMES);
  const amountByName = named(AMOUNT_NAMES);
  if (amountByName !== undefined) columns.amount = amountByName;
  else if (debit !== undefined && credit !== undefined) Object.assign(columns, { debit, credit });
  else if (candidates.length >= 2 && isSplitPair(rows, candidates[0], candidates[1], decimalSeparator)) Object.assign(columns, { debit: candidates[0], credit: candidates[1] });
  else if (candidates.length >= 1) columns.amount = candidates[0];
  else throw undetectable('no column holds amounts in every row');
  notes.push(columns.amount !== undefined ? `amount in column ${describe(columns.amount, header)}` : `debit in column ${describe(columns.debit!, header)}, credit in ${describe(columns.credit!, header)}`);
  const used = new Set([...dateColumns, ...moneyColumns]);
  const currencyColumn = columnsWhere(width, (column) => rows.every((cells) => /^[A-Z]{3}$/.test(cells[column]))).find((column) => !used.has(column));
  if (currencyColumn !== undefined) {
    columns.currency = currencyColumn;
    used.add(currencyColumn);
  }
  columns.description = columnsWhere(width, (column) => !used.has(column) && rows.some((cells) => /[A-Za-z]{2}/.test(cells[column])));
  return {
    mapping: { delimiter, decimalSeparator, dateFormat, headerRows: hasHeader ? firstData : firstData, hasHeader, columns: header ? withNames(columns, header) : columns },
    notes,
  };
}

function undetectable(reason: string): DomainError {
  return new DomainError(STATEMENT_ERRORS.formatUnknown, `CSV columns could not be detected (${reason}); import it with a saved column mapping`);
}

function splitLine(line: string, delimiter: string): string[] {
  if (line.trim() === '') return [];
  try {
    return ((parse(line, { delimiter, relax_quotes: true, relax_column_count: true, trim: true }) as string[][])[0] ?? []).map((cell) => cell.trim());
  } catch {
    return [line];
  }
}

function pickDelimiter(lines: string[]): string {
  const sample = lines.filter((line) => line.trim() !== '').slice(0, 30);
  let best = { delimiter: ',', score: -1 };
  for (const delimiter of DELIMITERS) {
    const widths = sample.map((line) => splitLine(line, delimiter).length);
    const common = mode(widths);
    const score = common > 1 ? widths.filter((width) => width === common).length * 100 + common : 0;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

function columnsWhere(width: number, test: (column: number) => boolean): number[] {
  return Array.from({ length: width }, (_, column) => column).filter(test);
}

function pickDateFormat(values: string[]): string | null {
  const filled = values.filter((value) => value !== '');
  if (filled.length === 0 || filled.length < values.length) return null;
  return DATE_FORMATS.find((format) => filled.every((value) => DateTime.fromFormat(value, format, { locale: 'en-US' }).isValid)) ?? null;
}

/** Amount-like in every filled row, with a decimal part or a sign or symbol somewhere (not a check number). */
function isMoneyColumn(values: string[], decimalSeparator: '.' | ','): boolean {
  const filled = values.filter((value) => value !== '');
  if (filled.length === 0) return false;
  if (!filled.every((value) => typeof readMoneyCell(value, decimalSeparator, 'XXX') === 'string' && !/^\d{9,}$/.test(value))) return false;
  const separator = decimalSeparator === '.' ? /\.\d{1,4}\b/ : /,\d{1,4}\b/;
  return filled.some((value) => separator.test(value) || /[-+$£€]/.test(value));
}

/** Debit and credit side by side: in every row at most one of the two moves money. */
function isSplitPair(rows: string[][], first: number, second: number, decimalSeparator: '.' | ','): boolean {
  const moves = (cell: string): boolean => /[1-9]/.test(String(readMoneyCell(cell, decimalSeparator, 'XXX') ?? ''));
  return rows.every((cells) => !(moves(cells[first]) && moves(cells[second]))) && rows.some((cells) => moves(cells[first])) && rows.some((cells) => moves(cells[second]));
}

function describe(column: number | string, header: string[] | null): string {
  if (typeof column === 'string') return `"${column}"`;
  return header ? `"${header[column]}"` : String(column + 1);
}

/** With a header, the mapping names columns, so it survives a bank adding or reordering columns. */
function withNames(columns: CsvMapping['columns'], header: string[]): CsvMapping['columns'] {
  const name = (column: number | string | undefined): string | undefined => (typeof column === 'number' ? header[column] : column);
  return {
    date: name(columns.date)!,
    ...(columns.valueDate !== undefined && { valueDate: name(columns.valueDate) }),
    ...(columns.amount !== undefined && { amount: name(columns.amount) }),
    ...(columns.debit !== undefined && { debit: name(columns.debit), credit: name(columns.credit) }),
    ...(columns.currency !== undefined && { currency: name(columns.currency) }),
    description: (columns.description ?? []).map((column) => name(column)!),
  };
}
