import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { ParsedStatementFile } from '../bank-statement';
import type { CsvMapping } from '../csv/csv-mapping';
import { ConformanceScore, sameAmount, tokenOverlap } from './conformance-score';
import { BANK_CORPUS, parseCorpusFile, readJson } from './corpus-files.fixture';
import { RECKON_MAPPINGS } from './csv-reckon-mappings.fixture';

interface ReckonExpected {
  transactions: { date: string; description: string; bank_amount: string }[];
}

/** ledger_date_format prints dates as written (--ledger-date-format '%d/%m/%Y'); the rest print ISO. */
function expectedDay(date: string): string {
  return /^\d{2}\/\d{2}\/\d{4}$/.test(date) ? DateTime.fromFormat(date, 'dd/MM/yyyy', { zone: 'utc' }).toISODate()! : date;
}

/** Scores every reckon case with its saved mapping, or with the detected one when `detect` is set. */
export function scoreCsv(detect = false): ConformanceScore {
  const score = new ConformanceScore();
  const root = join(BANK_CORPUS, 'csv-reckon/files');
  for (const [name, mapping] of Object.entries(RECKON_MAPPINGS)) {
    const parsed = parseCorpusFile(join(root, name, 'input.csv'), score, detect ? undefined : mapping);
    if (parsed === null || 'refused' in parsed) {
      score.compare('parsed', false, `${name}: ${parsed ? parsed.refused : 'crash'}`);
      continue;
    }
    compareRows(score, name, parsed, readJson<ReckonExpected>(join(root, name, 'expected.json')), mapping);
  }
  return score;
}

/** reckon sorts its output by date: rows are paired by (day, amount), each used once. */
function compareRows(score: ConformanceScore, name: string, parsed: ParsedStatementFile, expected: ReckonExpected, mapping: CsvMapping): void {
  const ours = [...parsed.statements[0].transactions];
  score.compare('entry count', ours.length === expected.transactions.length, name);
  expected.transactions.forEach((row, index) => {
    const day = expectedDay(row.date);
    const at = ours.findIndex((mine) => mine.bookingDate === day && sameAmount(mine.amount, row.bank_amount));
    const where = `${name}#${index}`;
    score.compare('amount', at >= 0 || ours.some((mine) => sameAmount(mine.amount, row.bank_amount)), where);
    score.compare('sign', at >= 0 || ours.some((mine) => mine.amount.startsWith('-') === row.bank_amount.startsWith('-')), where);
    score.compare('value date', at >= 0, where);
    score.compare('currency', at >= 0 && ours[at].currency === (mapping.currency ?? ours[at].currency), where);
    if (at < 0) return;
    const mine = ours.splice(at, 1)[0];
    // reckon's description joins every text column, the running balance included; compare the words of the text columns.
    const words = row.description
      .split('; ')
      .filter((part) => !/^[£$€]?[\d.,]+$/.test(part.trim()) && part.trim() !== mine.currency && !/^\d{2}[-/]\d{2}[-/]\d{4}$/.test(part.trim()))
      .join(' ');
    score.compare('description text', tokenOverlap(words, `${mine.description ?? ''} ${mine.reference ?? ''}`) >= 0.99, where);
  });
}

export function readCsvBytes(name: string): Buffer {
  return readFileSync(join(BANK_CORPUS, 'csv-reckon/files', name, 'input.csv'));
}
