import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDomainError } from '@conveyor/kernel';
import type { ParsedStatementFile } from '../bank-statement';
import type { CsvMapping } from '../csv/csv-mapping';
import { parseStatementFile } from '../parse-statement-file';
import type { ConformanceScore } from './conformance-score';

export const BANK_CORPUS = resolve(__dirname, '../../../../../shared/corpus/bank');

export function filesUnder(directory: string, suffix: string): string[] {
  return readdirSync(directory)
    .flatMap((name) => {
      const path = join(directory, name);
      return statSync(path).isDirectory() ? filesUnder(path, suffix) : name.endsWith(suffix) ? [path] : [];
    })
    .sort();
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Parses one corpus file; a refusal is a DomainError (counted by the caller), anything else is a crash. */
export function parseCorpusFile(path: string, score: ConformanceScore, csvMapping?: CsvMapping): ParsedStatementFile | { refused: string } | null {
  score.documents += 1;
  try {
    return parseStatementFile(readFileSync(path), { fileName: path, csvMapping });
  } catch (error) {
    if (isDomainError(error)) return { refused: `${error.code}: ${error.message}` };
    score.crashes += 1;
    score.notes.push(`${path}: crash ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
